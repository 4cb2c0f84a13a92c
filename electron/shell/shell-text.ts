// The desktop shell's own words (tray, native dialogs, notifications) in the language chosen in the
// panel (the `language` setting), else the system's (app.getLocale()). Core sentences (the tray
// tooltip, an update's outcome) go through the panel's catalogue by their key.
import { app } from 'electron';
import { renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { shellWords, type ShellKey, type ShellLanguage } from './shell-words.js';

export type { ShellKey, ShellLanguage };

let chosen: () => string = () => '';

/** Where the panel's choice is read (main.ts: the core's settings); '' means the system's language. */
export function followPanelLanguage(read: () => string): void {
  chosen = read;
}

/** Asked each time: the panel's choice and the system language can change while the app runs in the tray. */
export function shellLanguage(): ShellLanguage {
  const pick = chosen();
  if (pick === 'en' || pick === 'fr') return pick;
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
