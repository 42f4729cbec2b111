import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useErrorText } from '~/ui/form/use-error-text';
import { ActionsTable } from '~/publishing/components/ActionsTable';
import { PublishPanel } from '~/publishing/components/PublishPanel';
import { SummaryForm } from '~/publishing/components/SummaryForm';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { moveAction } from '~/publishing/editing.server';
import { publishResults, saveResultsSummary, unpublishResults } from '~/publishing/lifecycle.server';
import { loadPublishPage } from '~/publishing/publish-page.server';
import { moveActionSchema, publishSchema, summarySchema } from '~/publishing/schemas';
import styles from '~/styles/publishing.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const page = await loadPublishPage(args.context.db, args.params.id, locale);
  const done = new URL(args.request.url).searchParams.get('done');
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'publishing')('admin.title')} – ${page.consultation.title}`);
  return data({ ...page, done, title }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

const intentSchema = z.object({ intent: z.enum(['summary', 'publish', 'unpublish', 'move']) });

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const { db } = args.context;
  const { id } = await requireConsultation(db, args.params.id);
  const actor = actorOf(user);
  const back = (done: string) => redirect(`/admin/consultations/${id}/publish?done=${done}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
  const intent = parseWithZod(formData, { schema: intentSchema });
  if (intent.status !== 'success') return refusal(args.context, intent.reply());
  switch (intent.value.intent) {
    case 'summary': {
      const submission = parseWithZod(formData, { schema: summarySchema });
      if (submission.status !== 'success') return refusal(args.context, submission.reply());
      const result = await saveResultsSummary(db, actor, id, submission.value.summary ?? '');
      return result.ok ? back('summary') : refuseChange(args.context, submission, result);
    }
    case 'publish':
    case 'unpublish': {
      const submission = parseWithZod(formData, { schema: publishSchema });
      if (submission.status !== 'success') return refusal(args.context, submission.reply());
      const run = submission.value.intent === 'publish' ? publishResults : unpublishResults;
      const result = await run(db, actor, id);
      if (result.ok) return back(submission.value.intent === 'publish' ? 'published' : 'unpublished');
      // A refusal is a rule, not a typing mistake: 409, said for the whole page.
      args.context.request.submissionFailed = true;
      return data(
        { result: submission.reply({ formErrors: [result.error] }) },
        { status: result.error === 'builder:notFound' ? 404 : 409, headers: { 'Cache-Control': PRIVATE_PAGE } },
      );
    }
    case 'move': {
      const submission = parseWithZod(formData, { schema: moveActionSchema });
      if (submission.status !== 'success') return refusal(args.context, submission.reply());
      const result = await moveAction(db, actor, id, submission.value.actionId, submission.value.direction);
      return result.ok ? back('moved') : refuseChange(args.context, submission, result);
    }
  }
}

export const headers = routeHeaders;

export default function PublishResults() {
  const { consultation, actions, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('publishing');
  const errorText = useErrorText();
  const reply = actionData?.result;
  const intent = (reply?.initialValue as Record<string, unknown> | undefined)?.intent;
  const pageErrors = intent === 'summary' ? [] : (reply?.error?.[''] ?? []).map((code) => ({ fieldId: null, message: errorText(code) }));
  return (
    <div className="width-wide">
      <ErrorSummary errors={pageErrors} reply={reply} />
      {done && !reply && (
        <div className="notice notice--success" role="status">
          {t(`admin.done.${done}`, { defaultValue: '' })}
        </div>
      )}
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.intro')}</p>
      <PublishPanel consultation={consultation} />
      <SummaryForm defaultValue={consultation.resultsSummary} lastResult={intent === 'summary' ? reply : undefined} />
      <h2>{t('admin.actionsHeading')}</h2>
      <p>{t('admin.actionsIntro')}</p>
      <ActionsTable consultationId={consultation.id} actions={actions} />
      <p>
        <Link to={`/admin/consultations/${consultation.id}/publish/actions/new`} className="button button--secondary">
          {t('admin.addAction')}
        </Link>
      </p>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
