// Applies at once and is remembered in localStorage; not part of the saved server settings.
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../../i18n';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <div className="field field--inline">
      <label htmlFor="settings-language">{t('language.label')}</label>
      <select
        id="settings-language"
        value={currentLanguage(i18n)}
        onChange={(e) => void changeLanguage(i18n, e.target.value as Language)}
      >
        {LANGUAGES.map((lang) => (
          // Each language is named in itself, so a user lost in the wrong one can find theirs.
          <option key={lang} value={lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
