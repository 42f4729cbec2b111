import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '~/ui/admin/Field';
import type { Reweighted } from '~/population/reweight';
import type { ReweightView } from '~/population/who.server';
import { groupLabel } from './group-label';
import type { PopulationFormat } from './use-population-format';

// Raw percentages beside the same answers re-weighted to the population, the groups' weights,
// and what the weighting costs in precision (the design effect and effective sample size).

interface Props {
  view: ReweightView | null;
  settings: { baseline: number | null; group: string | null };
  wards: Record<string, string>;
  format: PopulationFormat;
}

export function ReweightSection({ view, settings, wards, format }: Props) {
  const { t } = useTranslation('population');
  const reweighted = (r: Reweighted) => (r.kind === 'shown' ? format.percent(r.proportion) : r.kind === 'suppressed' ? format.fewer : t('reweight.noBase'));
  return (
    <section className="pop-reweight" aria-labelledby="reweight-title">
      <h2 id="reweight-title">{t('reweight.title')}</h2>
      <p>{t('reweight.intro')}</p>
      {!view ? (
        <p>{t('reweight.none')}</p>
      ) : (
        <>
          <Form method="get" className="pop-settings" aria-labelledby="reweight-title">
            {settings.baseline !== null && <input type="hidden" name="baseline" value={settings.baseline} />}
            {settings.group && <input type="hidden" name="group" value={settings.group} />}
            <SelectField
              name="question"
              label={t('reweight.question')}
              defaultValue={String(view.questionId)}
              options={view.questions.map((q) => ({ value: String(q.id), label: q.text }))}
            />
            <SelectField
              name="by"
              label={t('reweight.by')}
              defaultValue={view.weightBy}
              options={view.dimensions.map((d) => ({ value: d, label: t(`dimension.${d}`) }))}
            />
            <div className="form-group">
              <button type="submit" className="button button--secondary">
                {t('reweight.show')}
              </button>
            </div>
          </Form>
          <div className="pop-table" role="region" aria-labelledby="reweight-caption" tabIndex={0}>
            <table className="table">
              <caption className="table__caption" id="reweight-caption">
                {t('reweight.caption', { question: view.questionText, dimension: t(`dimension.${view.weightBy}`) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('reweight.answer')}</th>
                  <th scope="col">{t('reweight.count')}</th>
                  <th scope="col">{t('reweight.raw')}</th>
                  <th scope="col">{t('reweight.reweighted')}</th>
                </tr>
              </thead>
              <tbody>
                {view.result.rows.map((row, i) => (
                  <tr key={row.option} data-option={row.option}>
                    <th scope="row">{view.optionLabels[i] ?? row.option}</th>
                    <td>{format.count(row.count)}</td>
                    <td>{format.share(row.raw)}</td>
                    <td className={row.reweighted.kind === 'suppressed' ? 'pop-figure--hidden' : undefined}>{reweighted(row.reweighted)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {view.result.designEffect !== null && view.result.effectiveSize !== null
              ? t('reweight.designEffect', {
                  deff: format.decimal(view.result.designEffect),
                  effective: format.number(Math.round(view.result.effectiveSize)),
                  answered: format.number(view.result.strata.reduce((sum, s) => sum + (s.base.kind === 'shown' ? s.base.value : 0), 0)),
                })
              : t('reweight.designHidden')}
          </p>
          <h3>{t('reweight.groupsTitle')}</h3>
          <div className="pop-table" role="region" aria-labelledby="weights-caption" tabIndex={0}>
            <table className="table">
              <caption className="table__caption" id="weights-caption">
                {t('reweight.groupsCaption', { dimension: t(`dimension.${view.weightBy}`) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('reweight.groups')}</th>
                  <th scope="col">{t('reweight.populationShare')}</th>
                  <th scope="col">{t('reweight.answered')}</th>
                  <th scope="col">{t('reweight.weight')}</th>
                </tr>
              </thead>
              <tbody>
                {view.result.strata.map((s) => (
                  <tr key={s.values.join('+')}>
                    <th scope="row">{s.values.map((v) => groupLabel(t, view.weightBy, v, wards)).join(', ')}</th>
                    <td>{format.percent(s.populationShare)}</td>
                    <td>{format.count(s.base)}</td>
                    <td>{s.weight === null ? format.fewer : format.decimal(s.weight)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="pop-notes">
            {view.result.merged && <li>{t('reweight.merged', { min: format.number(view.minStratum), threshold: format.number(format.threshold) })}</li>}
            {view.result.rows.some((r) => r.reweighted.kind === 'suppressed') && <li>{t('reweight.suppressed', { fewer: format.fewer })}</li>}
            <li>{t('reweight.outside')}</li>
          </ul>
        </>
      )}
    </section>
  );
}
