import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDate } from '~/platform/i18n/format';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { busyResponse, isBusy } from '~/platform/workers/busy.server';
import { ContactDetails } from '~/records/components/ContactDetails';
import { ErasuresSection } from '~/records/components/ErasuresSection';
import { RequestsSection } from '~/records/components/RequestsSection';
import { Facts } from '~/records/components/Facts';
import { HoldingsTable } from '~/records/components/HoldingsTable';
import { RetentionFacts } from '~/records/components/RetentionFacts';
import { retentionDefaults } from '~/retention/defaults.server';
import { requireConsultationRecord } from '~/records/load.server';
import styles from '~/styles/records.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readRecords');
  const locale = await detectLocale(args.request);
  const record = await requireConsultationRecord(args.context.db, args.context.heavy, args.params.consultationId, retentionDefaults(), new Date()).catch(
    (error) => {
      throw isBusy(error) ? busyResponse(locale) : error;
    },
  );
  return data(
    { record, title: workspacePageTitle(args.context, locale, tFor(locale, 'records')('detail.title', { title: record.title })) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export const headers = routeHeaders;

export default function ConsultationRecordPage() {
  const { record } = useLoaderData<typeof loader>();
  const { t } = useTranslation('records');
  const locale = usePageLocale();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t('notSet'));
  return (
    <>
      <Link to="/admin/records" className="back-link">
        {t('detail.back')}
      </Link>
      <h1>{t('detail.title', { title: record.title })}</h1>
      <Facts
        testId="consultation"
        rows={[
          { label: t('list.status'), value: t(`statuses.${record.status}`) },
          { label: t('list.opened'), value: date(record.opensAt) },
          { label: t('list.closed'), value: date(record.closesAt) },
          { label: t('list.responses'), value: t('list.responsesValue', { counted: record.responses.counted, excluded: record.responses.excluded }) },
        ]}
      />
      <section aria-labelledby="held-title">
        <h2 id="held-title">{t('detail.held.title')}</h2>
        <p>{t('detail.held.intro', { total: record.responses.counted + record.responses.excluded })}</p>
        <HoldingsTable holdings={record.holdings} />
      </section>
      <ContactDetails scan={record.contactDetails} />
      <RetentionFacts retention={record.retention} />
      <ErasuresSection totals={record.erasures} months={record.erasuresByMonth} />
      <RequestsSection totals={record.requests} />
      {/* Subject access and erasure requests (data_requests, issue 18) are shown here at merge. */}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
