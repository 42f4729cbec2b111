import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { workspaceUser } from '~/auth/workspace.server';
import { requireConsultation } from '~/consultations/find.server';
import { londonToIso } from '~/consultations/builder/dates';
import { closeConsultation, publishConsultation, reopenConsultation, unscheduleConsultation } from '~/consultations/builder/lifecycle.server';
import { publishChecks, type Check } from '~/consultations/builder/publish-checks.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { reopenSchema } from '~/consultations/builder/schemas';
import { Checklist, LifecycleActions } from '~/consultations/components/builder/Lifecycle';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useErrorText } from '~/ui/form/use-error-text';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { effectiveStatus } from '~/consultations/status';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDateTime } from '~/platform/i18n/format';
import { detectLocale } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { countResponsesByStatus } from '~/responses/counts.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'viewWorkspace');
  const locale = await detectLocale(args.request);
  const db = args.context.db;
  const consultation = await requireConsultation(db, args.params.id);
  const now = new Date();
  const [checks, counts] = await Promise.all([publishChecks(db, consultation.id, now), countResponsesByStatus(db, consultation.id)]);
  const done = new URL(args.request.url).searchParams.get('done');
  return data(
    {
      user: workspaceUser(user),
      consultation: {
        id: consultation.id,
        title: consultation.title,
        slug: consultation.slug,
        status: effectiveStatus(consultation, now),
        opensAt: consultation.opens_at,
        closesAt: consultation.closes_at,
      },
      checks,
      counts,
      done,
      title: workspacePageTitle(args.context, locale, consultation.title),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

const intentSchema = z.object({ intent: z.enum(['publish', 'close', 'unschedule', 'reopen']) });

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const actor = actorOf(user);
  const db = args.context.db;
  const intent = parseWithZod(formData, { schema: intentSchema });
  if (intent.status !== 'success') return refusal(args.context, intent.reply());
  const back = (done: string) => redirect(`/admin/consultations/${id}?done=${done}`, 303);
  switch (intent.value.intent) {
    case 'publish': {
      const result = await publishConsultation(db, actor, id);
      if (result.ok) return back(result.scheduled ? 'scheduled' : 'published');
      if (result.error === 'builder:notFound') notFound();
      args.context.request.submissionFailed = true;
      return data(
        { result: intent.reply({ formErrors: [result.error] }), problems: result.problems },
        { status: 409, headers: { 'Cache-Control': PRIVATE_PAGE } },
      );
    }
    case 'close': {
      const result = await closeConsultation(db, actor, id);
      return result.ok ? back('closed') : refuseChange(args.context, intent, result);
    }
    case 'unschedule': {
      const result = await unscheduleConsultation(db, actor, id);
      return result.ok ? back('unscheduled') : refuseChange(args.context, intent, result);
    }
    case 'reopen': {
      const submission = parseWithZod(formData, { schema: reopenSchema });
      if (submission.status !== 'success') return refusal(args.context, submission.reply());
      const closesAt = londonToIso(submission.value.closesDate, submission.value.closesTime);
      if (!closesAt) return refusal(args.context, submission.reply({ fieldErrors: { closesDate: ['builder:dateInvalid'] } }));
      const result = await reopenConsultation(db, actor, id, closesAt);
      if (!result.ok) return refuseChange(args.context, submission, result.field ? { ...result, field: 'closesDate' } : result);
      return back('reopened');
    }
  }
}

export default function Overview() {
  const { user, consultation, checks, counts, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const errorText = useErrorText();
  const locale = usePageLocale();
  const reply = actionData?.result;
  const problems: Check[] = actionData && 'problems' in actionData ? (actionData.problems as Check[]) : [];
  const formErrors = (reply?.error?.[''] ?? []).map((code) => ({ fieldId: null, message: errorText(code) }));
  const fieldErrors = Object.entries(reply?.error ?? {})
    .filter(([field]) => field !== '' && field !== 'intent')
    .map(([field, codes]) => ({ fieldId: field, message: errorText(codes?.[0] ?? '') }));
  const summary = [...formErrors, ...problems.map((p) => ({ fieldId: null, message: t(`refusals.${p.code}`, p.params ?? {}) })), ...fieldErrors];
  return (
    <>
      <ErrorSummary errors={summary} reply={reply} title={problems.length ? t('overview.refusedTitle') : undefined} />
      {done && summary.length === 0 && (
        <div className="notice notice--success" role="status">
          {t(`overview.done.${done}`, { defaultValue: '' })}
        </div>
      )}
      <h1>{consultation.title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('overview.address')}</dt>
          <dd className="summary-list__value">
            <code>/consultations/{consultation.slug}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('list.opens')}</dt>
          <dd className="summary-list__value">{consultation.opensAt ? formatDateTime(consultation.opensAt, locale) : t('list.noDate')}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('list.closes')}</dt>
          <dd className="summary-list__value">{consultation.closesAt ? formatDateTime(consultation.closesAt, locale) : t('list.noDate')}</dd>
        </div>
      </dl>
      <h2>{t('overview.responses')}</h2>
      <ul className="summary-cards">
        <li>
          <strong>{counts.counted}</strong>
          {t('overview.counted')}
        </li>
        <li>
          <strong>{counts.excluded}</strong>
          {t('overview.excluded')}
        </li>
      </ul>
      {consultation.status === 'draft' && <Checklist checks={checks} />}
      {user.can.editConsultations && <LifecycleActions status={consultation.status} reply={actionData?.result} />}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
