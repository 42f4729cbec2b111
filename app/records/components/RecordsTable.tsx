import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { ConsultationRecord } from '../record.server';

/** Every consultation on one line: what it holds, until when, what was erased. */
export function RecordsTable({ records }: { records: readonly ConsultationRecord[] }) {
  const { t } = useTranslation('records');
  const locale = usePageLocale();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t('notSet'));
  if (records.length === 0) return <p>{t('list.none')}</p>;
  return (
    <div className="table-wrapper" role="region" aria-labelledby="records-caption" tabIndex={0}>
      <table className="table">
        <caption id="records-caption">{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.consultation')}</th>
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.opened')}</th>
            <th scope="col">{t('list.closed')}</th>
            <th scope="col">{t('list.responses')}</th>
            <th scope="col">{t('list.retentionDate')}</th>
            <th scope="col">{t('list.erasures')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/admin/records/${r.id}`}>{r.title}</Link>
              </th>
              <td>{t(`statuses.${r.status}`)}</td>
              <td>{date(r.opensAt)}</td>
              <td>{date(r.closesAt)}</td>
              <td>{t('list.responsesValue', { counted: r.responses.counted, excluded: r.responses.excluded })}</td>
              <td>
                {r.retention.anonymisedAt
                  ? t('anonymisedOn', { date: formatDate(r.retention.anonymisedAt, locale) })
                  : r.retention.date
                    ? formatDate(r.retention.date, locale)
                    : t('noDate')}
              </td>
              <td>{r.erasures.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
