// Applies at once, is remembered in localStorage (the first paint) and saved as the `language` setting,
// which the desktop tray, its dialogs and the other open panels follow.
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api-context';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../../i18n';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const choose = (language: Language) => {
    void changeLanguage(i18n, language);
    // Not saved (server unreachable): this page still switches; the tray keeps the language it had.
    api.settings.save({ language }).catch(() => undefined);
  };
  return (
    <div className="field field--inline">
      <label htmlFor="settings-language">{t('language.label')}</label>
      <select
        id="settings-language"
        value={currentLanguage(i18n)}
        onChange={(e) => choose(e.target.value as Language)}
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
