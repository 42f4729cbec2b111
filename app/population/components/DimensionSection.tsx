import { useTranslation } from 'react-i18next';
import type { ComparisonRow } from '~/population/representation';
import type { DimensionView } from '~/population/who.server';
import { groupLabel } from './group-label';
import { RepresentationChart } from './RepresentationChart';
import type { PopulationFormat } from './use-population-format';

// One dimension of "who we heard from": what was compared, the chart, and the same figures in
// a table with the ratio, the flag and the test behind it.

function FlagCell({ row, format }: { row: ComparisonRow; format: PopulationFormat }) {
  const { t } = useTranslation('population');
  if (!row.tested) return <td>{t('who.table.notTested')}</td>;
  return (
    <td>
      {row.underRepresented ? <strong className="pop-flag">{t('who.table.yes')}</strong> : t('who.table.no')}
      {row.pValue !== null && <span className="pop-figure__note">{format.pValue(row.pValue)}</span>}
    </td>
  );
}

export function DimensionSection({ view, wards, format, rtl }: { view: DimensionView; wards: Record<string, string>; format: PopulationFormat; rtl: boolean }) {
  const { t } = useTranslation('population');
  const { dimension, comparison } = view;
  const title = t(`dimension.${dimension}`);
  const label = (value: string) => groupLabel(t, dimension, value, wards);
  const approximations = [...new Set(comparison.rows.map((r) => r.approximation))];
  const allAlike = approximations.length === 1 && approximations[0] !== null;
  const notes = approximations.filter((a): a is NonNullable<typeof a> => a !== null);
  const headingId = `who-${dimension}`;
  return (
    <section className="pop-dimension" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>{t('who.compared', { base: format.count(comparison.base), notCompared: format.count(comparison.notCompared) })}</p>
      {dimension === 'ageBand' && <p className="hint">{t('who.ageNote')}</p>}
      {dimension === 'carer' && <p className="hint">{t('who.carerNote')}</p>}
      {notes.map((a) => (
        <p className="hint" key={a}>
          {allAlike ? t(`approximation.${a}`) : `* ${t(`approximation.${a}`)}`}
        </p>
      ))}
      <RepresentationChart
        title={title}
        format={format}
        rtl={rtl}
        rows={comparison.rows.map((r) => ({
          key: r.value,
          label: label(r.value),
          respondents: r.share,
          population: r.populationShare,
          under: r.underRepresented,
        }))}
      />
      <div className="pop-table" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
        <table className="table">
          <caption className="table__caption" id={`${headingId}-caption`}>
            {t('who.table.caption', { dimension: title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('who.table.group')}</th>
              <th scope="col">{t('who.table.respondents')}</th>
              <th scope="col">{t('who.table.respondentShare')}</th>
              <th scope="col">{t('who.table.populationShare')}</th>
              <th scope="col">
                {t('who.table.ratio')} <span className="pop-figure__note">{t('who.table.ratioHint')}</span>
              </th>
              <th scope="col">{t('who.table.flag')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <tr key={row.value} data-group={row.value} className={row.underRepresented ? 'pop-row--under' : undefined}>
                <th scope="row">
                  {label(row.value)}
                  {row.approximation && !allAlike && <span className="pop-figure__note">* {t('approximate')}</span>}
                </th>
                <td className={row.respondents.kind === 'shown' ? undefined : 'pop-figure--hidden'}>{format.count(row.respondents)}</td>
                <td className={row.share.kind === 'shown' ? undefined : 'pop-figure--hidden'}>{format.share(row.share)}</td>
                <td>{format.percent(row.populationShare)}</td>
                <td>{row.ratio === null ? '–' : format.decimal(row.ratio)}</td>
                <FlagCell row={row} format={format} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{comparison.comparisons > 0 ? t('who.testNote', { count: comparison.comparisons }) : t('who.noTests')}</p>
    </section>
  );
}
