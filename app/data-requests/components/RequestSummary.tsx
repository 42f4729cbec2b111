import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '~/platform/i18n/format';
import { LANGUAGES } from '~/platform/i18n/config';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { DataRequestView } from '../requests.server';

type Row = [key: string, label: string, value: string | null];

function Rows({ rows, testId }: { rows: Row[]; testId: string }) {
  return (
    <dl className="summary-list" data-testid={testId}>
      {rows
        .filter(([, , value]) => value !== null && value !== '')
        .map(([key, label, value]) => (
          <div className="summary-list__row" key={key}>
            <dt className="summary-list__key">{label}</dt>
            <dd className="summary-list__value preserve-lines">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

/** What the resident sent, and what officers have done with it so far. */
export function RequestDetails({ request }: { request: DataRequestView }) {
  const { t } = useTranslation('requests');
  const locale = usePageLocale();
  const rows: Row[] = [
    ['received', t('detail.received'), formatDateTime(request.createdAt, locale)],
    ['kind', t('detail.kind'), t(`kind.${request.kind}`)],
    ['reference', t('detail.reference'), request.reference ?? t('cleared')],
    ['email', t('detail.email'), request.contactEmail ?? (request.reference === null ? t('cleared') : t('detail.noEmail'))],
    ['message', t('detail.message'), request.message],
    ['language', t('detail.language'), languageName(request.locale)],
    [
      'verified',
      t('detail.verified'),
      request.verifiedAt ? t('detail.byOn', { who: request.verifiedBy ?? '?', date: formatDateTime(request.verifiedAt, locale) }) : null,
    ],
    ['note', request.status === 'refused' ? t('detail.refusedBecause') : t('detail.howVerified'), request.note],
    [
      'completed',
      t(`detail.done.${request.status}`),
      request.completedAt ? t('detail.byOn', { who: request.completedBy ?? '?', date: formatDateTime(request.completedAt, locale) }) : null,
    ],
  ];
  return <Rows rows={rows} testId="request-details" />;
}

/** The response the reference matched: enough to judge the request, not the answers themselves. */
export function MatchedResponse({ request }: { request: DataRequestView }) {
  const { t } = useTranslation('requests');
  const { t: tModeration } = useTranslation('moderation');
  const locale = usePageLocale();
  const response = request.response;
  if (!response) return <p data-testid="matched-response">{request.erased ? t('detail.responseErased') : t('detail.noResponse')}</p>;
  const emailFound =
    response.emailInAnswers === null ? t('detail.emailNotGiven') : response.emailInAnswers ? t('detail.emailFound') : t('detail.emailNotFound');
  return (
    <>
      <Rows
        testId="matched-response"
        rows={[
          ['consultation', t('detail.consultation'), response.consultationTitle],
          ['channel', t('detail.channel'), tModeration(`channel.${response.channel}`, { defaultValue: response.channel })],
          ['submitted', t('detail.submitted'), formatDate(response.submittedAt, locale)],
          ['answeredIn', t('detail.answeredIn'), languageName(response.locale)],
          ['emailInAnswers', t('detail.emailInAnswers'), emailFound],
        ]}
      />
      <p>
        <Link to={`/admin/consultations/${response.consultationId}/responses/${response.id}`}>{t('detail.openResponse')}</Link>
      </p>
    </>
  );
}
