import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { PriorityForm } from '~/framework/components/PriorityForm';
import { GuardedDelete } from '~/framework/components/GuardedDelete';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { deletePriority, updatePriority } from '~/framework/editing.server';
import { findPriorityForEditing, idParam, listThemeChoices } from '~/framework/editor-queries.server';
import { deleteSchema, priorityInput, prioritySchema } from '~/framework/schemas';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/framework.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const schema = z.discriminatedUnion('intent', [prioritySchema, deleteSchema]);
const headers_ = { 'Cache-Control': PRIVATE_PAGE };

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editFramework');
  const { db } = args.context;
  const [priority, themes] = await Promise.all([findPriorityForEditing(db, idParam(args.params.priorityId)), listThemeChoices(db)]);
  if (!priority) throw data({ reason: 'not_found' }, { status: 404 });
  const locale = await detectLocale(args.request);
  return data(
    { priority, themes, title: workspacePageTitle(args.context, locale, tFor(locale, 'framework')('editPriority', { name: priority.name })) },
    { headers: headers_ },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editFramework');
  const id = idParam(args.params.priorityId);
  const submission = parseWithZod(formData, { schema });
  const fail = (formErrors?: string[]) => {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply({ formErrors }), refused: false }, { status: 400, headers: headers_ });
  };
  if (submission.status !== 'success') return fail();
  const { db } = args.context;
  if (submission.value.intent === 'delete') {
    const outcome = await deletePriority(db, actorOf(user), id);
    if (outcome.ok) return redirect('/admin/framework?notice=deleted', { status: 303, headers: headers_ });
    if (outcome.reason === 'not_found') throw data({ reason: 'not_found' }, { status: 404 });
    return data({ result: undefined, refused: true }, { status: 409, headers: headers_ });
  }
  const input = priorityInput(submission.value);
  if (!(await updatePriority(db, actorOf(user), id, input))) {
    if (!(await findPriorityForEditing(db, id))) throw data({ reason: 'not_found' }, { status: 404 });
    return fail(['framework:themeMissing']);
  }
  return redirect(`/admin/framework?notice=saved#priority-${id}`, { status: 303, headers: headers_ });
}

export const headers = routeHeaders;

export default function EditPriority() {
  const { priority, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('framework');
  const defaultValue = {
    themeId: String(priority.theme_id),
    name: priority.name,
    ambition: priority.ambition,
    pl: priority.translations.pl,
    ur: priority.translations.ur,
  };
  return (
    <div className="width-wide">
      <p>
        <Link to="/admin/framework">{t('back')}</Link>
      </p>
      <h1>{t('editPriority', { name: priority.name })}</h1>
      <p className="hint">
        {t('key')} <span className="framework-key">{priority.key}</span>
      </p>
      <PriorityForm themes={themes} defaultValue={defaultValue} lastResult={actionData?.result} submitLabel={t('save')} />
      <h2>{t('deleteHeading')}</h2>
      <GuardedDelete
        blockers={priority.consultations.map((c) => ({ to: `/admin/consultations/${c.id}`, label: c.title }))}
        blockedText={t('priorityLinked', { count: priority.consultations.length })}
        askText={t('deletePriority')}
        confirmText={t('confirmDeletePriority', { name: priority.name })}
        refused={actionData?.refused ?? false}
      />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
