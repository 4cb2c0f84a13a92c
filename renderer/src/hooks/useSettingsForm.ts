import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingKey, SettingsView } from '../../../shared/types';
import type { ErrorSentence } from '../api-context';
import { useCoreText } from '../i18n/core-text';
import { afterPress } from '../lib/after-press';
import { formFromView, validateForm, type FormField, type SettingsForm } from '../lib/settings-form';

/**
 * Form state of the settings dialog. A field's validation message shows once the field was left
 * (or a save/test was attempted), so typing an ID does not flash an error at the first digit.
 */
type CheckField = 'autoStartBot' | 'autoUpdateEnabled' | 'autoRestartService';
type SelectField = 'fetchMode' | 'fetchLimit' | 'fetchPeriod';

export function useSettingsForm(view: SettingsView) {
  const { t } = useTranslation();
  const [form, setForm] = useState<SettingsForm>(() => formFromView(view));
  // The view the form's untouched fields show; a newer one (settings.changed) replaces them.
  const [base, setBase] = useState(view);
  const [changedOutside, setChangedOutside] = useState(false);
  if (view !== base) {
    const rebased = rebase(form, base, view);
    setBase(view);
    setForm(rebased.form);
    if (rebased.editsKept) setChangedOutside(true);
  }
  const [shown, setShown] = useState<ReadonlySet<FormField>>(new Set());
  // The core's notes by field, kept as English + key: said in the language the panel has when shown.
  const [serverErrors, setServerErrors] = useState<Record<string, ErrorSentence>>({});
  const say = useCoreText();
  const errors = useMemo(() => validateForm(form, view), [form, view]);

  const set = <K extends FormField>(field: K, value: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    // The server's complaint was about the old value.
    setServerErrors(({ [field]: _, ...rest }) => rest);
  };
  const reveal = (fields: FormField[]) => setShown((s) => new Set([...s, ...fields]));

  const errorOf = (field: FormField): string | undefined => {
    const local = errors[field];
    const server = serverErrors[field];
    if (server) return say(server.text, server.i18n);
    return shown.has(field) && local ? t(`validation.${local}`) : undefined;
  };
  const envVar = (field: FormField): string | undefined => view.fromEnv[field as SettingKey | 'token'];

  /** Props for a text input bound to `field`. */
  const text = (field: Exclude<FormField, CheckField | SelectField>) => ({
    value: form[field],
    onChange: (value: string) => set(field, value),
    onBlur: () => afterPress(() => reveal([field])),
    error: errorOf(field),
    envVar: envVar(field),
  });
  const check = (field: CheckField) => ({
    checked: form[field],
    onChange: (checked: boolean) => set(field, checked),
    envVar: envVar(field),
  });
  /** Props for a select of fixed values (the fetch settings). */
  const select = <K extends SelectField>(field: K) => ({
    value: form[field],
    onChange: (value: SettingsForm[K]) => set(field, value),
    error: errorOf(field),
    envVar: envVar(field),
  });

  return { form, errors, reveal, setServerErrors, text, check, select, changedOutside };
}

/**
 * The settings changed elsewhere (settings.json fixed by hand, another window saved): fields the user
 * did not edit take the new values, edited ones are kept. `editsKept` when that mixes the two.
 */
export function rebase(form: SettingsForm, before: SettingsView, after: SettingsView): { form: SettingsForm; editsKept: boolean } {
  const was = formFromView(before);
  const now = formFromView(after);
  const fields = Object.keys(form) as FormField[];
  const edited = fields.filter((field) => form[field] !== was[field]);
  // The token is write-only (never in the view): a change of anything else is what the user must hear of.
  const moved = fields.some((field) => field !== 'token' && was[field] !== now[field]);
  const next = { ...now };
  for (const field of edited) Object.assign(next, { [field]: form[field] });
  return { form: next, editsKept: moved && edited.length > 0 };
}
