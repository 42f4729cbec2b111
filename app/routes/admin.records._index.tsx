import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { RecordColumns } from '~/records/components/RecordColumns';
import { RecordsTable } from '~/records/components/RecordsTable';
import { retentionDefaults } from '~/retention/defaults.server';
import { listConsultationRecords } from '~/records/record.server';
import styles from '~/styles/records.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readRecords');
  const locale = await detectLocale(args.request);
  const records = await listConsultationRecords(args.context.db, retentionDefaults(), new Date());
  return data({ records, title: workspacePageTitle(args.context, locale, tFor(locale, 'records')('title')) }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function Records() {
  const { records } = useLoaderData<typeof loader>();
  const { t } = useTranslation('records');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro.what')}</p>
      <p>{t('intro.counts')}</p>
      <p>{t('intro.special')}</p>
      <RecordsTable records={records} />
      <h2>{t('download.title')}</h2>
      <p>
        <a href="/admin/records.csv" download>
          {t('download.link')}
        </a>
      </p>
      <p className="hint">{t('download.hint')}</p>
      <RecordColumns />
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
