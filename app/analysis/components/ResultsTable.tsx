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

// One string and at most two elements per cell, and no hooks: a breakdown by ward is
// thousands of cells.
function figureCell(key: string, value: Cell | MeanRank | undefined, figures: Figures, notable: Record<'higher' | 'lower', string>) {
  if (!value || value.suppressed) {
    return (
      <td key={key} className="figure figure--hidden">
        {figures.fewer}
      </td>
    );
  }
  if ('value' in value) {
    return (
      <td key={key} className="figure">
        {figures.ofMeanRank(value)}
      </td>
    );
  }
  const main = value.percent === null ? figures.count(value.count) : `${figures.percent(value.percent)} (${figures.count(value.count)})`;
  const interval = figures.interval(value);
  return (
    <td key={key} className={`figure${value.notable ? ` figure--${value.notable}` : ''}`}>
      {main}
      {interval && <span className="figure__interval">{interval}</span>}
      {value.notable && <strong className="figure__notable">{notable[value.notable]}</strong>}
    </td>
  );
}

export function ResultsTable({ id, caption, columns, rows, figures, totals = true }: Props) {
  const { t } = useTranslation('analysis');
  const notable = { higher: t('notable.higher'), lower: t('notable.lower') };
  // "Not asked" only where someone was routed past the question (a hidden count says so too).
  const routed = columns.some((c) => c.notAsked.suppressed || c.notAsked.value > 0);
  type TotalRow = [string, keyof Pick<Column, 'base' | 'noAnswer' | 'notAsked' | 'responses'>];
  const notAskedRow: TotalRow[] = routed ? [['table.notAsked', 'notAsked']] : [];
  const totalRows: TotalRow[] = [['table.base', 'base'], ['table.noAnswer', 'noAnswer'], ...notAskedRow, ['table.responses', 'responses']];
  return (
    <>
      {/* Named from outside the scrolling region, so the caption wraps to the page, not the table. */}
      <p className="results-table__caption" id={`${id}-caption`}>
        {caption}
      </p>
      <div className="table-wrapper results-table" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="table" aria-labelledby={`${id}-caption`}>
          <thead>
            <tr>
              <th scope="col">{t('table.answer')}</th>
              {columns.map((c) => (
                <th scope="col" className="figure" key={c.key}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {columns.map((c, j) => figureCell(c.key, row.cells[j], figures, notable))}
              </tr>
            ))}
          </tbody>
          {totals && (
            <tbody className="results-table__totals">
              {totalRows.map(([label, field]) => (
                <tr key={field}>
                  <th scope="row">{t(label)}</th>
                  {columns.map((c) =>
                    // The base would give away a small "no answer": the percentages are of the responses,
                    // or of those asked where some were not.
                    field === 'base' && c.percentOf !== 'answered' ? (
                      <td className="figure figure--hidden" key={c.key}>
                        {t(c.percentOf === 'asked' ? 'table.ofAsked' : 'table.ofResponses')}
                      </td>
                    ) : (
                      <td className={`figure${c[field].suppressed ? ' figure--hidden' : ''}`} key={c.key}>
                        {figures.ofCount(c[field])}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          )}
        </table>
      </div>
    </>
  );
}
