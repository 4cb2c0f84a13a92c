// Says a core sentence in the panel's language: by its key when this panel knows it, else the English
// the core sent (a core newer than the panel may add keys). Numbers and dates in the viewer's locale.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { coreEn, renderText, type CoreEntry, type I18nText } from '../../../shared/core-text';
import { stripBidiControls } from '../lib/bidi';
import { coreFr } from '../../../shared/core-text-fr';
import { currentLanguage, type Language } from './index';

const CATALOGUES: Record<Language, Readonly<Record<string, CoreEntry>>> = { en: coreEn, fr: coreFr };

export type SayCore = (english: string, i18n?: I18nText | null) => string;

export function sayCore(language: Language, english: string, i18n?: I18nText | null): string {
  const said = i18n ? renderText(i18n, CATALOGUES[language], { locale: language }) : null;
  // Names from Discord inside a sentence: bidi controls in them could reorder it.
  return stripBidiControls(said ?? english);
}

export function useCoreText(): SayCore {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return useCallback((english, text) => sayCore(language, english, text), [language]);
}
