import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { changeOwnPassword } from '~/auth/account.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { changePasswordSchema } from '~/auth/schemas';
import { sessionCookieHeader } from '~/auth/sessions.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'viewWorkspace');
  const locale = await detectLocale(args.request);
  return data(
    { email: user.email, role: user.role, title: workspacePageTitle(args.context, locale, tFor(locale, 'admin')('account.title')) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'viewWorkspace');
  const submission = parseWithZod(formData, { schema: changePasswordSchema });
  const hideFields = ['current', 'password', 'confirm'];
  const headers = { 'Cache-Control': PRIVATE_PAGE };
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply({ hideFields }), changed: false }, { status: 400, headers });
  }
  const changed = await changeOwnPassword(args.context.db, user, submission.value);
  if (!changed.ok) {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply({ hideFields, fieldErrors: { current: ['admin:currentWrong'] } }), changed: false }, { status: 400, headers });
  }
  return data(
    { result: submission.reply({ resetForm: true }), changed: true },
    { headers: { ...headers, 'Set-Cookie': await sessionCookieHeader(args.request, changed.token) } },
  );
}

export const headers = routeHeaders;

export default function Account() {
  const { email, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  const { form, fieldErrors, summary, submit } = useStepForm({
    id: 'change-password',
    schema: changePasswordSchema,
    lastResult: actionData?.result,
    defaultValue: {},
  });
  return (
    <div className="narrow">
      <h1>{t('account.title')}</h1>
      <p>{t('account.who', { email, role: t(`roles.${role}`) })}</p>
      {actionData?.changed && (
        <div className="notice notice--success" role="status">
          {t('account.changed')}
        </div>
      )}
      <h2>{t('account.passwordTitle')}</h2>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <input type="hidden" name="intent" value="password" />
        <InputField name="current" type="password" autoComplete="current-password" label={t('account.current')} error={fieldErrors.current} />
        <InputField
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('account.new')}
          hint={t('invite.passwordHint')}
          error={fieldErrors.password}
        />
        <InputField name="confirm" type="password" autoComplete="new-password" label={t('invite.confirm')} error={fieldErrors.confirm} />
        <button type="submit" className="button">
          {t('account.change')}
        </button>
      </AdminForm>
      <h2>{t('account.everywhereTitle')}</h2>
      <p>{t('account.everywhere')}</p>
      <AdminForm action="/admin/sign-out">
        <button type="submit" name="intent" value="everywhere" className="button button--secondary">
          {t('account.everywhereButton')}
        </button>
      </AdminForm>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
