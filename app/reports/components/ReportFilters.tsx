import { Form, Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ResultsForm } from '~/analysis/results-model';
import { FilterChoices } from '~/analysis/components/FilterChoices';

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
        <FilterChoices form={form} errors={errors} />
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
