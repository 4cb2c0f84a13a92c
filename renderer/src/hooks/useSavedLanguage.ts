import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/types';
import { changeLanguage, currentLanguage } from '../i18n';

/** The language saved in the settings (chosen in any panel) applies to this one; '' leaves the page's own choice. */
export function useSavedLanguage(language: SettingsView['language'] | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (language && language !== currentLanguage(i18n)) void changeLanguage(i18n, language);
  }, [language, i18n]);
}
