import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { hasPreSessionToken, isPreSessionTokenValid, preSessionToken } from '~/auth/csrf.server';
import { currentUser, safeRedirect } from '~/auth/guard.server';
import { knownDeviceCookieHeader, readKnownDevices } from '~/auth/known-device.server';
import { signInSchema } from '~/auth/schemas';
import { sessionCookieHeader } from '~/auth/sessions.server';
import { signIn } from '~/auth/sign-in.server';
import { CsrfField } from '~/ui/admin/AdminForm';
import { InputField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  if (await currentUser(args)) throw redirect(safeRedirect(url.searchParams.get('redirectTo')));
  const locale = await detectLocale(args.request);
  const { token, setCookie } = await preSessionToken(args.request);
  const headers = new Headers({ 'Cache-Control': PRIVATE_PAGE });
  if (setCookie) headers.append('Set-Cookie', setCookie);
  return data({ csrf: token, title: workspacePageTitle(args.context, locale, tFor(locale, 'admin')('signIn.title')) }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Without the token's cookie the post cannot be right: refused before its body is read.
  if (!(await hasPreSessionToken(request))) throw data({ reason: 'forbidden' }, { status: 403 });
  const formData = await request.formData();
  if (!(await isPreSessionTokenValid(request, formData.get('csrf')))) throw data({ reason: 'forbidden' }, { status: 403 });
  const submission = parseWithZod(formData, { schema: signInSchema });
  const fail = (formErrors: string[]) => {
    context.request.submissionFailed = true;
    return data(
      { result: submission.reply({ formErrors, hideFields: ['password'] }) },
      { status: formErrors.length ? 401 : 400, headers: { 'Cache-Control': PRIVATE_PAGE } },
    );
  };
  if (submission.status !== 'success') return fail([]);
  const devices = await readKnownDevices(request);
  const result = await signIn(context.db, context.limits, { ...submission.value, client: context.request.client, devices });
  if (!result.ok) {
    if (result.reason === 'wait') {
      context.request.submissionFailed = true;
      return data(
        { result: submission.reply({ formErrors: [`admin:waitToSignIn|${result.seconds}`], hideFields: ['password'] }) },
        { status: 429, headers: { 'Cache-Control': PRIVATE_PAGE, 'Retry-After': String(result.seconds) } },
      );
    }
    return fail(['admin:signInFailed']);
  }
  const headers = new Headers({ 'Cache-Control': PRIVATE_PAGE });
  headers.append('Set-Cookie', await sessionCookieHeader(request, result.token));
  headers.append('Set-Cookie', await knownDeviceCookieHeader(request, devices, result.device));
  return redirect(safeRedirect(submission.value.redirectTo), { status: 303, headers });
}

export const headers = routeHeaders;

export default function SignIn() {
  const { csrf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation('admin');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'sign-in',
    schema: signInSchema,
    lastResult: actionData?.result,
    defaultValue: {},
  });
  const signedOut = params.get('signedOut');
  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      {signedOut && summary.length === 0 && (
        <div className="notice" role="status">
          {signedOut === 'everywhere' ? t('signIn.signedOutEverywhere') : t('signIn.signedOut')}
        </div>
      )}
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <p>{t('signIn.intro')}</p>
      <Form method="post" {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <CsrfField token={csrf} />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <InputField
          name="email"
          type="email"
          autoComplete="username"
          label={t('signIn.email')}
          error={fieldErrors.email}
          defaultValue={String(current.email ?? '')}
        />
        <InputField name="password" type="password" autoComplete="current-password" label={t('signIn.password')} error={fieldErrors.password} />
        <button type="submit" className="button">
          {t('signIn.submit')}
        </button>
      </Form>
      <p className="hint">{t('signIn.help')}</p>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }, { name: 'robots', content: 'noindex' }]);
