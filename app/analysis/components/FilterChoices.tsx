import { useTranslation } from 'react-i18next';
import type { ResultsForm } from '~/analysis/results-model';
import { FieldError } from '~/ui/form/ErrorSummary';

/**
 * The groups a results form can narrow to, one disclosure of checkboxes per dimension (open when
 * something in it is chosen or wrong); nothing chosen in a list means everyone. Shared by the
 * results page and the committee report, so an address can move between the two.
 */
export function FilterChoices({ form, errors }: { form: ResultsForm; errors: Record<string, string> }) {
  const { t } = useTranslation('analysis');
  return form.dimensions.map(({ dimension, label, choices }) => {
    const chosen = form.selected[dimension] ?? [];
    const error = errors[dimension];
    return (
      <details className={`results-filter${error ? ' form-group--error' : ''}`} key={dimension} open={chosen.length > 0 || Boolean(error)}>
        <summary className="results-filter__summary">
          {label}
          {chosen.length > 0 && <span className="results-filter__count"> {t('form.chosen', { count: chosen.length })}</span>}
        </summary>
        <fieldset className="fieldset">
          <legend className="visually-hidden">{label}</legend>
          <FieldError id={`${dimension}-error`} message={error} />
          <div className="choices choices--stacked results-filter__choices">
            {choices.map((choice, i) => {
              const id = i === 0 ? dimension : `${dimension}-${i + 1}`;
              return (
                <div className="choice choice--small" key={choice.value}>
                  <input
                    className="choice__input choice__input--checkbox"
                    type="checkbox"
                    id={id}
                    name={dimension}
                    value={choice.value}
                    defaultChecked={chosen.includes(choice.value)}
                  />
                  <label className="choice__label" htmlFor={id}>
                    {choice.label}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </details>
    );
  });
}
