import { FieldError } from '../../../ui/form/ErrorSummary';

interface Choice {
  value: string;
  label: string;
  lang?: string;
}

/** Checkboxes under one legend, optionally in labelled groups (priorities under their theme). */
export function CheckboxGroup({
  name,
  legend,
  hint,
  error,
  checked,
  groups,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  checked: string[];
  groups: { label?: string; choices: Choice[] }[];
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy} id={name}>
        <legend className="fieldset__legend label--field">{legend}</legend>
        {hint && (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        )}
        <FieldError id={`${name}-error`} message={error} />
        {groups.map((group, g) => (
          <div key={group.label ?? g}>
            {group.label && <p className="heading-s">{group.label}</p>}
            {group.choices.map((c) => {
              const id = `${name}-${c.value}`;
              return (
                <div className="choice" key={c.value}>
                  <input className="choice__input" type="checkbox" id={id} name={name} value={c.value} defaultChecked={checked.includes(c.value)} />
                  <label className="choice__label" htmlFor={id} lang={c.lang}>
                    {c.label}
                  </label>
                </div>
              );
            })}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
