// Edits the settings; Save sends only what changed, after checking it with the shared schemas.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/api';
import type { SettingsView } from '../../../../shared/types';
import { errorMessage, useApi } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import { buildCandidate, buildPatch, type FormField } from '../../lib/settings-form';
import { Spinner } from '../Icon';
import { AdvancedSettings } from './AdvancedSettings';
import { CheckboxField, TextField } from './Field';
import { LanguagePicker } from './LanguagePicker';
import { MessageSettings } from './MessageSettings';
import { StartOnLogin } from './StartOnLogin';
import { TestConnection } from './TestConnection';
import { TokenField } from './TokenField';

interface Props {
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
  onDone: () => void;
}

const CONNECTION_FIELDS: FormField[] = ['token', 'guildId', 'channelId', 'apiUrl'];

export function SettingsForm({ view, onSaved, onDone }: Props) {
  const { t } = useTranslation();
  const say = useCoreText();
  const api = useApi();
  const f = useSettingsForm(view);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const focusField = (field: string) => {
    const input = formRef.current?.elements.namedItem(`settings-${field}`);
    if (!(input instanceof HTMLElement)) return;
    // An invalid field may sit in the folded "Advanced" section.
    input.closest('details')?.setAttribute('open', '');
    input.focus();
  };

  /** Shows the errors of `fields`, moves focus to the first, and says whether there were any. */
  const check = (fields: FormField[]): boolean => {
    f.reveal(fields);
    const invalid = fields.find((field) => f.errors[field]);
    if (invalid) focusField(invalid);
    return !invalid;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check(Object.keys(f.form) as FormField[])) return;
    const patch = buildPatch(view, f.form);
    if (Object.keys(patch).length === 0) return onDone();
    setSaving(true);
    setSaveError(null);
    try {
      onSaved(await api.settings.save(patch));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.fields) {
        const keyed = error.fieldsI18n ?? {};
        f.setServerErrors(Object.fromEntries(Object.entries(error.fields).map(([k, text]) => [k, { text, i18n: Object.hasOwn(keyed, k) ? keyed[k] : undefined }])));
        const first = Object.keys(error.fields)[0];
        if (first) focusField(first);
      }
      setSaveError(errorMessage(error, say));
    } finally {
      setSaving(false);
    }
  };

  const token = f.text('token');
  return (
    <form ref={formRef} className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
      <TokenField view={view} {...token} onSaved={onSaved} />
      <TextField id="settings-guildId" label={t('settings.guildId')} inputMode="numeric" help={t('settings.idHelp')} {...f.text('guildId')} />
      <TextField id="settings-channelId" label={t('settings.channelId')} inputMode="numeric" {...f.text('channelId')} />
      <CheckboxField id="settings-autoStartBot" label={t('settings.autoStartBot')} {...f.check('autoStartBot')} />
      <StartOnLogin view={view} onSaved={onSaved} />
      <MessageSettings fields={f} />
      <AdvancedSettings fields={f} />
      <LanguagePicker />
      <TestConnection candidate={() => (check(CONNECTION_FIELDS) ? buildCandidate(view, f.form) : null)} />
      {f.changedOutside && (
        <p className="settings-form__changed" role="status">
          {t('settings.changedOutside')}
        </p>
      )}
      {saveError && (
        <p className="settings-form__error" role="alert">
          {t('settings.saveFailed', { message: saveError })}
        </p>
      )}
      <div className="settings-form__actions">
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
          {saving && <Spinner />}
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
    </form>
  );
}
