import { useTranslation } from 'react-i18next';
import { RETENTION_ABOUT_YOU, RETENTION_FREE_TEXT } from '#db/schema';
import { InputField } from '~/ui/admin/Field';
import { FieldError } from '~/ui/form/ErrorSummary';

// "Keeping responses" in the builder's details form (issue 18): how many months after closing
// the responses are anonymised (blank: the installation's default, said in words) and what
// happens then to free text and to "about you". Plain fields of the details form, so it posts
// with the rest, with JavaScript or without.

export interface RetentionValues {
  retentionMonths: string;
  retentionFreeText: string;
  retentionAboutYou: string;
}

interface Props {
  values: RetentionValues;
  defaultMonths: number;
  errors: Partial<Record<keyof RetentionValues, string>>;
}

function Choices({
  name,
  choices,
  checked,
  error,
}: {
  name: 'retentionFreeText' | 'retentionAboutYou';
  choices: readonly string[];
  checked: string;
  error?: string;
}) {
  const { t } = useTranslation('builder');
  const legendId = `${name}-legend`;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend className="fieldset__legend label--field" id={legendId}>
          {t(`retention.${name}`)}
        </legend>
        <FieldError id={`${name}-error`} message={error} />
        <div className="choices">
          {choices.map((choice) => (
            <div className="choice" key={choice}>
              <input
                className="choice__input"
                type="radio"
                id={`${name}-${choice}`}
                name={name}
                value={choice}
                defaultChecked={checked === choice}
                aria-describedby={`${name}-${choice}-hint`}
              />
              <label className="choice__label" htmlFor={`${name}-${choice}`}>
                {t(`retention.${name}Choice.${choice}`)}
              </label>
              <p className="hint choice__hint" id={`${name}-${choice}-hint`}>
                {t(`retention.${name}Hint.${choice}`)}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function RetentionFieldset({ values, defaultMonths, errors }: Props) {
  const { t } = useTranslation('builder');
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('retention.title')}</h2>
      <p className="hint">{t('retention.intro')}</p>
      <InputField
        name="retentionMonths"
        type="number"
        width="short"
        label={t('retention.months')}
        hint={t('retention.monthsHint', { count: defaultMonths })}
        error={errors.retentionMonths}
        defaultValue={values.retentionMonths}
      />
      <Choices name="retentionFreeText" choices={RETENTION_FREE_TEXT} checked={values.retentionFreeText} error={errors.retentionFreeText} />
      <Choices name="retentionAboutYou" choices={RETENTION_ABOUT_YOU} checked={values.retentionAboutYou} error={errors.retentionAboutYou} />
    </section>
  );
}
