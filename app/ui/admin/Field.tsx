import type { ReactNode } from 'react';
import { FieldError } from '~/ui/form/ErrorSummary';

// Workspace form fields in the GOV.UK pattern: label, hint, error, control, linked for screen readers.

interface Base {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The id, when a page has the same field name twice. */
  id?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, hint, error, children }: Base & { id: string; children: ReactNode }) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label label--field" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      {children}
    </div>
  );
}

export function InputField({
  type = 'text',
  defaultValue,
  autoComplete,
  width,
  ...base
}: Base & {
  type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local' | 'number' | 'url';
  defaultValue?: string;
  autoComplete?: string;
  width?: 'short' | 'full';
}) {
  const id = base.id ?? base.name;
  return (
    <Frame {...base} id={id}>
      <input
        className={`input${width === 'short' ? ' input--short' : ''}${base.error ? ' input--error' : ''}`}
        id={id}
        name={base.name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(id, base.hint, base.error)}
      />
    </Frame>
  );
}

export function TextAreaField({ defaultValue, rows = 4, ...base }: Base & { defaultValue?: string; rows?: number }) {
  const id = base.id ?? base.name;
  return (
    <Frame {...base} id={id}>
      <textarea
        className={`textarea textarea--short${base.error ? ' textarea--error' : ''}`}
        id={id}
        name={base.name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(id, base.hint, base.error)}
      />
    </Frame>
  );
}

export function SelectField({ options, defaultValue, ...base }: Base & { options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = base.id ?? base.name;
  return (
    <Frame {...base} id={id}>
      <select
        className={`select${base.error ? ' input--error' : ''}`}
        id={id}
        name={base.name}
        defaultValue={defaultValue}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(id, base.hint, base.error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** One checkbox on its own (a yes/no setting). */
export function CheckboxField({ name, label, hint, defaultChecked, value = 'on', id }: Omit<Base, 'error'> & { defaultChecked?: boolean; value?: string }) {
  const fieldId = id ?? name;
  return (
    <div className="form-group">
      <div className="choice">
        <input
          className="choice__input"
          type="checkbox"
          id={fieldId}
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-describedby={hint ? `${fieldId}-hint` : undefined}
        />
        <label className="choice__label" htmlFor={fieldId}>
          {label}
        </label>
      </div>
      {hint && (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
