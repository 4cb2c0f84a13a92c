// Labelled inputs whose notes (help, environment override, error) are tied to them with
// aria-describedby, and whose error also sets aria-invalid.
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Notes {
  help?: string | undefined;
  error?: string | undefined;
  envVar?: string | undefined;
}

function FieldNotes({ id, help, error, envVar }: Notes & { id: string }) {
  const { t } = useTranslation();
  return (
    <>
      {envVar && (
        <p id={`${id}-env`} className="field__env">
          {t('settings.fromEnv', { name: envVar })}
        </p>
      )}
      {help && !envVar && (
        <p id={`${id}-help`} className="field__help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(id: string, { help, error, envVar }: Notes): string | undefined {
  const ids = [envVar && `${id}-env`, help && !envVar && `${id}-help`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface TextFieldProps extends Notes {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'password' | 'url' | 'number';
  placeholder?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  /** Receives focus when the dialog opens. */
  initialFocus?: boolean;
  /** Extra controls shown next to the input (e.g. "Remove token"). */
  addon?: ReactNode;
}

export function TextField({ id, label, value, onChange, onBlur, type = 'text', addon, initialFocus, ...rest }: TextFieldProps) {
  const { help, error, envVar, placeholder, inputMode, autoComplete } = rest;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field__row">
        <input
          id={id}
          name={id}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          placeholder={placeholder}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          spellCheck={false}
          readOnly={Boolean(envVar)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, rest)}
          data-initial-focus={initialFocus && !envVar ? '' : undefined}
        />
        {addon}
      </div>
      <FieldNotes id={id} help={help} error={error} envVar={envVar} />
    </div>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  envVar?: string | undefined;
}

export function CheckboxField({ id, label, checked, onChange, envVar }: CheckboxFieldProps) {
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        // Checkboxes ignore readOnly; disabled is the only way to lock them.
        disabled={Boolean(envVar)}
        aria-describedby={describedBy(id, { envVar })}
      />
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} envVar={envVar} />
    </div>
  );
}

interface SelectFieldProps<V extends string> extends Notes {
  id: string;
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
}

export function SelectField<V extends string>({ id, label, value, options, onChange, ...notes }: SelectFieldProps<V>) {
  const { help, error, envVar } = notes;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field__row">
        <select
          id={id}
          name={id}
          value={value}
          onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}
          // Like a checkbox, a select has no readOnly: locked by the environment means disabled.
          disabled={Boolean(envVar)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, notes)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <FieldNotes id={id} help={help} error={error} envVar={envVar} />
    </div>
  );
}
