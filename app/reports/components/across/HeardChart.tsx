import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import type { Percentage } from '~/analysis/disclosure';
import { directionOf } from '~/platform/i18n/config';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { formatShare } from '~/publishing/components/quotes/figures';

// Each linked consultation in date order, top to bottom, with a bar per codebook theme for the
// share of its coded answers that raised the theme. Every bar carries its theme's name and its
// figure in text, so nothing rests on colour; a hidden figure draws no bar and says so. Drawn on
// the server as SVG (works without JavaScript), mirrored for right-to-left languages.

export interface ChartGroup {
  id: number;
  label: string;
  bars: { id: number; label: string; share: Percentage }[];
}

const WIDTH = 720;
const LABEL_WIDTH = 240;
const VALUE_WIDTH = 110;
const ROW = 28;
const HEADING = 30;
const AXIS = 52;
const BAR_COLOUR = '#1d3557';
const TEXT_COLOUR = '#0b0c0c';
const LABEL_MAX = 34;

const shorten = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

export function HeardChart({ id, title, groups }: { id: string; title: string; groups: ChartGroup[] }) {
  const { t } = useTranslation('quotes');
  const locale = usePageLocale();
  const rtl = directionOf(locale) === 'rtl';
  const plotStart = LABEL_WIDTH;
  const plotEnd = WIDTH - VALUE_WIDTH;
  const x = scaleLinear<number>({ domain: [0, 1], range: rtl ? [WIDTH - plotStart, WIDTH - plotEnd] : [plotStart, plotEnd] });
  // Text at the reading start of a line: the left edge, or the right one in right-to-left.
  const lineStart = rtl ? WIDTH : 0;
  const away = (from: number, by: number) => (rtl ? from - by : from + by);

  const placed: { group: ChartGroup; top: number }[] = [];
  let y = 0;
  for (const group of groups) {
    placed.push({ group, top: y });
    y += HEADING + group.bars.length * ROW;
  }
  const height = y + AXIS;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} direction={rtl ? 'rtl' : 'ltr'} className="chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{t('chart.description')}</desc>
        {placed.map(({ group, top }) => (
          <Group key={group.id} top={top}>
            <text x={lineStart} y={HEADING - 10} fill={TEXT_COLOUR} fontSize={14} fontWeight={700} textAnchor="start">
              {group.label}
            </text>
            {group.bars.map((bar, i) => {
              const middle = HEADING + i * ROW + ROW / 2;
              const shown = bar.share.kind === 'shown' ? bar.share.proportion : null;
              const end = x(shown ?? 0);
              const value =
                bar.share.kind === 'shown'
                  ? formatShare(bar.share.proportion, locale)
                  : bar.share.kind === 'suppressed'
                    ? t('figures.hidden')
                    : t('figures.noBase');
              return (
                <g key={bar.id} data-bar={bar.id}>
                  <text x={away(lineStart, 12)} y={middle} dy="0.35em" fill={TEXT_COLOUR} fontSize={13} textAnchor="start">
                    <title>{bar.label}</title>
                    {shorten(bar.label)}
                  </text>
                  {shown !== null && <Bar x={Math.min(x(0), end)} y={middle - 9} width={Math.abs(end - x(0))} height={18} fill={BAR_COLOUR} />}
                  <text
                    x={away(end, 6)}
                    y={middle}
                    dy="0.35em"
                    fill={TEXT_COLOUR}
                    fontSize={13}
                    textAnchor="start"
                    fontStyle={shown === null ? 'italic' : undefined}
                  >
                    {value}
                  </text>
                </g>
              );
            })}
          </Group>
        ))}
        <AxisBottom
          top={y + 4}
          scale={x}
          numTicks={5}
          tickFormat={(v) => formatShare(Number(v), locale)}
          stroke={TEXT_COLOUR}
          tickStroke={TEXT_COLOUR}
          tickLabelProps={{ fill: TEXT_COLOUR, fontSize: 12, fontFamily: 'inherit' }}
          label={t('chart.axis')}
          labelProps={{ fill: TEXT_COLOUR, fontSize: 13, fontFamily: 'inherit', textAnchor: 'middle' }}
        />
      </svg>
    </figure>
  );
}
