// One i18next instance per app (tests create their own), language remembered in localStorage.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { PANEL_LANGUAGES, type PanelLanguage } from '../../../shared/types';
import { en } from './en';
import { fr } from './fr';

// One list for the panel, the `language` setting and the desktop shell.
export const LANGUAGES = PANEL_LANGUAGES;
export type Language = PanelLanguage;

const STORAGE_KEY = 'dm.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** The saved choice, else the first supported language of the browser, else English. */
export function detectLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage can be disabled (privacy settings); detection still works without it.
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function createI18n(language: Language = detectLanguage()): i18n {
  const instance = i18next.createInstance();
  // Resources are bundled, so initialising synchronously avoids a first render with raw keys.
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // React escapes text itself; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  syncDocumentLanguage(language);
  return instance;
}

export async function changeLanguage(instance: i18n, language: Language): Promise<void> {
  await instance.changeLanguage(language);
  syncDocumentLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still applies to this page.
  }
}

/** The current language as one of ours (i18next may report a region such as "fr-CA"). */
export function currentLanguage(instance: i18n): Language {
  const lang = instance.resolvedLanguage ?? instance.language;
  return isLanguage(lang) ? lang : 'en';
}

// Screen readers pick their voice from <html lang>.
function syncDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}
