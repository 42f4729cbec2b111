import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ResponsePage } from '~/responses/moderation/list.server';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { ScrollTable } from '~/ui/ScrollRegion';

/** One page of responses: reference (to open it), when, how, who, and whether it is counted. */
export function ResponseTable({ consultationId, page }: { consultationId: number; page: ResponsePage }) {
  const { t } = useTranslation('moderation');
  const locale = usePageLocale();
  if (page.total === 0) return <p data-testid="no-responses">{t('responses.none')}</p>;
  return (
    <ScrollTable caption={t('responses.caption', { count: page.total })}>
      <thead>
        <tr>
          <th scope="col">{t('responses.reference')}</th>
          <th scope="col">{t('responses.submitted')}</th>
          <th scope="col">{t('responses.channel')}</th>
          <th scope="col">{t('responses.group')}</th>
          <th scope="col">{t('responses.status')}</th>
        </tr>
      </thead>
      <tbody>
        {page.rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link to={`/admin/consultations/${consultationId}/responses/${r.id}`}>{r.reference}</Link>
            </th>
            <td>{formatDate(r.submittedAt, locale)}</td>
            <td>{t(`channel.${r.channel}`, { defaultValue: r.channel })}</td>
            <td>{t(`group.${r.group}`, { defaultValue: r.group })}</td>
            <td>
              <strong className={`tag${r.status === 'counted' ? '' : ' tag--excluded'}`}>{t(`status.${r.status}`)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
