import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAction, requireUser } from '~/auth/guard.server';
import { MatchedResponse, RequestDetails } from '~/data-requests/components/RequestSummary';
import { completeAccessRequest, completeErasureRequest, refuseDataRequest, verifyDataRequest } from '~/data-requests/decisions.server';
import { findDataRequest } from '~/data-requests/requests.server';
import { decisionSchema, NOTE_MAX, type Decision } from '~/data-requests/schemas';
import { AdminForm } from '~/ui/admin/AdminForm';
import { TextAreaField } from '~/ui/admin/Field';
import { ChoiceGroup } from '~/ui/form/ChoiceGroup';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

async function requireRequest(args: LoaderFunctionArgs) {
  const request = await findDataRequest(args.context.db, idParam(args.params, 'id'));
  return request ?? notFound();
}

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const request = await requireRequest(args);
  const locale = await detectLocale(args.request);
  const t = tFor(locale, 'requests');
  return data(
    { request, title: workspacePageTitle(args.context, locale, t('detail.title', { id: request.id, kind: t(`kind.${request.kind}`) })) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

function decide(args: ActionFunctionArgs, user: { id: number; email: string }, id: number, decision: Decision) {
  const db = args.context.db;
  switch (decision.intent) {
    case 'verify':
      return verifyDataRequest(db, user, id, decision.howChecked);
    case 'refuse':
      return refuseDataRequest(db, user, id, decision.reason);
    case 'complete-access':
      return completeAccessRequest(db, user, id);
    case 'erase':
      return completeErasureRequest(db, user, id);
  }
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const request = await requireRequest(args);
  const submission = parseWithZod(formData, { schema: decisionSchema });
  const intent = String(submission.payload.intent ?? '');
  const fail = (formErrors: string[] = []) => {
    args.context.request.submissionFailed = true;
    return data({ intent, result: submission.reply({ formErrors }) }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  };
  if (submission.status !== 'success') return fail(intent ? [] : ['requests:unknownAction']);
  const outcome = await decide(args, user, request.id, submission.value);
  if (!outcome.ok) return fail([`requests:${outcome.reason}`]);
  return redirect(`/admin/data-requests/${request.id}?done=${submission.value.intent}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export default function DataRequestPage() {
  const { request } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation('requests');
  const lastResult = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const verify = useStepForm({ id: 'verify', schema: decisionSchema, lastResult: lastResult('verify'), defaultValue: {} });
  const refuse = useStepForm({ id: 'refuse', schema: decisionSchema, lastResult: lastResult('refuse'), defaultValue: {} });
  const erase = useStepForm({ id: 'erase', schema: decisionSchema, lastResult: lastResult('erase'), defaultValue: {} });
  const access = useStepForm({ id: 'complete-access', schema: decisionSchema, lastResult: lastResult('complete-access'), defaultValue: {} });
  const summary = [...verify.summary, ...refuse.summary, ...erase.summary, ...access.summary];
  const done = params.get('done');
  const open = request.status === 'received' || request.status === 'verified';
  const confirming = request.status === 'verified' && request.kind === 'erasure' && (params.get('step') === 'erase' || actionData?.intent === 'erase');
  const base = `/admin/data-requests/${request.id}`;
  return (
    <>
      <Link to="/admin/data-requests" className="back-link">
        {t('detail.back')}
      </Link>
      <ErrorSummary errors={summary} reply={actionData?.result} />
      <h1>{t('detail.title', { id: request.id, kind: t(`kind.${request.kind}`) })}</h1>
      {done && summary.length === 0 && (
        <div className="notice" role="status">
          {t(`done.${done}`, { defaultValue: '' })}
        </div>
      )}
      <p>
        <strong className="tag" data-testid="request-status">
          {t(`status.${request.status}`)}
        </strong>
      </p>
      {request.status === 'completed' && request.kind === 'erasure' && <p>{t('detail.erasedKeepsNothing')}</p>}
      <h2>{t('detail.requestHeading')}</h2>
      <RequestDetails request={request} />
      <h2>{t('detail.responseHeading')}</h2>
      <MatchedResponse request={request} />

      {confirming ? (
        <section aria-labelledby="erase-heading">
          <h2 id="erase-heading">{t('erase.heading')}</h2>
          <p>{t('erase.explain')}</p>
          <p>{t('erase.kept')}</p>
          <p>{t('erase.cannotUndo')}</p>
          <AdminForm {...getFormProps(erase.form)} onSubmit={erase.submit.onSubmit}>
            <input type="hidden" name="intent" value="erase" />
            <ChoiceGroup
              name="confirm"
              type="checkbox"
              legend={t('erase.confirmLegend')}
              choices={[{ value: 'yes', label: t('erase.confirm') }]}
              defaultValue={[]}
              error={erase.fieldErrors.confirm}
            />
            <div className="button-group">
              <button type="submit" className="button button--warning">
                {t('erase.button')}
              </button>
              <Link to={base}>{t('erase.cancel')}</Link>
            </div>
          </AdminForm>
        </section>
      ) : (
        <>
          {request.status === 'received' && request.response && (
            <section aria-labelledby="verify-heading">
              <h2 id="verify-heading">{t('verify.heading')}</h2>
              <p>{t('verify.intro')}</p>
              <AdminForm {...getFormProps(verify.form)} onSubmit={verify.submit.onSubmit}>
                <input type="hidden" name="intent" value="verify" />
                <TextAreaField
                  name="howChecked"
                  label={t('verify.note')}
                  hint={t('verify.noteHint', { max: NOTE_MAX })}
                  error={verify.fieldErrors.howChecked}
                  defaultValue={String(verify.current.howChecked ?? '')}
                  rows={3}
                />
                <button type="submit" className="button">
                  {t('verify.button')}
                </button>
              </AdminForm>
            </section>
          )}
          {request.status === 'verified' && request.kind === 'access' && request.response && (
            <section aria-labelledby="access-heading">
              <h2 id="access-heading">{t('access.heading')}</h2>
              <p>{t('access.intro')}</p>
              <ul className="plain-list">
                <li>
                  <Link to={`${base}/copy`}>{t('access.readable')}</Link>
                </li>
                <li>
                  <a href={`${base}/copy.json`} download>
                    {t('access.download')}
                  </a>
                </li>
              </ul>
              <AdminForm {...getFormProps(access.form)} onSubmit={access.submit.onSubmit}>
                <input type="hidden" name="intent" value="complete-access" />
                <button type="submit" className="button">
                  {t('access.button')}
                </button>
              </AdminForm>
            </section>
          )}
          {request.status === 'verified' && request.kind === 'erasure' && request.response && (
            <section aria-labelledby="erasure-heading">
              <h2 id="erasure-heading">{t('erase.heading')}</h2>
              <p>{t('erase.intro')}</p>
              <p>
                <Link to={`${base}?step=erase`} className="button button--warning">
                  {t('erase.start')}
                </Link>
              </p>
            </section>
          )}
          {open && (
            <section aria-labelledby="refuse-heading">
              <h2 id="refuse-heading">{t('refuse.heading')}</h2>
              <p>{request.response ? t('refuse.intro') : t('refuse.introNoMatch')}</p>
              <AdminForm {...getFormProps(refuse.form)} onSubmit={refuse.submit.onSubmit}>
                <input type="hidden" name="intent" value="refuse" />
                <TextAreaField
                  name="reason"
                  label={t('refuse.note')}
                  error={refuse.fieldErrors.reason}
                  defaultValue={String(refuse.current.reason ?? '')}
                  rows={3}
                />
                <button type="submit" className="button button--secondary">
                  {t('refuse.button')}
                </button>
              </AdminForm>
            </section>
          )}
        </>
      )}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
