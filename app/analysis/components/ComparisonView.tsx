import { Form, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Comparison, HiddenReason } from '~/analysis/compare';
import { SelectField } from '~/ui/admin/Field';
import { DotInterval } from './DotInterval';
import type { Figures } from './use-figures';

// One question's groups compared on one answer: which answer (a plain GET form, so it works
// without JavaScript), the groups ranked on it with their intervals, and every group that is
// not in the chart with the reason in words. Nothing is dropped without saying so.

const REASONS: readonly HiddenReason[] = ['notAsked', 'nobody', 'group', 'base', 'figure'];

interface Props {
  comparison: Comparison;
  questionKey: string;
  /** The breakdown's name ("Ward"). */
  breakdown: string;
  /** The filters and breakdown as query parameters, kept by the form. */
  query: string;
  figures: Figures;
  rtl: boolean;
}

function HiddenGroups({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation('analysis');
  if (comparison.hidden.length === 0) return null;
  return (
    <div className="compare-hidden">
      <h4 id="compare-hidden-heading">{t('compare.hidden.heading', { count: comparison.hidden.length })}</h4>
      <ul aria-labelledby="compare-hidden-heading">
        {REASONS.map((reason) => {
          const groups = comparison.hidden.filter((h) => h.reason === reason);
          if (groups.length === 0) return null;
          return (
            <li key={reason}>
              {t(`compare.hidden.${reason}`, { count: groups.length })} {groups.map((g) => g.label).join(t('compare.hidden.and'))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ComparisonView({ comparison, questionKey, breakdown, query, figures, rtl }: Props) {
  const { t } = useTranslation('analysis');
  const location = useLocation();
  const option = comparison.option.label;
  const kept = [...new URLSearchParams(query)];
  return (
    <section className="compare" aria-labelledby="compare-heading">
      <h3 id="compare-heading">{t(`compare.heading.${comparison.measure}`, { option, dimension: breakdown })}</h3>
      {comparison.options.length > 1 && (
        // The answer chosen lands the reader back at the comparison, not at the top of the page.
        <Form method="get" action={`${location.pathname}#compare-heading`} className="compare-option" key={location.search}>
          {kept.map(([name, value], i) => (
            <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="question" value={questionKey} />
          <SelectField
            name="option"
            label={t(`compare.pick.${comparison.measure}`)}
            defaultValue={comparison.option.key}
            options={comparison.options.map((o) => ({
              value: o.key,
              label: o.notable > 0 ? t('compare.pick.notable', { option: o.label, count: o.notable }) : o.label,
            }))}
          />
          <button type="submit" className="button button--secondary">
            {t('compare.pick.submit')}
          </button>
        </Form>
      )}
      {comparison.groups.length > 0 ? (
        <DotInterval
          comparison={comparison}
          figures={figures}
          rtl={rtl}
          caption={t(`compare.caption.${comparison.measure}`, { option, dimension: breakdown })}
        />
      ) : (
        <p>{t('compare.noGroups')}</p>
      )}
      {comparison.routed && <p className="hint">{t('compare.notAskedNote')}</p>}
      <HiddenGroups comparison={comparison} />
    </section>
  );
}
