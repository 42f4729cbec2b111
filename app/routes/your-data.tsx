import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { screenDataRequest } from '~/data-requests/screening.server';
import { receiveDataRequest } from '~/data-requests/requests.server';
import { normaliseReference } from '~/data-requests/reference';
import { MESSAGE_MAX, publicRequestSchema } from '~/data-requests/schemas';
import { ChoiceGroup } from '~/ui/form/ChoiceGroup';
import { ErrorSummary, FieldError } from '~/ui/form/ErrorSummary';
import { TextField } from '~/ui/form/TextField';
import { useStepForm } from '~/ui/form/use-step-form';
import { Honeypot } from '~/responses/components/moderation/Honeypot';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { formPageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { pageMeta } from '~/ui/page-meta';

// A resident asks for a copy of their answers, or for them to be erased, with their reference.
// The answer is the same whether or not the reference exists, so the page cannot be used to
// find out which references are real; an officer checks and replies.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const url = new URL(request.url);
  const sent = url.searchParams.get('sent');
  return data(
    {
      sent: sent === 'access' || sent === 'erasure' ? sent : null,
      // From the confirmation page's link: the reference filled in for them.
      reference: normaliseReference(url.searchParams.get('reference') ?? '') ?? '',
      title: formPageTitle(context, locale, `${tFor(locale, 'requests')('public.title')} – ${tFor(locale)('site.name')}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await detectLocale(request);
  const submission = parseWithZod(await request.formData(), { schema: publicRequestSchema });
  const fail = (status: number, formErrors: string[] = [], headers: Record<string, string> = {}) => {
    context.request.submissionFailed = true;
    return data({ result: submission.reply({ formErrors }) }, { status, headers: { 'Cache-Control': PRIVATE_PAGE, ...headers } });
  };
  const screening = await screenDataRequest(context, submission.payload, submission.status === 'success');
  if (!screening.ok && screening.reason === 'honeypot') return fail(400, ['requests:notAccepted']);
  if (!screening.ok) return fail(429, [`requests:tooMany|${screening.minutes}`], { 'Retry-After': String(screening.retryAfterSeconds) });
  if (submission.status !== 'success') return fail(400);
  await receiveDataRequest(context.db, submission.value, locale);
  return redirect(`/your-data?sent=${submission.value.kind}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function YourData() {
  const { sent, reference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('requests');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'your-data',
    schema: publicRequestSchema,
    lastResult: actionData?.result,
    defaultValue: { reference },
  });
  if (sent) {
    return (
      <div className="narrow">
        <div className="panel" role="status">
          <h1 className="panel__title">{t('public.sentTitle')}</h1>
        </div>
        <p>{t('public.sentBody')}</p>
        <p>{sent === 'erasure' ? t('public.sentErasure') : t('public.sentAccess')}</p>
        <p>{t('public.sentNoReply')}</p>
        <p>
          <a href="/">{t('public.backToHub')}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('public.title')}</h1>
      <p className="lead">{t('public.intro')}</p>
      <p>{t('public.howItWorks')}</p>
      <Form method="post" {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <TextField
          name="reference"
          label={t('public.reference')}
          hint={t('public.referenceHint')}
          defaultValue={String(current.reference ?? '')}
          error={fieldErrors.reference}
          multiline={false}
          maxLength={40}
        />
        <ChoiceGroup
          name="kind"
          type="radio"
          legend={t('public.kind')}
          choices={[
            { value: 'access', label: t('public.kindAccess') },
            { value: 'erasure', label: t('public.kindErasure') },
          ]}
          defaultValue={current.kind ? [String(current.kind)] : []}
          error={fieldErrors.kind}
        />
        <div className={`form-group${fieldErrors.email ? ' form-group--error' : ''}`}>
          <label className="label label--question" htmlFor="email">
            {t('public.email')}
          </label>
          <p className="hint" id="email-hint">
            {t('public.emailHint')}
          </p>
          <FieldError id="email-error" message={fieldErrors.email} />
          <input
            className={`input${fieldErrors.email ? ' input--error' : ''}`}
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={String(current.email ?? '')}
            aria-describedby={fieldErrors.email ? 'email-hint email-error' : 'email-hint'}
          />
        </div>
        <TextField
          name="message"
          label={t('public.message')}
          hint={t('public.messageHint')}
          defaultValue={String(current.message ?? '')}
          error={fieldErrors.message}
          multiline
          maxLength={MESSAGE_MAX}
        />
        <Honeypot reset={actionData} />
        <p>{t('public.afterwards')}</p>
        <button type="submit" className="button">
          {t('public.send')}
        </button>
      </Form>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
