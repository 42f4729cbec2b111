import { useTranslation } from 'react-i18next';
import type { Comparison, ComparedGroup } from '~/analysis/compare';
import { at, PercentAxis, percentScale, type PercentScale } from './PercentAxis';
import type { Figures } from './use-figures';

// The groups of a breakdown as dots on one scale, highest share first: the dot is the group's
// percentage, the line through it its 95% interval, and the dashed line everyone's share, so
// "who stands out" is read down one column. It is a list in words first: each row says the
// group, its share, the interval and the base (and "notably higher" where the tests say so),
// and the drawing beside it is hidden from screen readers, so nothing is only in the picture.
// Drawn in per cent of the width (PercentAxis), mirrored in a right-to-left language, on a
// scale from 0% to just past the highest interval, so small shares are not squeezed into a corner.

const HEIGHT = 24;
const MID = HEIGHT / 2;

/** The scale's end: 25%, 50%, 75% or 100%, whichever first holds every interval. */
export function scaleEnd(comparison: Comparison): number {
  const highest = Math.max(comparison.overall?.ciHigh ?? 0, ...comparison.groups.map((g) => g.ciHigh));
  return Math.min(100, Math.max(25, Math.ceil(highest / 25) * 25));
}

const ticksTo = (end: number) => {
  const step = end <= 50 ? end / 5 : 25;
  return Array.from({ length: end / step + 1 }, (_, i) => i * step);
};

function Dot({ group, overall, scale }: { group: ComparedGroup; overall: number | null; scale: PercentScale }) {
  const [from, to] = [scale(group.ciLow), scale(group.ciHigh)].sort((a, b) => a - b) as [number, number];
  return (
    <svg width="100%" height={HEIGHT} focusable="false" aria-hidden="true">
      {overall !== null && <line x1={at(scale(overall))} x2={at(scale(overall))} y1={0} y2={HEIGHT} className="dot-chart__overall" />}
      <line x1={at(from)} x2={at(to)} y1={MID} y2={MID} className="dot-chart__interval" />
      <line x1={at(from)} x2={at(from)} y1={MID - 5} y2={MID + 5} className="dot-chart__interval" />
      <line x1={at(to)} x2={at(to)} y1={MID - 5} y2={MID + 5} className="dot-chart__interval" />
      <circle
        cx={at(scale(group.percent))}
        cy={MID}
        r={group.notable ? 7 : 6}
        className={`dot-chart__dot${group.unsaid ? ' dot-chart__dot--unsaid' : ''}${group.notable ? ' dot-chart__dot--notable' : ''}`}
      />
    </svg>
  );
}

export function DotInterval({ comparison, figures, rtl, caption }: { comparison: Comparison; figures: Figures; rtl: boolean; caption: string }) {
  const { t } = useTranslation('analysis');
  const { overall, groups } = comparison;
  const end = scaleEnd(comparison);
  const scale = percentScale(rtl, end);
  return (
    <figure className="dot-chart" aria-labelledby="dot-chart-caption">
      <figcaption id="dot-chart-caption" className="dot-chart__caption">
        {caption}
        {overall && (
          <span className="dot-chart__key">
            <svg className="dot-chart__key-line" width="12" height="20" focusable="false" aria-hidden="true">
              <line x1="6" x2="6" y1="0" y2="20" className="dot-chart__overall" />
            </svg>
            {t(comparison.routed ? 'compare.overallRouted' : 'compare.overall', {
              percent: figures.percent(overall.percent),
              interval: figures.interval({ suppressed: false, count: 0, ...overall }),
              base: figures.count(overall.base),
              notAsked: figures.ofCount(overall.notAsked),
            })}
          </span>
        )}
      </figcaption>
      <ol className="dot-chart__rows">
        {groups.map((g) => (
          <li key={g.key} className={`dot-chart__row${g.notable ? ` dot-chart__row--${g.notable}` : ''}`}>
            <span className="dot-chart__label">
              {g.label}
              {g.unsaid && <span className="dot-chart__unsaid"> {t('compare.unsaid')}</span>}
              <span className="visually-hidden">: </span>
            </span>
            <span className="dot-chart__track">
              <Dot group={g} overall={overall?.percent ?? null} scale={scale} />
            </span>
            <span className="dot-chart__value">
              <strong>{figures.percent(g.percent)}</strong>{' '}
              <span className="dot-chart__detail">
                {t(comparison.routed ? 'compare.detailRouted' : 'compare.detail', {
                  interval: figures.interval({ suppressed: false, ...g }),
                  base: figures.count(g.base),
                  notAsked: figures.ofCount(g.notAsked),
                })}
              </span>
              {g.notable && <strong className="dot-chart__notable"> {t(`notable.${g.notable}`)}</strong>}
            </span>
          </li>
        ))}
      </ol>
      <div className="dot-chart__axis" aria-hidden="true">
        <span />
        <PercentAxis scale={scale} format={figures.percent} ticks={ticksTo(end)} />
        <span />
      </div>
    </figure>
  );
}
