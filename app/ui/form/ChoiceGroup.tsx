import type { ReactNode } from 'react';
import { FieldError } from './ErrorSummary';

export interface Choice {
  value: string;
  label: string;
  /** Shows a text box to say what, for "Other, please specify". */
  other?: { name: string; label: string; defaultValue: string; error?: string; maxLength: number };
}

interface Props {
  name: string;
  type: 'radio' | 'checkbox';
  legend: ReactNode;
  hint?: string;
  choices: Choice[];
  defaultValue: string[];
  error?: string;
  variant?: 'stacked' | 'inline' | 'scale';
  legendAsHeading?: boolean;
}

/** Radios or checkboxes in a fieldset; the first input carries the field's id for error links. */
export function ChoiceGroup({ name, type, legend, hint, choices, defaultValue, error, variant = 'stacked' }: Props) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint && (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        )}
        <FieldError id={errorId} message={error} />
        <div className={`choices choices--${variant}`}>
          {choices.map((choice, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`;
            return (
              <div className="choice" key={choice.value}>
                <input
                  className={`choice__input choice__input--${type}`}
                  id={id}
                  name={name}
                  type={type}
                  value={choice.value}
                  defaultChecked={defaultValue.includes(choice.value)}
                  data-other={choice.other ? '' : undefined}
                />
                <label className="choice__label" htmlFor={id}>
                  {choice.label}
                </label>
                {choice.other && <OtherText {...choice.other} />}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

// Revealed by CSS (:has(:checked)) when "Other" is chosen, so it works without JavaScript;
// it stays visible when it has an error.
function OtherText({ name, label, defaultValue, error }: NonNullable<Choice['other']>) {
  return (
    <div className={`choice__conditional${error ? ' choice__conditional--error' : ''}`}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      <FieldError id={`${name}-error`} message={error} />
      <input className="input" id={name} name={name} type="text" defaultValue={defaultValue} aria-describedby={error ? `${name}-error` : undefined} />
    </div>
  );
}
