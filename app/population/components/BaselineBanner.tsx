import { useTranslation } from 'react-i18next';
import type { BaselineRow } from '~/population/baselines.server';

/** Which population the page compares with, where it comes from, and (for illustrative figures) a warning. */
export function BaselineBanner({ baseline }: { baseline: Pick<BaselineRow, 'name' | 'kind' | 'source' | 'notes'> }) {
  const { t } = useTranslation('population');
  const illustrative = baseline.kind === 'illustrative';
  return (
    <div className={`notice pop-baseline${illustrative ? ' notice--warning' : ''}`} data-testid="baseline">
      <p>
        <span className={`tag pop-kind pop-kind--${baseline.kind}`}>{t(`kind.${baseline.kind}`)}</span>{' '}
        <strong>{illustrative ? t('who.illustrativeWarning', { name: baseline.name }) : t('who.censusFrom', { name: baseline.name })}</strong>
      </p>
      {baseline.source && <p className="pop-baseline__source">{baseline.source}</p>}
      {baseline.notes && <p className="pop-baseline__notes">{baseline.notes}</p>}
    </div>
  );
}
