import { useTranslation } from 'react-i18next';
import { POPULATION_DIMENSIONS } from '~/population/census-labels';
import type { BaselineFigure } from '~/population/combine';
import { groupLabel } from './group-label';
import { usePopulationFormat } from './use-population-format';
import { ScrollTable } from '~/ui/ScrollRegion';

// A baseline's figures, one table per dimension, approximate ones marked with the reason.
// These are population counts, not respondents: nothing here needs hiding.

export function FiguresTables({ figures, wards }: { figures: BaselineFigure[]; wards: Record<string, string> }) {
  const { t } = useTranslation('population');
  const format = usePopulationFormat(0);
  return (
    <>
      {POPULATION_DIMENSIONS.map((dimension) => {
        const rows = figures.filter((f) => f.dimension === dimension);
        const title = t(`dimension.${dimension}`);
        if (rows.length === 0) return <p key={dimension}>{t('detail.noFigures', { dimension: title })}</p>;
        const total = rows.reduce((sum, f) => sum + f.count, 0);
        const reasons = [...new Set(rows.flatMap((f) => (f.approximation ? [f.approximation] : [])))];
        return (
          <div key={dimension}>
            <ScrollTable data-dimension={dimension} caption={title}>
              <thead>
                <tr>
                  <th scope="col">{t('detail.group')}</th>
                  <th scope="col" className="numeric">
                    {t('detail.people')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('detail.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((f) => (
                  <tr key={f.value}>
                    <th scope="row">
                      {groupLabel(t, dimension, f.value, wards)}
                      {f.approximation && <span className="pop-figure__note">* {t('approximate')}</span>}
                    </th>
                    <td className="numeric">{format.number(f.count)}</td>
                    <td className="numeric">{format.percent(total > 0 ? f.count / total : 0)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            {reasons.map((r) => (
              <p className="hint" key={r}>
                * {t(`approximation.${r}`)}
              </p>
            ))}
          </div>
        );
      })}
    </>
  );
}
