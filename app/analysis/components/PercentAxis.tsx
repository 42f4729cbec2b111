import { AxisBottom, type TicksRendererProps } from '@visx/axis';
import { scaleLinear } from '@visx/scale';

// Percentages across the chart's width. The charts are drawn in per cent of their width, not
// in pixels, so they reflow from a phone to a desktop without a second layout on the server:
// visx works out the scale and the ticks, and they are placed as percentages. In a right-to-left
// language the scale runs from the right, so bars grow the way the text reads.

export type PercentScale = ReturnType<typeof percentScale>;

/** 0% to `max`% (100 unless a chart zooms in on smaller figures) across the width. */
export function percentScale(rtl: boolean, max = 100) {
  return scaleLinear<number>({ domain: [0, max], range: rtl ? [100, 0] : [0, 100] });
}

/** A position in per cent of the chart's width, to a hundredth: finer than any screen shows. */
export const at = (n: number) => `${Math.round(n * 100) / 100}%`;

/** Where a span from one percentage to another lies, as SVG x and width in per cent. */
export function span(scale: PercentScale, from: number, to: number): { x: string; width: string } {
  const a = scale(from);
  const b = scale(to);
  return { x: at(Math.min(a, b)), width: at(Math.abs(b - a)) };
}

export function PercentAxis({ scale, format, ticks = [0, 25, 50, 75, 100] }: { scale: PercentScale; format: (percent: number) => string; ticks?: number[] }) {
  return (
    <svg className="chart__axis" width="100%" height="28" aria-hidden="true" focusable="false">
      <line x1="0%" x2="100%" y1="1" y2="1" className="chart__axis-line" />
      <AxisBottom
        scale={scale}
        tickValues={ticks}
        tickFormat={(v) => format(Number(v))}
        hideAxisLine
        ticksComponent={(props: TicksRendererProps<PercentScale>) => (
          <g>
            {props.ticks.map(({ value, to, formattedValue }) => {
              const at = to.x;
              const anchor = at <= 0 ? 'start' : at >= 100 ? 'end' : 'middle';
              return (
                <g key={String(value)}>
                  <line x1={`${at}%`} x2={`${at}%`} y1="1" y2="7" className="chart__tick" />
                  <text x={`${at}%`} y="22" textAnchor={anchor} className="chart__tick-label">
                    {formattedValue}
                  </text>
                </g>
              );
            })}
          </g>
        )}
      />
    </svg>
  );
}

/** The axis as the last row of a chart, under the bars' tracks. */
export function AxisRow({ scale, format }: { scale: PercentScale; format: (percent: number) => string }) {
  return (
    <div className="chart__row chart__row--axis">
      <span className="chart__label" />
      <span className="chart__track chart__track--axis">
        <PercentAxis scale={scale} format={format} />
      </span>
      <span className="chart__value" />
    </div>
  );
}
