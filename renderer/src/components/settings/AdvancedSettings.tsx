// Settings most people never touch, folded away under a native <details>.
import { useTranslation } from 'react-i18next';
import type { useSettingsForm } from '../../hooks/useSettingsForm';
import { CheckboxField, TextField } from './Field';

export function AdvancedSettings({ fields: f }: { fields: ReturnType<typeof useSettingsForm> }) {
  const { t } = useTranslation();
  // Left uncontrolled: the form opens it itself when a field inside is invalid.
  return (
    <details className="advanced">
      <summary>{t('settings.advanced')}</summary>
      <TextField id="settings-apiUrl" label={t('settings.apiUrl')} type="url" {...f.text('apiUrl')} />
      <fieldset className="advanced__group">
        <legend>{t('settings.updates')}</legend>
        <CheckboxField id="settings-autoUpdateEnabled" label={t('settings.autoUpdateEnabled')} {...f.check('autoUpdateEnabled')} />
        <TextField id="settings-updateBranch" label={t('settings.updateBranch')} {...f.text('updateBranch')} />
        <TextField
          id="settings-checkIntervalMinutes"
          label={t('settings.checkIntervalMinutes')}
          inputMode="numeric"
          {...f.text('checkIntervalMinutes')}
        />
        <CheckboxField id="settings-autoRestartService" label={t('settings.autoRestartService')} {...f.check('autoRestartService')} />
      </fieldset>
    </details>
  );
}
