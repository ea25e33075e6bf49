/**
 * The form's building blocks: a labelled field with its hint and error beside it (tied with
 * aria-describedby), a count field with a numeric keypad, and a group of choices in a fieldset.
 */
import type { ReactNode } from 'react';
import { useTranslation } from './i18n.ts';
import { fieldId } from './problems.ts';

/** The ids a control's aria-describedby lists: its hint, then its error. */
export function describedBy(field: string, hint: boolean, error: string | undefined): string | undefined {
  const id = fieldId(field);
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function Hint({ field, text }: { field: string; text: string | undefined }) {
  return text ? (
    <p className="log-hint" id={`${fieldId(field)}-hint`}>
      {text}
    </p>
  ) : null;
}

export function ErrorText({ field, error }: { field: string; error: string | undefined }) {
  return error ? (
    <p className="log-error" id={`${fieldId(field)}-error`}>
      {error}
    </p>
  ) : null;
}

interface FieldProps {
  field: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  /** Renders the control with its id and description. */
  children: (control: {
    id: string;
    'aria-describedby': string | undefined;
    'aria-invalid': true | undefined;
  }) => ReactNode;
}

export function Field({ field, label, hint, error, optional, children }: FieldProps) {
  const { t } = useTranslation();
  const id = fieldId(field);
  return (
    <div className={error ? 'log-field has-error' : 'log-field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="log-optional"> ({t('log.optional')})</span>}
      </label>
      <Hint field={field} text={hint} />
      <ErrorText field={field} error={error} />
      {children({
        id,
        'aria-describedby': describedBy(field, Boolean(hint), error),
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}

interface CountProps {
  field: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  onChange: (value: string) => void;
}

/** A count: digits only on a phone's keypad, wide enough to tap. */
export function CountField({ field, label, value, error, hint, onChange }: CountProps) {
  return (
    <Field field={field} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="log-count"
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

interface ChoicesProps {
  field: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  type: 'checkbox' | 'radio';
  options: readonly { value: string; label: string; lang?: string | undefined }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** Checkboxes or radio buttons under one legend; the first control carries the field's id. */
export function Choices({ field, legend, hint, error, optional, type, options, selected, onChange }: ChoicesProps) {
  const { t } = useTranslation();
  const id = fieldId(field);
  const toggle = (value: string, checked: boolean) => {
    if (type === 'radio') onChange([value]);
    else onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  };
  return (
    <fieldset
      className={error ? 'log-choices has-error' : 'log-choices'}
      aria-describedby={describedBy(field, Boolean(hint), error)}
    >
      <legend>
        {legend}
        {optional && <span className="log-optional"> ({t('log.optional')})</span>}
      </legend>
      <Hint field={field} text={hint} />
      <ErrorText field={field} error={error} />
      <div className="log-options">
        {options.map((option, index) => (
          <label key={option.value} className="log-option">
            <input
              type={type}
              name={id}
              id={index === 0 ? id : undefined}
              value={option.value}
              checked={selected.includes(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span lang={option.lang}>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
