// The panel's notice for a settings.json made invalid by hand while the app runs (validated-store.ts).
import { coreText } from '../../../shared/core-text.js';
import { noticesFor } from '../notices.js';
import type { OnFileProblem } from './validated-store.js';

/** Shows one notice per problem in the Notices kept in `noticesFile`; a fixed file takes its notice away. */
export function invalidFileNotice(noticesFile: string): OnFileProblem {
  let shownId: string | null = null;
  return (reason, path) => {
    // Settings are opened before the notices: until then (or in the export CLI) nobody is told, so retry later.
    const notices = noticesFor(noticesFile);
    if (!notices) return false;
    // Fixed, or another problem: the previous notice no longer says what is true.
    if (shownId !== null) notices.dismiss(shownId);
    shownId = null;
    if (reason === null) return true;
    const said = coreText('notice.settingsInvalid', { path, reason: reason.i18n });
    // Not kept past this run: at the next start the file is moved aside, with its own notice.
    shownId = notices.add({ level: 'warn', code: 'settings-invalid', params: { path, reason: reason.text }, message: said.text, i18n: said.i18n }, Date.now(), { thisRunOnly: true }).id;
    return true;
  };
}
