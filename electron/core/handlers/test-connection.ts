// settings.testConnection: the stored token is only ever sent to the effective API URL (see
// token-destination.ts); testing another URL needs a token typed in the dialog. Environment-set values are locked.
import type { z } from 'zod';
import type { connectionCandidate } from '../../../shared/schemas.js';
import type { SettingsView, TestConnectionResult } from '../../../shared/types.js';
import { testConnection } from '../bot/test-connection.js';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { CommandError } from '../errors.js';
import type { EffectiveSettings } from '../settings/settings.js';
import { sameApiUrl as sameUrl } from './token-destination.js';

export type ConnectionCandidate = z.output<typeof connectionCandidate> | undefined;
type Field = keyof NonNullable<ConnectionCandidate>;
const FIELDS: Field[] = ['token', 'guildId', 'channelId', 'apiUrl'];

export interface ConnectionTarget {
  token: string;
  guildId: string;
  channelId: string;
  apiUrl: string;
}

/** The values to test, or a CommandError saying why this candidate may not be tested. */
export function connectionTarget(candidate: ConnectionCandidate, effective: EffectiveSettings, fromEnv: SettingsView['fromEnv']): ConnectionTarget {
  const current: Record<Field, string> = {
    token: effective.token ?? '',
    guildId: effective.guildId,
    channelId: effective.channelId,
    apiUrl: effective.apiUrl,
  };
  const locked: Record<string, CoreSentence> = {};
  for (const field of FIELDS) {
    const value = candidate?.[field];
    const variable = fromEnv[field];
    if (value === undefined || !variable) continue;
    const same = field === 'apiUrl' ? sameUrl(value, current.apiUrl) : value === current[field];
    if (!same) locked[field] = coreText('fieldNote.fromEnvNotTested', { variable });
  }
  const notes = Object.entries(locked).map(([k, v]) => coreText('input.problem', { field: coreText(`field.${k as Field}`).i18n, issue: v.i18n }).i18n);
  const [first, ...others] = notes;
  if (first) {
    const problems = others.reduce((a, b) => coreText('input.and', { a, b }).i18n, first);
    throw new CommandError('overridden', coreText('command.notTestedFromEnv', { problems }), locked);
  }

  const apiUrl = candidate?.apiUrl ?? current.apiUrl;
  const storedTokenAllowed = sameUrl(apiUrl, current.apiUrl);
  const token = candidate?.token ?? (storedTokenAllowed ? current.token : '');
  if (!token && !storedTokenAllowed && current.token) {
    throw new CommandError('invalid-input', coreText('command.testNeedsToken', { url: apiUrl, savedUrl: current.apiUrl }), { token: coreText('fieldNote.tokenForTestUrl') });
  }
  const target = { token, guildId: candidate?.guildId ?? current.guildId, channelId: candidate?.channelId ?? current.channelId, apiUrl };
  if (!target.token || !target.guildId || !target.channelId) {
    throw new CommandError('invalid-input', coreText('command.testNeedsAll'));
  }
  return target;
}

export async function testConnectionHandler(candidate: ConnectionCandidate, effective: EffectiveSettings, fromEnv: SettingsView['fromEnv']): Promise<TestConnectionResult> {
  return testConnection(connectionTarget(candidate, effective, fromEnv));
}
