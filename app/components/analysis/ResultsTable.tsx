import { useTranslation } from 'react-i18next';
import type { Cell, Column, MeanRank } from '~/analysis/results-model';
import type { Figures } from './use-figures';

// The figures of a chart as a table, the groups across and the answers down, for screen readers,
// for copying into a report, and for anyone who prefers numbers to bars. A wide breakdown
// scrolls inside its own focusable region, so the page itself never scrolls sideways.

export interface TableRow {
  key: string;
  label: string;
  cells: (Cell | MeanRank)[];
}

interface Props {
  id: string;
  caption: string;
  columns: Column[];
  rows: TableRow[];
  figures: Figures;
  /** The base, "no answer" and responses under the answers. */
  totals?: boolean;
}

function FigureCell({ value, figures }: { value: Cell | MeanRank | undefined; figures: Figures }) {
  const { t } = useTranslation('analysis');
  if (!value || value.suppressed) return <td className="numeric figure figure--hidden">{figures.fewer}</td>;
  if ('value' in value) return <td className="numeric figure">{figures.ofMeanRank(value)}</td>;
  return (
    <td className={`numeric figure${value.notable ? ` figure--${value.notable}` : ''}`}>
      {value.percent === null ? (
        <span className="figure__main">{figures.count(value.count)}</span>
      ) : (
        <>
          <span className="figure__main">{figures.percent(value.percent)}</span> <span className="figure__count">({figures.count(value.count)})</span>
          <span className="figure__interval">{figures.interval(value)}</span>
        </>
      )}
      {value.notable && <strong className="figure__notable">{t(`notable.${value.notable}`)}</strong>}
    </td>
  );
}

export function ResultsTable({ id, caption, columns, rows, figures, totals = true }: Props) {
  const { t } = useTranslation('analysis');
  const totalRows: [string, keyof Pick<Column, 'base' | 'noAnswer' | 'responses'>][] = [
    ['table.base', 'base'],
    ['table.noAnswer', 'noAnswer'],
    ['table.responses', 'responses'],
  ];
  return (
    <div className="table-wrapper results-table" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.answer')}</th>
            {columns.map((c) => (
              <th scope="col" className="numeric" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((c, j) => (
                <FigureCell key={c.key} value={row.cells[j]} figures={figures} />
              ))}
            </tr>
          ))}
        </tbody>
        {totals && (
          <tbody className="results-table__totals">
            {totalRows.map(([label, field]) => (
              <tr key={field}>
                <th scope="row">{t(label)}</th>
                {columns.map((c) => (
                  <td className={`numeric${c[field].suppressed ? ' figure--hidden' : ''}`} key={c.key}>
                    {figures.ofCount(c[field])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}
