import { Group } from '@visx/group';
import { Bar } from '@visx/shape';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { percentBaseOf, type Cell, type QuestionResult } from '~/analysis/results-model';
import { at, AxisRow, percentScale, span } from './PercentAxis';
import type { Figures } from './use-figures';

// An agree–disagree scale or a rating broken down by group: one bar per group, split into the
// answers in their order. Segments are separated by white gaps and labelled with their figure
// in white (every colour here has at least 4.5:1 contrast with white), and the legend names
// them in words, so colour is never the only cue. Hidden figures are not drawn as segments:
// what they leave is one hatched stretch at the end, labelled in the legend.

const AGREE = ['#005a30', '#00703c', '#505a5f', '#c0231a', '#6e1a12'];
const RATING = ['#6e1a12', '#942514', '#c0231a', '#a04a00', '#8a5a00', '#505a5f', '#3d6b34', '#00703c', '#005a30', '#0b3a67'];
const LABEL_MIN_WIDTH = 9;
const HEIGHT = 28;

export function segmentColours(q: Pick<QuestionResult, 'kind' | 'rows'>): string[] {
  const n = q.rows.length;
  if (q.kind === 'agree_scale' && n === AGREE.length) return AGREE;
  return q.rows.map((_, i) => RATING[n <= 1 ? 0 : Math.round((i * (RATING.length - 1)) / (n - 1))] ?? RATING[0]!);
}

type Shown = Extract<Cell, { suppressed: false }>;

export function StackedBars({ q, figures, rtl }: { q: QuestionResult; figures: Figures; rtl: boolean }) {
  const { t } = useTranslation('analysis');
  const scale = percentScale(rtl);
  const colours = segmentColours(q);
  const describe = (j: number) => q.rows.map((r) => `${r.label} ${figures.ofCell(r.cells[j] ?? { suppressed: true })}`).join(', ');
  const description = q.columns.map((c, j) => `${c.label}: ${percentBaseOf(c).suppressed ? figures.fewer : describe(j)}`).join('; ');
  return (
    <div className="chart chart--stacked" role="img" aria-label={t('chart.stacked', { title: q.text, figures: description })}>
      {q.columns.map((column, j) => {
        let filled = 0;
        const segments = q.rows.flatMap((row, i) => {
          const cell = row.cells[j];
          if (!cell || cell.suppressed || cell.percent === null) return [];
          const from = filled;
          filled += cell.percent;
          return [{ key: row.key, cell: cell as Shown & { percent: number }, from, colour: colours[i] }];
        });
        const hidden = percentBaseOf(column).suppressed;
        return (
          <div className="chart__row" key={column.key}>
            <span className="chart__label">{column.label}</span>
            <span className={`chart__track${hidden ? ' chart__track--hidden' : ''}`}>
              {!hidden && (
                <svg width="100%" height={HEIGHT} focusable="false" aria-hidden="true">
                  <Group>
                    {segments.map(({ key, cell, from, colour }) => (
                      <Fragment key={key}>
                        <Bar {...span(scale, from, from + cell.percent)} y={0} height={HEIGHT} fill={colour} className="chart__segment" />
                        {cell.percent >= LABEL_MIN_WIDTH && (
                          <text x={at(scale(from + cell.percent / 2))} y={HEIGHT / 2} dy="0.35em" textAnchor="middle" className="chart__segment-label">
                            {figures.percent(cell.percent)}
                          </text>
                        )}
                      </Fragment>
                    ))}
                    {q.rows.some((r) => r.cells[j]?.suppressed) && (
                      <Bar {...span(scale, filled, 100)} y={0} height={HEIGHT} className="chart__segment chart__segment--hidden" />
                    )}
                  </Group>
                </svg>
              )}
            </span>
            <span className="chart__value">{hidden ? figures.fewer : ''}</span>
          </div>
        );
      })}
      <AxisRow scale={scale} format={figures.percent} />
      <ul className="chart__legend">
        {q.rows.map((r, i) => (
          <li key={r.key}>
            <svg className="chart__swatch" aria-hidden="true" focusable="false">
              <rect width="100%" height="100%" fill={colours[i]} />
            </svg>
            {r.label}
          </li>
        ))}
        <li>
          <span className="chart__swatch chart__swatch--hidden" />
          {t('chart.hiddenSegment', { fewer: figures.fewer })}
        </li>
      </ul>
    </div>
  );
}
