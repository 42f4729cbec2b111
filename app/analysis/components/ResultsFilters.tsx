import { Form, Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ResultsForm } from '~/analysis/results-model';
import { SelectField } from '~/ui/admin/Field';
import { FilterChoices } from '~/analysis/components/FilterChoices';

// Whose answers to count and how to split them: a plain GET form, so it works without
// JavaScript and the address says what is shown. Each dimension is a list of checkboxes in a
// disclosure (open when something in it is chosen); nothing chosen in a list means everyone.

/**
 * `folded`: the choices behind a "Change" disclosure (a breakdown read one question at a time,
 * where the figures, not the form, are what the reader came back for).
 */
export function ResultsFilters({ form, errors, folded = false }: { form: ResultsForm; errors: Record<string, string>; folded?: boolean }) {
  const { t } = useTranslation('analysis');
  const location = useLocation();
  const fields = (
    <>
      <SelectField
        name="breakdown"
        label={t('form.breakdown')}
        hint={t('form.breakdownHint')}
        error={errors.breakdown}
        defaultValue={form.breakdown}
        options={[{ value: '', label: t('form.noBreakdown') }, ...form.dimensions.map((d) => ({ value: d.dimension, label: d.label }))]}
      />
      <fieldset className="fieldset results-filters__groups" aria-describedby="results-filters-hint">
        <legend className="fieldset__legend">{t('form.filter')}</legend>
        <p className="hint" id="results-filters-hint">
          {t('form.filterHint')}
        </p>
        <FilterChoices form={form} errors={errors} />
      </fieldset>
      <div className="button-group">
        <button type="submit" className="button">
          {t('form.submit')}
        </button>
        <Link to={location.pathname} className="results-filters__clear">
          {t('form.clear')}
        </Link>
      </div>
    </>
  );
  return (
    // Keyed by the address, so going back and forth shows what that address asked for.
    <Form method="get" className="results-filters" aria-labelledby="results-filters-heading" key={location.search}>
      <h2 id="results-filters-heading" className="results-filters__heading">
        {t('form.heading')}
      </h2>
      {folded ? (
        <details className="results-filters__fold">
          <summary className="results-filter__summary">{t('form.change')}</summary>
          {fields}
        </details>
      ) : (
        fields
      )}
    </Form>
  );
}
