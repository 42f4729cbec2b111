import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultationTitle } from '~/consultations/find.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { SelectField, TextAreaField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { AboutThem, ResponseAnswers } from '~/responses/components/moderation/ResponseAnswers';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDate } from '~/platform/i18n/format';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { responseIdOf } from '~/responses/moderation/response-id.server';
import { findResponseForReview } from '~/responses/moderation/response.server';
import { EXCLUDED_STATUSES, statusChangeSchema } from '~/responses/moderation/schemas';
import { changeResponseStatus } from '~/responses/moderation/status.server';
import styles from '~/styles/moderation.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

async function requireResponse(args: LoaderFunctionArgs) {
  const consultation = await requireConsultationTitle(args.context.db, args.params.id);
  const response = await findResponseForReview(args.context.db, consultation.id, responseIdOf(args.params.responseId));
  if (!response) throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  return { consultation, response };
}

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const { consultation, response } = await requireResponse(args);
  const locale = await detectLocale(args.request);
  const t = tFor(locale, 'moderation');
  return data(
    {
      consultation,
      response,
      title: workspacePageTitle(args.context, locale, `${t('response.title', { reference: response.reference })} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { consultation, response } = await requireResponse(args);
  const submission = parseWithZod(formData, { schema: statusChangeSchema });
  const fail = (formErrors: string[] = []) => {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply({ formErrors }) }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  };
  if (submission.status !== 'success') return fail();
  const change = submission.value;
  const status = change.intent === 'restore' ? 'counted' : change.status;
  const result = await changeResponseStatus(args.context.db, user, { consultationId: consultation.id, responseId: response.id, status, reason: change.reason });
  if (!result.ok) return fail(['moderation:unchanged']);
  return redirect(`/admin/consultations/${consultation.id}/responses/${response.id}?changed=${status}`, {
    status: 303,
    headers: { 'Cache-Control': PRIVATE_PAGE },
  });
}

export default function ResponsePage() {
  const { consultation, response } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation('moderation');
  const locale = usePageLocale();
  const counted = response.status === 'counted';
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: `status-${response.status}`,
    schema: statusChangeSchema,
    lastResult: actionData?.result,
    defaultValue: {},
  });
  const changed = params.get('changed');
  const details: [string, string | null][] = [
    [t('response.submitted'), formatDate(response.submittedAt, locale)],
    [t('response.channel'), t(`channel.${response.channel}`, { defaultValue: response.channel })],
    [t('response.group'), t(`group.${response.group}`, { defaultValue: response.group })],
    [t('response.language'), response.locale],
    [t('response.facilitator'), response.facilitator],
    [t('response.notes'), response.notes],
  ];
  return (
    <>
      <Link to={`/admin/consultations/${consultation.id}/responses`} className="back-link">
        {t('response.back')}
      </Link>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('response.title', { reference: response.reference })}</h1>
      {changed && summary.length === 0 && (
        <div className="notice" role="status">
          {changed === 'counted' ? t('response.restored') : t('response.excludedDone', { status: t(`status.${changed}`, { defaultValue: changed }) })}
        </div>
      )}
      <p>
        <strong className={`tag${counted ? '' : ' tag--excluded'}`} data-testid="status">
          {t(`status.${response.status}`)}
        </strong>
      </p>
      {!counted && (
        <p>
          {t('response.excludedBecause', { reason: response.statusReason ?? '' })}
          {response.statusChangedAt &&
            ` ${t('response.changedBy', { who: response.statusChangedBy ?? '?', date: formatDate(response.statusChangedAt, locale) })}`}
        </p>
      )}
      <h2>{t('response.details')}</h2>
      <dl className="summary-list">
        {details
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div className="summary-list__row" key={label}>
              <dt className="summary-list__key">{label}</dt>
              <dd className="summary-list__value preserve-lines">{value}</dd>
            </div>
          ))}
      </dl>
      <h2>{t('response.answers')}</h2>
      <ResponseAnswers answers={response.answers} />
      <h2>{t('response.about')}</h2>
      <AboutThem response={response} />
      <h2>{counted ? t('response.excludeHeading') : t('response.restoreHeading')}</h2>
      <p>{counted ? t('response.excludeIntro') : t('response.restoreIntro')}</p>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <input type="hidden" name="intent" value={counted ? 'exclude' : 'restore'} />
        {counted && (
          <SelectField
            name="status"
            label={t('response.markAs')}
            error={fieldErrors.status}
            defaultValue={String(current.status ?? '')}
            options={[{ value: '', label: t('response.choose') }, ...EXCLUDED_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          />
        )}
        <TextAreaField
          name="reason"
          label={t('response.reason')}
          hint={t('response.reasonHint')}
          error={fieldErrors.reason}
          defaultValue={String(current.reason ?? '')}
          rows={3}
        />
        <button type="submit" className={`button${counted ? ' button--warning' : ''}`}>
          {counted ? t('response.excludeButton') : t('response.restoreButton')}
        </button>
      </AdminForm>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
