import { useTranslation } from 'react-i18next';
import type { EffectiveStatus } from '~/consultations/status';

const TAG_CLASS: Record<EffectiveStatus, string> = {
  draft: 'tag tag--draft',
  upcoming: 'tag tag--draft',
  open: 'tag tag--open',
  closed: 'tag tag--closed',
  results_published: 'tag tag--closed',
};

/** Where a consultation is in its life: draft, scheduled, open, closed, results published. */
export function StatusTag({ status }: { status: EffectiveStatus }) {
  const { t } = useTranslation('builder');
  return <strong className={TAG_CLASS[status]}>{t(`status.${status}`)}</strong>;
}
