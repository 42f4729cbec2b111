import { Form, Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ResultsForm } from '~/analysis/results-model';
import { FieldError } from '~/components/form/ErrorSummary';

// Whose responses the report covers: the results page's filters (same names and values, so an
// address can move between the two), as a plain GET form that works without JavaScript.
// A report has no breakdown: it is one set of figures for a committee to read.

export function ReportFilters({ form, errors }: { form: ResultsForm; errors: Record<string, string> }) {
  const { t } = useTranslation('reports');
  const location = useLocation();
  return (
    <Form method="get" className="results-filters report-controls" aria-labelledby="report-filters-heading" key={location.search}>
      <h2 id="report-filters-heading" className="results-filters__heading">
        {t('page.filtersHeading')}
      </h2>
      <fieldset className="fieldset results-filters__groups" aria-describedby="report-filters-hint">
        <legend className="visually-hidden">{t('page.filtersHeading')}</legend>
        <p className="hint" id="report-filters-hint">
          {t('page.filtersHint')}
        </p>
        {form.dimensions.map(({ dimension, label, choices }) => {
          const chosen = form.selected[dimension] ?? [];
          const error = errors[dimension];
          return (
            <details className={`results-filter${error ? ' form-group--error' : ''}`} key={dimension} open={chosen.length > 0 || Boolean(error)}>
              <summary className="results-filter__summary">
                {label}
                {chosen.length > 0 && <span className="results-filter__count"> {t('analysis:form.chosen', { count: chosen.length })}</span>}
              </summary>
              <fieldset className="fieldset">
                <legend className="visually-hidden">{label}</legend>
                <FieldError id={`${dimension}-error`} message={error} />
                <div className="choices choices--stacked results-filter__choices">
                  {choices.map((choice, i) => {
                    const id = i === 0 ? dimension : `${dimension}-${i + 1}`;
                    return (
                      <div className="choice choice--small" key={choice.value}>
                        <input className="choice__input choice__input--checkbox" type="checkbox" id={id} name={dimension} value={choice.value} defaultChecked={chosen.includes(choice.value)} />
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
        })}
      </fieldset>
      <div className="button-group">
        <button type="submit" className="button">
          {t('page.submit')}
        </button>
        <Link to={location.pathname} className="results-filters__clear">
          {t('page.clear')}
        </Link>
      </div>
    </Form>
  );
}
