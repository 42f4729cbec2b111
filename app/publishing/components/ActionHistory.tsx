import { useTranslation } from 'react-i18next';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { ActionUpdateView } from '~/publishing/actions.server';

/** An action's dated updates, oldest first: "1 March 2027: Planned – agreed by the parks team". */
export function ActionHistory({ updates }: { updates: ActionUpdateView[] }) {
  const { t } = useTranslation('publishing');
  const locale = usePageLocale();
  return (
    <ol className="action__updates">
      {updates.map((u, i) => (
        <li key={i}>
          {t('did.historyItem', { date: formatDate(u.happenedOn, locale), status: t(`status.${u.status}`) })}
          {u.note && (
            <>
              {' – '}
              <span dir="auto">{u.note}</span>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
