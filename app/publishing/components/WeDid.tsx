import { useTranslation } from 'react-i18next';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { ActionView } from '~/publishing/actions.server';
import { ActionHistory } from './ActionHistory';
import { ActionStatusTag } from './ActionStatusTag';

// "We did": the officers' actions grouped by the council priority each serves, every one with
// its status in words, its date, and its history of dated updates (oldest first).

function groupsOf(actions: ActionView[]) {
  const groups = new Map<string, { name: string | null; actions: ActionView[] }>();
  for (const action of actions) {
    const key = action.priority?.key ?? '';
    const group = groups.get(key) ?? { name: action.priority?.name ?? null, actions: [] };
    group.actions.push(action);
    groups.set(key, group);
  }
  // Actions without a priority come last, under "Other actions".
  return [...groups.entries()].sort(([a], [b]) => Number(a === '') - Number(b === ''));
}

function Action({ action }: { action: ActionView }) {
  const { t } = useTranslation('publishing');
  const locale = usePageLocale();
  const date = (iso: string) => formatDate(iso, locale);
  return (
    <li className={`action action--${action.status}`} data-testid="action">
      <h4 className="action__title" dir="auto">
        {action.title}
      </h4>
      <p className="action__meta">
        <span className="visually-hidden">{t('did.status')}: </span>
        <ActionStatusTag status={action.status} />
        {action.status === 'done' && action.doneOn && <span>{t('did.doneOn', { date: date(action.doneOn) })}</span>}
        {action.status !== 'done' && action.dueOn && <span>{t('did.due', { date: date(action.dueOn) })}</span>}
      </p>
      {action.description && (
        <p className="preserve-lines" dir="auto">
          {action.description}
        </p>
      )}
      {action.updates.length > 0 && (
        <details className="action__history" open>
          <summary>{t('did.history')}</summary>
          <ActionHistory updates={action.updates} />
        </details>
      )}
    </li>
  );
}

export function WeDid({ actions }: { actions: ActionView[] }) {
  const { t } = useTranslation('publishing');
  return (
    <section aria-labelledby="we-did" className="results-section">
      <h2 id="we-did">{t('did.heading')}</h2>
      {actions.length === 0 ? (
        <p>{t('did.none')}</p>
      ) : (
        <>
          <p>{t('did.intro')}</p>
          {groupsOf(actions).map(([key, group]) => (
            <section key={key || 'other'} aria-labelledby={`priority-${key || 'other'}`} className="action-group">
              <h3 id={`priority-${key || 'other'}`}>{group.name ? t('did.priority', { name: group.name }) : t('did.otherPriority')}</h3>
              <ul className="action-list">
                {group.actions.map((action) => (
                  <Action key={action.id} action={action} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
