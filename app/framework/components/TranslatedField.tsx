import { useTranslation } from 'react-i18next';
import { FieldError } from '~/ui/form/ErrorSummary';

// One field of a theme or priority in English, Polish and Urdu side by side. English is required;
// a translation left empty falls back to English on public pages.

const LANGUAGES = [
  { code: 'en', dir: 'ltr' },
  { code: 'pl', dir: 'ltr' },
  { code: 'ur', dir: 'rtl' },
] as const;

export type Lang = (typeof LANGUAGES)[number]['code'];

interface Props {
  field: 'name' | 'description' | 'ambition';
  legend: string;
  hint?: string;
  multiline?: boolean;
  values: Partial<Record<Lang, string>>;
  errors: Record<string, string | undefined>;
}

export function TranslatedField({ field, legend, hint, multiline, values, errors }: Props) {
  const { t } = useTranslation('framework');
  const hintId = hint ? `${field}-hint` : undefined;
  return (
    <fieldset className="fieldset translated" aria-describedby={hintId}>
      <legend className="fieldset__legend translated__legend">{legend}</legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="translated__languages">
        {LANGUAGES.map(({ code, dir }) => {
          const name = code === 'en' ? field : `${code}.${field}`;
          const error = errors[name];
          const errorId = `${name}-error`;
          const props = {
            id: name,
            name,
            lang: code,
            dir,
            defaultValue: values[code] ?? '',
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? errorId : undefined,
          };
          return (
            <div key={code} className={`form-group translated__language${error ? ' form-group--error' : ''}`}>
              <label className="label" htmlFor={name}>
                {t('fieldIn', { field: legend, language: t(`languages.${code}`) })}
                {code !== 'en' && <span className="hint translated__optional"> {t('optional')}</span>}
              </label>
              <FieldError id={errorId} message={error} />
              {multiline ? (
                <textarea className={`textarea textarea--short${error ? ' textarea--error' : ''}`} rows={3} {...props} />
              ) : (
                <input className={`input${error ? ' input--error' : ''}`} type="text" {...props} />
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
