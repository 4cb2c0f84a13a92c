// The desktop shell's own words (tray, native dialogs, notifications) in the language chosen in the
// panel (the `language` setting), else the system's (app.getLocale()). Core sentences (the tray
// tooltip, an update's outcome) go through the panel's catalogue by their key.
import { app } from 'electron';
import { renderText, type I18nText } from '../../shared/core-text.js';
import type { SettingsView } from '../../shared/types.js';
import type { Core } from '../core/app-core.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { shellWords, type ShellKey, type ShellLanguage } from './shell-words.js';

export type { ShellKey, ShellLanguage };

let chosen: SettingsView['language'] = '';

/** main.ts: the panel's choice (the `language` setting), kept current by settings.changed; '' = the system's. */
export function followPanelLanguage(core: Pick<Core, 'settings' | 'bus'>): () => void {
  chosen = core.settings.effective().language;
  return core.bus.on('settings.changed', (view) => {
    chosen = view.language;
  });
}

/** Asked each time: the panel's choice and the system language can change while the app runs in the tray. */
export function shellLanguage(): ShellLanguage {
  if (chosen) return chosen;
  return app.getLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** One of the shell's own phrases, `{{name}}` filled from `params`. */
export function shellText(key: ShellKey, params: Record<string, string | number> = {}, language = shellLanguage()): string {
  return shellWords(key, params, language);
}

/** A core sentence in the shell's language, by key; the English the core sent otherwise. */
export function sayInShell(english: string, i18n?: I18nText | null, language = shellLanguage()): string {
  if (language === 'en' || !i18n) return english;
  return renderText(i18n, coreFr, { locale: language }) ?? english;
}
