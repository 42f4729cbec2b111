import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '#db/schema';
import { requireAction, requireUser } from '~/auth/guard.server';
import { userChangeSchema } from '~/auth/schemas';
import { changeUser, reinviteUser, signOutUserEverywhere } from '~/auth/user-admin.server';
import { findUserById } from '~/auth/users.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { SelectField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useErrorText } from '~/ui/form/use-error-text';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDate } from '~/platform/i18n/format';
import { detectLocale } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { pageMeta } from '~/ui/page-meta';

function userIdOf(params: { userId?: string }): number {
  const id = Number(params.userId);
  if (!Number.isInteger(id) || id < 1) throw data(null, { status: 404 });
  return id;
}

export async function loader(args: LoaderFunctionArgs) {
  const { user: me } = await requireUser(args, 'manageUsers');
  const locale = await detectLocale(args.request);
  const user = await findUserById(args.context.db, userIdOf(args.params));
  if (!user) throw data(null, { status: 404 });
  return data(
    {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        status: user.status,
        createdAt: user.created_at,
        lastSignInAt: user.last_sign_in_at,
      },
      isMe: user.id === me.id,
      title: workspacePageTitle(args.context, locale, user.name || user.email),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user: me, formData } = await requireAction(args, 'manageUsers');
  const id = userIdOf(args.params);
  const submission = parseWithZod(formData, { schema: userChangeSchema });
  const headers = { 'Cache-Control': PRIVATE_PAGE };
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ error: 'admin:roleMissing', done: null, link: null }, { status: 400, headers });
  }
  const { db } = args.context;
  const value = submission.value;
  const result =
    value.intent === 'role'
      ? await changeUser(db, me, id, { role: value.role })
      : value.intent === 'disable'
        ? await changeUser(db, me, id, { status: 'disabled' })
        : value.intent === 'enable'
          ? await changeUser(db, me, id, { status: 'enabled' })
          : value.intent === 'reinvite'
            ? await reinviteUser(db, me, id)
            : await signOutUserEverywhere(db, me, id);
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    args.context.request.submissionFailed = true;
    return data({ error: `admin:${result.error}`, done: null, link: null }, { status: 400, headers });
  }
  const link = value.intent === 'reinvite' && typeof result.value === 'string' ? new URL(`/admin/invite/${result.value}`, args.request.url).toString() : null;
  return data({ error: null, done: value.intent, link }, { headers });
}

export const headers = routeHeaders;

export default function UserPage() {
  const { user, isMe } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const locale = usePageLocale();
  return (
    <div className="narrow">
      <Link to="/admin/users" className="back-link">
        {t('users.back')}
      </Link>
      <h1>{user.name || user.email}</h1>
      {actionData?.error && <ErrorSummary errors={[{ fieldId: null, message: errorText(actionData.error) }]} reply={actionData} />}
      {actionData?.done && (
        <div className="notice notice--success" role="status">
          <p>{t(`users.done.${actionData.done}`)}</p>
          {actionData.link && <p className="copy-box">{actionData.link}</p>}
        </div>
      )}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('users.email')}</dt>
          <dd className="summary-list__value">{user.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('users.role')}</dt>
          <dd className="summary-list__value">{t(`roles.${user.role}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('users.status')}</dt>
          <dd className="summary-list__value">{t(`users.statuses.${user.status}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('users.lastSignIn')}</dt>
          <dd className="summary-list__value">{user.lastSignInAt ? formatDate(user.lastSignInAt, locale) : t('users.never')}</dd>
        </div>
      </dl>
      {isMe ? (
        <p>
          {t('users.isMe')} <Link to="/admin/account">{t('nav.account')}</Link>
        </p>
      ) : (
        <>
          <h2>{t('users.changeRole')}</h2>
          <AdminForm>
            <SelectField
              name="role"
              label={t('users.role')}
              defaultValue={user.role}
              options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
            <button type="submit" name="intent" value="role" className="button">
              {t('users.saveRole')}
            </button>
          </AdminForm>
          <h2>{t('users.access')}</h2>
          <div className="button-group">
            {user.status === 'invited' && (
              <AdminForm className="inline-form">
                <button type="submit" name="intent" value="reinvite" className="button button--secondary">
                  {t('users.reinvite')}
                </button>
              </AdminForm>
            )}
            <AdminForm className="inline-form">
              {user.status === 'disabled' ? (
                <button type="submit" name="intent" value="enable" className="button button--secondary">
                  {t('users.enable')}
                </button>
              ) : (
                <button type="submit" name="intent" value="disable" className="button button--warning">
                  {t('users.disable')}
                </button>
              )}
            </AdminForm>
            <AdminForm className="inline-form">
              <button type="submit" name="intent" value="signOutEverywhere" className="button button--secondary">
                {t('users.signOutEverywhere')}
              </button>
            </AdminForm>
          </div>
        </>
      )}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
