import { AxisBottom, type TicksRendererProps } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import type { Percentage } from '~/analysis/disclosure';
import type { PopulationFormat } from './use-population-format';

// Respondents and population side by side for each group: the respondents' share as a solid
// blue bar (5.2:1 against the page), the population's as a hatched bar outlined in near-black,
// so the two differ by pattern as well as colour, and both figures are printed beside them in
// words. Drawn in per cent of the width, so it reflows without a second layout; in a
// right-to-left language the scale runs from the right. A hidden share gets no bar.

export interface ChartRow {
  key: string;
  label: string;
  respondents: Percentage;
  population: number;
  under: boolean;
}

type Scale = ReturnType<typeof scaleLinear<number>>;

const span = (scale: Scale, to: number) => {
  const [a, b] = [scale(0), scale(to)];
  return { x: `${Math.min(a, b)}%`, width: `${Math.abs(b - a)}%` };
};

export function RepresentationChart({ title, rows, format, rtl }: { title: string; rows: ChartRow[]; format: PopulationFormat; rtl: boolean }) {
  const { t } = useTranslation('population');
  const largest = Math.max(0.01, ...rows.map((r) => Math.max(r.population, r.respondents.kind === 'shown' ? r.respondents.proportion : 0)));
  const scale = scaleLinear<number>({ domain: [0, largest], range: rtl ? [100, 0] : [0, 100], nice: 4 });
  return (
    <div className="pop-chart" role="img" aria-label={t('who.chart.label', { dimension: title })}>
      <ul className="pop-chart__legend" aria-hidden="true">
        <li>
          <span className="pop-chart__swatch pop-chart__swatch--respondents" />
          {t('who.chart.respondents')}
        </li>
        <li>
          <span className="pop-chart__swatch pop-chart__swatch--population" />
          {t('who.chart.population')}
        </li>
      </ul>
      {rows.map((row) => (
        <div className="pop-chart__row" key={row.key} aria-hidden="true">
          <span className="pop-chart__label">{row.label}</span>
          <span className="pop-chart__track">
            <svg width="100%" height="30" focusable="false">
              <Group>
                {row.respondents.kind === 'shown' && (
                  <Bar {...span(scale, row.respondents.proportion)} y={3} height={11} className="pop-chart__bar pop-chart__bar--respondents" />
                )}
                <Bar {...span(scale, row.population)} y={16} height={11} className="pop-chart__bar pop-chart__bar--population" />
              </Group>
            </svg>
          </span>
          <span className="pop-chart__values">
            <span>
              {t('who.chart.respondents')}: {row.respondents.kind === 'shown' ? format.percent(row.respondents.proportion) : format.share(row.respondents)}
            </span>
            <span>
              {t('who.chart.population')}: {format.percent(row.population)}
            </span>
            {row.under && <strong className="pop-flag">{t('who.chart.under')}</strong>}
          </span>
        </div>
      ))}
      <div className="pop-chart__row" aria-hidden="true">
        <span className="pop-chart__label" />
        <span className="pop-chart__track pop-chart__track--axis">
          <svg className="pop-chart__axis" width="100%" height="28" focusable="false">
            <line x1="0%" x2="100%" y1="1" y2="1" className="pop-chart__axis-line" />
            <AxisBottom
              scale={scale}
              numTicks={4}
              hideAxisLine
              tickFormat={(v) => format.percent(Number(v))}
              ticksComponent={(props: TicksRendererProps<Scale>) => (
                <g>
                  {props.ticks.map(({ value, to, formattedValue }) => (
                    <g key={String(value)}>
                      <line x1={`${to.x}%`} x2={`${to.x}%`} y1="1" y2="7" className="pop-chart__tick" />
                      <text x={`${to.x}%`} y="22" textAnchor={to.x <= 0 ? 'start' : to.x >= 100 ? 'end' : 'middle'} className="pop-chart__tick-label">
                        {formattedValue}
                      </text>
                    </g>
                  ))}
                </g>
              )}
            />
          </svg>
        </span>
        <span className="pop-chart__values" />
      </div>
    </div>
  );
}

/** The hatch the population bars are filled with: once per page, so its id is unique. */
export function ChartDefs() {
  return (
    <svg className="pop-chart__defs" aria-hidden="true" focusable="false">
      <defs>
        <pattern id="population-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <rect width="2.5" height="6" fill="#505a5f" />
        </pattern>
      </defs>
    </svg>
  );
}
