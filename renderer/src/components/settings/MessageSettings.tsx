// What the panel does with the channel's messages: highlight keywords (like Discord's keyword
// notifications) and the history to read (the original's FETCH_MODE / FETCH_LIMIT / FETCH_PERIOD).
import { useTranslation } from 'react-i18next';
import { FETCH_LIMITS, FETCH_MODES, FETCH_PERIODS } from '../../../../shared/types';
import type { useSettingsForm } from '../../hooks/useSettingsForm';
import { SelectField, TextField } from './Field';

export function MessageSettings({ fields: f }: { fields: ReturnType<typeof useSettingsForm> }) {
  const { t, i18n } = useTranslation();
  const limitLabel = (l: (typeof FETCH_LIMITS)[number]) => (l === 'all' ? t('settings.fetchLimitAll') : Number(l).toLocaleString(i18n.language));
  return (
    <fieldset className="advanced__group settings-messages">
      <legend>{t('settings.messagesSection')}</legend>
      <TextField id="settings-highlightKeywords" label={t('settings.highlightKeywords')} help={t('settings.highlightKeywordsHelp')} {...f.text('highlightKeywords')} />
      <SelectField
        id="settings-fetchMode"
        label={t('settings.fetchMode')}
        help={t('settings.fetchModeHelp')}
        options={FETCH_MODES.map((m) => ({ value: m, label: t(`settings.fetchModes.${m}`) }))}
        {...f.select('fetchMode')}
      />
      <SelectField id="settings-fetchLimit" label={t('settings.fetchLimit')} options={FETCH_LIMITS.map((l) => ({ value: l, label: limitLabel(l) }))} {...f.select('fetchLimit')} />
      <SelectField
        id="settings-fetchPeriod"
        label={t('settings.fetchPeriod')}
        options={FETCH_PERIODS.map((p) => ({ value: p, label: t(`settings.fetchPeriods.${p}`) }))}
        {...f.select('fetchPeriod')}
      />
    </fieldset>
  );
}
