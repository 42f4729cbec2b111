import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { ThemeForm } from '~/framework/components/ThemeForm';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { createTheme } from '~/framework/editing.server';
import { themeInput, themeSchema } from '~/framework/schemas';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/framework.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editFramework');
  const locale = await detectLocale(args.request);
  return data({ title: workspacePageTitle(args.context, locale, tFor(locale, 'framework')('newTheme')) }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editFramework');
  const submission = parseWithZod(formData, { schema: themeSchema });
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  }
  const input = themeInput(submission.value);
  const id = await createTheme(args.context.db, actorOf(user), input);
  return redirect(`/admin/framework?notice=added#theme-${id}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function NewTheme() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('framework');
  return (
    <div className="width-wide">
      <p>
        <Link to="/admin/framework">{t('back')}</Link>
      </p>
      <h1>{t('newTheme')}</h1>
      <ThemeForm defaultValue={{ name: '', description: '' }} lastResult={actionData?.result} submitLabel={t('addTheme')} />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
