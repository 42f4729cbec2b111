import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { ReportPage } from '~/reports/components/ReportPage';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { env } from '~/platform/env.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { buildConsultationReport, reportFilterParams } from '~/reports/consultation.server';
import analysisStyles from '~/styles/analysis.css?url';
import styles from '~/styles/reports.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: analysisStyles },
  { rel: 'stylesheet', href: styles },
];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const params = new URL(args.request.url).searchParams;
  const outcome = await buildConsultationReport(args.context.db, consultation, locale, params, { threshold: env().DISCLOSURE_THRESHOLD });
  if (!outcome.ok) args.context.request.submissionFailed = true;
  const filters = reportFilterParams(params).toString();
  const page = {
    report: outcome.ok ? outcome.report : null,
    form: outcome.form,
    errors: outcome.ok ? [] : outcome.errors,
    base: `/admin/consultations/${consultation.id}/report`,
    search: filters ? `?${filters}` : '',
    pdfInEnglish: locale === 'ur',
    title: workspacePageTitle(args.context, locale, `${tFor(locale, 'reports')('page.title')} – ${outcome.ok ? outcome.report.title : consultation.title}`),
  };
  return data(page, { status: outcome.ok ? 200 : 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export default function ConsultationReport() {
  const page = useLoaderData<typeof loader>();
  return <ReportPage {...page} />;
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
