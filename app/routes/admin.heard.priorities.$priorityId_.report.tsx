import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { idParam, notFound } from '~/builder/routes.server';
import { ReportPage } from '~/components/reports/ReportPage';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { env } from '~/env.server';
import { PRIVATE_PAGE } from '~/http/cache-headers';
import { workspacePageTitle } from '~/http/page-title.server';
import { detectLocale, tFor } from '~/i18n/i18n.server';
import { buildAcrossReport } from '~/reports/across.server';
import styles from '~/styles/reports.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// The committee report of what was heard about one priority across consultations.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const id = idParam(args.params, 'priorityId');
  const locale = await detectLocale(args.request);
  const report = await buildAcrossReport(args.context.db, { kind: 'priority', id }, locale, { threshold: env().DISCLOSURE_THRESHOLD });
  if (!report) notFound();
  const heading = tFor(locale, 'reports')('page.acrossTitle', { name: report.title });
  const page = { report, base: `/admin/heard/priorities/${id}/report`, search: '', pdfInEnglish: locale === 'ur', heading, back: `/admin/heard/priorities/${id}` };
  return data({ ...page, title: workspacePageTitle(args.context, locale, heading) }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export default function AcrossReport() {
  const { back, ...page } = useLoaderData<typeof loader>();
  const { t } = useTranslation('quotes');
  return (
    <div className="width-wide">
      <Link to={back} className="back-link">
        {t('heard.back')}
      </Link>
      <ReportPage {...page} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
