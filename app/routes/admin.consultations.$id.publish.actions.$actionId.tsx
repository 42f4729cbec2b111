import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { requireConsultation } from '~/consultations/find.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { ActionForm } from '~/publishing/components/ActionForm';
import { ActionHistory } from '~/publishing/components/ActionHistory';
import { DeleteAction } from '~/publishing/components/DeleteAction';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { listActions } from '~/publishing/actions.server';
import { deleteAction, updateAction } from '~/publishing/editing.server';
import { listActionPriorities } from '~/publishing/publish-page.server';
import { actionInput, actionSchema, deleteActionSchema } from '~/publishing/schemas';
import styles from '~/styles/publishing.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const schema = z.discriminatedUnion('intent', [actionSchema, deleteActionSchema]);

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const { db } = args.context;
  const consultation = await requireConsultation(db, args.params.id);
  const locale = await detectLocale(args.request);
  const actionId = idParam(args.params, 'actionId');
  const [actions, priorities] = await Promise.all([listActions(db, consultation.id, locale), listActionPriorities(db, consultation.id, locale)]);
  const found = actions.find((a) => a.id === actionId);
  if (!found) notFound();
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'publishing')('form.editTitle')} – ${found.title}`);
  return data({ consultation: { id: consultation.id }, found, priorities, title }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const { db } = args.context;
  const consultation = await requireConsultation(db, args.params.id);
  const actionId = idParam(args.params, 'actionId');
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const back = (done: string) =>
    redirect(`/admin/consultations/${consultation.id}/publish?done=${done}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
  if (submission.value.intent === 'delete') {
    const result = await deleteAction(db, actorOf(user), consultation.id, actionId);
    return result.ok ? back('deleted') : refuseChange(args.context, submission, result);
  }
  const input = actionInput(submission.value);
  const result = await updateAction(db, actorOf(user), consultation.id, actionId, input);
  return result.ok ? back('saved') : refuseChange(args.context, submission, result);
}

export const headers = routeHeaders;

export default function EditAction() {
  const { consultation, found, priorities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('publishing');
  const intent = (actionData?.result?.initialValue as Record<string, unknown> | undefined)?.intent;
  const stored = {
    title: found.title,
    description: found.description,
    priorityId: String(found.priority?.id ?? ''),
    status: found.status,
    dueOn: found.dueOn ?? '',
    doneOn: found.doneOn ?? '',
  };
  return (
    <div className="width-wide">
      <Link to={`/admin/consultations/${consultation.id}/publish`} className="back-link">
        {t('form.back')}
      </Link>
      <ActionForm priorities={priorities} defaultValue={stored} lastResult={intent === 'delete' ? undefined : actionData?.result}>
        <h1>{t('form.editTitle')}</h1>
      </ActionForm>
      {found.updates.length > 0 && (
        <>
          <h2>{t('form.history')}</h2>
          <ActionHistory updates={found.updates} />
        </>
      )}
      <DeleteAction title={found.title} lastResult={intent === 'delete' ? actionData?.result : undefined} />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
