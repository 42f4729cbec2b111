import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { ThemeForm } from '~/framework/components/ThemeForm';
import { GuardedDelete } from '~/framework/components/GuardedDelete';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { deleteTheme, updateTheme } from '~/framework/editing.server';
import { findThemeForEditing, idParam } from '~/framework/editor-queries.server';
import { deleteSchema, themeInput, themeSchema } from '~/framework/schemas';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/framework.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const schema = z.discriminatedUnion('intent', [themeSchema, deleteSchema]);
const headers_ = { 'Cache-Control': PRIVATE_PAGE };

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editFramework');
  const theme = await findThemeForEditing(args.context.db, idParam(args.params.themeId));
  if (!theme) throw data({ reason: 'not_found' }, { status: 404 });
  const locale = await detectLocale(args.request);
  return data({ theme, title: workspacePageTitle(args.context, locale, tFor(locale, 'framework')('editTheme', { name: theme.name })) }, { headers: headers_ });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editFramework');
  const id = idParam(args.params.themeId);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply(), refused: false }, { status: 400, headers: headers_ });
  }
  const { db } = args.context;
  if (submission.value.intent === 'delete') {
    const outcome = await deleteTheme(db, actorOf(user), id);
    if (outcome.ok) return redirect('/admin/framework?notice=deleted', { status: 303, headers: headers_ });
    if (outcome.reason === 'not_found') throw data({ reason: 'not_found' }, { status: 404 });
    return data({ result: undefined, refused: true }, { status: 409, headers: headers_ });
  }
  const input = themeInput(submission.value);
  if (!(await updateTheme(db, actorOf(user), id, input))) throw data({ reason: 'not_found' }, { status: 404 });
  return redirect(`/admin/framework?notice=saved#theme-${id}`, { status: 303, headers: headers_ });
}

export const headers = routeHeaders;

export default function EditTheme() {
  const { theme } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('framework');
  const defaultValue = { name: theme.name, description: theme.description, pl: theme.translations.pl, ur: theme.translations.ur };
  return (
    <div className="width-wide">
      <p>
        <Link to="/admin/framework">{t('back')}</Link>
      </p>
      <h1>{t('editTheme', { name: theme.name })}</h1>
      <p className="hint">
        {t('key')} <span className="framework-key">{theme.key}</span>
      </p>
      <ThemeForm defaultValue={defaultValue} lastResult={actionData?.result} submitLabel={t('save')} />
      <h2>{t('deleteHeading')}</h2>
      <GuardedDelete
        blockers={theme.priorities.map((p) => ({ to: `/admin/framework/priorities/${p.id}`, label: p.name }))}
        blockedText={t('themeHasPriorities', { count: theme.priorities.length })}
        askText={t('deleteTheme')}
        confirmText={t('confirmDeleteTheme', { name: theme.name })}
        refused={actionData?.refused ?? false}
      />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
