import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { ExportChoices } from '~/exports/components/ExportChoices';
import { JobList } from '~/exports/components/JobList';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { exportsPage, requestExport } from '~/exports/page.server';
import { exportRequestSchema } from '~/exports/schemas';
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
  const locale = await detectLocale(args.request);
  const page = await exportsPage(db, consultation);
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'exports')('page.title')} – ${consultation.title}`);
  return data({ consultationId: consultation.id, ...page, title }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'readResults');
  const { db } = args.context;
  const consultation = await requireConsultation(db, args.params.id);
  const submission = parseWithZod(formData, { schema: exportRequestSchema });
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  }
  const to = await requestExport(db, consultation, user, submission.value, await detectLocale(args.request), args.context.jobs);
  return redirect(to, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function Exports() {
  const { consultationId, kinds, responses, backgroundAbove, keepHours, jobs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('exports');
  return (
    <div className="width-wide exports">
      <h1>{t('page.title')}</h1>
      {actionData && (
        <div className="notice notice--error" role="alert">
          {t('page.invalid')}
        </div>
      )}
      <p className="lead">{t('page.intro')}</p>
      <ExportChoices kinds={kinds} responses={responses} backgroundAbove={backgroundAbove} />
      <section aria-labelledby="export-jobs">
        <h2 id="export-jobs">{t('page.jobsTitle')}</h2>
        <JobList consultationId={consultationId} jobs={jobs} keepHours={keepHours} />
      </section>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
