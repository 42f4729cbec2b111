import { useTranslation } from 'react-i18next';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';

// "The responses behind these results were anonymised on DATE" (issue 18): on the public results
// page (whose figures stay as published) and the workspace's results (which recompute from what
// anonymising kept, and say so).

export function AnonymisedNotice({ at, workspace = false }: { at: string | null; workspace?: boolean }) {
  const { t } = useTranslation('publishing');
  const locale = usePageLocale();
  if (!at) return null;
  return <p className="notice">{t(workspace ? 'retention.anonymisedWorkspace' : 'retention.anonymisedOn', { date: formatDate(at, locale) })}</p>;
}
