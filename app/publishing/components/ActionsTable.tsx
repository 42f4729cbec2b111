import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { MoveButtons } from '~/ui/admin/MoveButtons';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { ActionView } from '~/publishing/actions.server';
import { ActionStatusTag } from './ActionStatusTag';
import { ScrollTable } from '~/ui/ScrollRegion';

/** The consultation's actions in the order residents see them, each to change or move. */
export function ActionsTable({ consultationId, actions }: { consultationId: number; actions: ActionView[] }) {
  const { t } = useTranslation('publishing');
  const locale = usePageLocale();
  if (actions.length === 0) return <p>{t('admin.noActions')}</p>;
  return (
    <ScrollTable className="table publish-actions" caption={t('admin.actionsHeading')} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('admin.action')}</th>
          <th scope="col">{t('admin.priority')}</th>
          <th scope="col">{t('admin.statusColumn')}</th>
          <th scope="col">{t('admin.date')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin.edit')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action, i) => {
          const date = action.status === 'done' ? action.doneOn : action.dueOn;
          return (
            <tr key={action.id} id={`action-${action.id}`}>
              <th scope="row">{action.title}</th>
              <td>{action.priority?.name ?? t('admin.noPriority')}</td>
              <td>
                <ActionStatusTag status={action.status} />
              </td>
              <td>{date ? formatDate(date, locale) : '–'}</td>
              <td>
                <Link to={`/admin/consultations/${consultationId}/publish/actions/${action.id}`}>
                  {t('admin.edit')}
                  <span className="visually-hidden"> {action.title}</span>
                </Link>{' '}
                <MoveButtons
                  fields={{ actionId: action.id }}
                  name={action.title}
                  first={i === 0}
                  last={i === actions.length - 1}
                  labels={{ up: t('admin.moveUp'), down: t('admin.moveDown') }}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
