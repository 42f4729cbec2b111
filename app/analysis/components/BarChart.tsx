import { Group } from '@visx/group';
import { Bar } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import type { Cell } from '~/analysis/results-model';
import { AxisRow, percentScale, span } from './PercentAxis';
import type { Figures } from './use-figures';

// A horizontal bar per answer: the percentage of those who answered, with its 95% interval as
// a black whisker (the bar's blue has 3.8:1 contrast with it and 5.2:1 with the page). The
// figure is also printed beside each bar, so colour and length are never the only cue; a
// hidden figure gets no bar at all, only a hatched, labelled "fewer than 10".

export interface BarDatum {
  key: string;
  label: string;
  cell: Cell;
}

const HEIGHT = 24;
const BAR = { y: 4, height: 16 };

export function BarChart({ bars, figures, rtl, title }: { bars: BarDatum[]; figures: Figures; rtl: boolean; title: string }) {
  const { t } = useTranslation('analysis');
  const scale = percentScale(rtl);
  const description = bars
    .map((b) => {
      const value = figures.ofCell(b.cell);
      const interval = figures.interval(b.cell);
      return `${b.label}: ${value}${interval ? ` (${interval})` : ''}`;
    })
    .join('; ');
  return (
    <div className="chart chart--bars" role="img" aria-label={t('chart.bars', { title, figures: description })}>
      {bars.map(({ key, label, cell }) => {
        const shown = !cell.suppressed && cell.percent !== null;
        return (
          <div className="chart__row" key={key}>
            <span className="chart__label">{label}</span>
            <span className={`chart__track${cell.suppressed ? ' chart__track--hidden' : ''}`}>
              {shown && (
                <svg width="100%" height={HEIGHT} focusable="false" aria-hidden="true">
                  <Group>
                    <Bar {...span(scale, 0, cell.percent ?? 0)} y={BAR.y} height={BAR.height} className="chart__bar" />
                    {cell.ciLow !== null && cell.ciHigh !== null && (
                      <>
                        <Bar {...span(scale, cell.ciLow, cell.ciHigh)} y={HEIGHT / 2 - 1} height={2} className="chart__whisker" />
                        <Bar x={span(scale, cell.ciLow, cell.ciLow).x} width={2} y={BAR.y + 2} height={BAR.height - 4} className="chart__whisker" />
                        <Bar
                          x={span(scale, cell.ciHigh, cell.ciHigh).x}
                          width={2}
                          y={BAR.y + 2}
                          height={BAR.height - 4}
                          className="chart__whisker chart__whisker--end"
                        />
                      </>
                    )}
                  </Group>
                </svg>
              )}
            </span>
            <span className="chart__value">
              {figures.ofCell(cell)}
              {cell.suppressed || !cell.notable ? null : <span className="chart__notable"> {t(`notable.${cell.notable}`)}</span>}
            </span>
          </div>
        );
      })}
      <AxisRow scale={scale} format={figures.percent} />
    </div>
  );
}
