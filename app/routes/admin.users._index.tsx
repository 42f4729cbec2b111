import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '#db/schema';
import { requireAction, requireUser } from '~/auth/guard.server';
import { inviteSchema } from '~/auth/schemas';
import { inviteUser } from '~/auth/user-admin.server';
import { listUsers } from '~/auth/users.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, SelectField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDate } from '~/platform/i18n/format';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { pageMeta } from '~/ui/page-meta';
import { ScrollTable } from '~/ui/ScrollRegion';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'manageUsers');
  const locale = await detectLocale(args.request);
  const users = await listUsers(args.context.db);
  return data(
    {
      users: users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, status: u.status, lastSignInAt: u.last_sign_in_at })),
      title: workspacePageTitle(args.context, locale, tFor(locale, 'admin')('users.title')),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'manageUsers');
  const submission = parseWithZod(formData, { schema: inviteSchema });
  const failed = (reply: ReturnType<typeof submission.reply>) => {
    args.context.request.submissionFailed = true;
    return data({ result: reply, invitation: null }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  };
  if (submission.status !== 'success') return failed(submission.reply());
  const invited = await inviteUser(args.context.db, user, submission.value);
  if (!invited.ok) return failed(submission.reply({ fieldErrors: { email: [`admin:${invited.error}`] } }));
  const link = new URL(`/admin/invite/${invited.value.token}`, args.request.url).toString();
  return data(
    { result: submission.reply({ resetForm: true }), invitation: { email: invited.value.user.email, link } },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export const headers = routeHeaders;

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  const locale = usePageLocale();
  const { form, fieldErrors, summary, current, submit } = useStepForm({ id: 'invite', schema: inviteSchema, lastResult: actionData?.result, defaultValue: {} });
  return (
    <>
      <h1>{t('users.title')}</h1>
      {actionData?.invitation && (
        <div className="notice notice--success" role="status">
          <p>{t('users.invited', { email: actionData.invitation.email })}</p>
          <p className="copy-box">{actionData.invitation.link}</p>
          <p className="hint">{t('users.linkHint')}</p>
        </div>
      )}
      <ScrollTable caption={t('users.caption', { count: users.length })}>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.lastSignIn')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link to={`/admin/users/${u.id}`}>{u.name || u.email}</Link>
              </td>
              <td>{u.email}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>
                <span className={`tag tag--${u.status}`}>{t(`users.statuses.${u.status}`)}</span>
              </td>
              <td>{u.lastSignInAt ? formatDate(u.lastSignInAt, locale) : t('users.never')}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h2>{t('users.inviteTitle')}</h2>
      <p>{t('users.inviteIntro')}</p>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} className="narrow">
        <input type="hidden" name="intent" value="invite" />
        <InputField name="name" label={t('users.name')} autoComplete="off" error={fieldErrors.name} defaultValue={String(current.name ?? '')} />
        <InputField
          name="email"
          type="email"
          label={t('users.email')}
          autoComplete="off"
          error={fieldErrors.email}
          defaultValue={String(current.email ?? '')}
        />
        <SelectField
          name="role"
          label={t('users.role')}
          hint={t('users.roleHint')}
          error={fieldErrors.role}
          defaultValue={String(current.role ?? 'officer')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <button type="submit" className="button">
          {t('users.invite')}
        </button>
      </AdminForm>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
