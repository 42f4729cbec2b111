import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { isPreSessionTokenValid, preSessionToken } from '~/auth/csrf.server';
import { acceptInvitationSchema } from '~/auth/schemas';
import { createSession, sessionCookieHeader } from '~/auth/sessions.server';
import { acceptInvitation } from '~/auth/user-admin.server';
import { findInvitation } from '~/auth/users.server';
import { CsrfField } from '~/ui/admin/AdminForm';
import { InputField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

// The page an invitation link opens: the invited person chooses their name and password.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const user = await findInvitation(context.db, params.token ?? '');
  const { token, setCookie } = await preSessionToken(request);
  // The site-wide Referrer-Policy (same-origin) keeps this address, and its token, from other
  // sites. "no-referrer" would make the browser post with "Origin: null", which Remix refuses.
  const headers = new Headers({ 'Cache-Control': PRIVATE_PAGE });
  if (setCookie) headers.append('Set-Cookie', setCookie);
  const t = tFor(locale, 'admin');
  return data(
    {
      invited: user ? { email: user.email, name: user.name } : null,
      csrf: token,
      title: workspacePageTitle(context, locale, t(user ? 'invite.title' : 'invite.expiredTitle')),
    },
    { headers, status: user ? 200 : 404 },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (!(await isPreSessionTokenValid(request, formData.get('csrf')))) throw data({ reason: 'forbidden' }, { status: 403 });
  const submission = parseWithZod(formData, { schema: acceptInvitationSchema });
  if (submission.status !== 'success') {
    context.request.submissionFailed = true;
    return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  }
  const user = await acceptInvitation(context.db, params.token ?? '', submission.value);
  if (!user) throw data(null, { status: 404 });
  const { token } = await createSession(context.db, user.id);
  return redirect('/admin', { status: 303, headers: { 'Set-Cookie': await sessionCookieHeader(request, token), 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function AcceptInvitation() {
  const { invited, csrf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'accept',
    schema: acceptInvitationSchema,
    lastResult: actionData?.result,
    defaultValue: { name: invited?.name ?? '' },
  });
  if (!invited) {
    return (
      <div className="narrow">
        <h1>{t('invite.expiredTitle')}</h1>
        <p>{t('invite.expired')}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t('invite.title')}</h1>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <p>{t('invite.intro', { email: invited.email })}</p>
      <Form method="post" {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <CsrfField token={csrf} />
        <InputField name="name" label={t('invite.name')} autoComplete="name" error={fieldErrors.name} defaultValue={String(current.name ?? '')} />
        <InputField
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('invite.password')}
          hint={t('invite.passwordHint')}
          error={fieldErrors.password}
        />
        <InputField name="confirm" type="password" autoComplete="new-password" label={t('invite.confirm')} error={fieldErrors.confirm} />
        <button type="submit" className="button">
          {t('invite.submit')}
        </button>
      </Form>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }, { name: 'robots', content: 'noindex' }]);
