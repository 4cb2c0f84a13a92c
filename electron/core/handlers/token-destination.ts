// Where the stored bot token may be sent: only to the API URL it was saved with. Whoever drives the
// panel could otherwise point the app at their own server and read the token from the requests.
import { apiUrl as apiUrlSchema } from '../../../shared/schemas.js';
import type { SettingsView } from '../../../shared/types.js';
import { coreText } from '../../../shared/core-text.js';
import { CommandError } from '../errors.js';
import type { EffectiveSettings, SettingsPatch } from '../settings/settings.js';

/** Compared after the schema's normalisation: "HTTP://Host/api/" is the same URL as "http://host/api". */
export const sameApiUrl = (a: string, b: string): boolean => (apiUrlSchema.safeParse(a).data ?? a) === (apiUrlSchema.safeParse(b).data ?? b);

/** settings.save: moving the API URL while keeping the token would send it there at the next start. */
export function checkApiUrlChange(patch: Pick<SettingsPatch, 'apiUrl' | 'token'>, effective: EffectiveSettings, fromEnv: SettingsView['fromEnv']): void {
  if (patch.apiUrl === undefined || sameApiUrl(patch.apiUrl, effective.apiUrl)) return;
  // The panel cannot retype a token the environment sets: the URL belongs next to it.
  if (fromEnv.token) {
    throw new CommandError('overridden', coreText('command.urlWithEnvToken', { variable: fromEnv.token }), {
      apiUrl: coreText('fieldNote.urlWithEnvToken', { variable: fromEnv.token }),
    });
  }
  // A typed token (new, or the same one retyped) or a cleared one: nothing stored follows the URL.
  if (!effective.token || patch.token !== undefined) return;
  throw new CommandError('invalid-input', coreText('command.tokenAgainForUrl', { url: patch.apiUrl, savedUrl: effective.apiUrl }), {
    token: coreText('fieldNote.tokenAgainForUrl'),
  });
}
