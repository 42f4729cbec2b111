import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { PriorityForm } from '~/framework/components/PriorityForm';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { createPriority } from '~/framework/editing.server';
import { listThemeChoices } from '~/framework/editor-queries.server';
import { priorityInput, prioritySchema } from '~/framework/schemas';
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
  const themes = await listThemeChoices(args.context.db);
  // Themes are added first: a priority always belongs to one.
  if (themes.length === 0) throw redirect('/admin/framework/themes/new', { headers: { 'Cache-Control': PRIVATE_PAGE } });
  const asked = Number(new URL(args.request.url).searchParams.get('theme'));
  const themeId = themes.find((t) => t.id === asked)?.id ?? themes[0]!.id;
  return data(
    { themes, themeId, title: workspacePageTitle(args.context, locale, tFor(locale, 'framework')('newPriority')) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editFramework');
  const submission = parseWithZod(formData, { schema: prioritySchema });
  const fail = (formErrors?: string[]) => {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply({ formErrors }) }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  };
  if (submission.status !== 'success') return fail();
  const input = priorityInput(submission.value);
  const id = await createPriority(args.context.db, actorOf(user), input);
  if (id === null) return fail(['framework:themeMissing']);
  return redirect(`/admin/framework?notice=added#priority-${id}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function NewPriority() {
  const { themes, themeId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('framework');
  return (
    <div className="width-wide">
      <p>
        <Link to="/admin/framework">{t('back')}</Link>
      </p>
      <h1>{t('newPriority')}</h1>
      <PriorityForm
        themes={themes}
        defaultValue={{ themeId: String(themeId), name: '', ambition: '' }}
        lastResult={actionData?.result}
        submitLabel={t('addPriority')}
      />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
