import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { notFound } from '~/platform/http/not-found.server';
import { JobProgress } from '~/exports/components/JobProgress';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { exportJobPage } from '~/exports/page.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/exports.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const { db } = args.context;
  const consultation = await requireConsultation(db, args.params.id);
  const job = await exportJobPage(db, consultation, args.params.jobId);
  if (!job) notFound();
  const locale = await detectLocale(args.request);
  const t = tFor(locale, 'exports');
  const title = workspacePageTitle(args.context, locale, `${t('job.title', { kind: t(`kinds.${job.kind}.title`) })} – ${consultation.title}`);
  return data({ consultationId: consultation.id, job, title }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function ExportJob() {
  const { consultationId, job } = useLoaderData<typeof loader>();
  const { t } = useTranslation('exports');
  return (
    <div className="width-wide exports">
      <Link to={`/admin/consultations/${consultationId}/exports`} className="back-link">
        {t('job.back')}
      </Link>
      <h1>
        {t('job.title', { kind: t(`kinds.${job.kind}.title`) })} ({job.format.toUpperCase()})
      </h1>
      <JobProgress job={job} />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
