import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '#db/schema';

/** An action's status in words (the colour only repeats them), for residents and officers alike. */
export function ActionStatusTag({ status }: { status: ActionStatus }) {
  const { t } = useTranslation('publishing');
  return <strong className={`action-status action-status--${status}`}>{t(`status.${status}`)}</strong>;
}
