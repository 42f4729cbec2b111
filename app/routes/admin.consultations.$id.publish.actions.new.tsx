import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { ActionForm } from '~/publishing/components/ActionForm';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { addAction } from '~/publishing/editing.server';
import { listActionPriorities } from '~/publishing/publish-page.server';
import { actionInput, actionSchema } from '~/publishing/schemas';
import styles from '~/styles/publishing.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const { db } = args.context;
  const consultation = await requireConsultation(db, args.params.id);
  const locale = await detectLocale(args.request);
  const priorities = await listActionPriorities(db, consultation.id, locale);
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'publishing')('form.newTitle')} – ${consultation.title}`);
  return data({ consultation: { id: consultation.id, title: consultation.title }, priorities, title }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const { db } = args.context;
  const consultation = await requireConsultation(db, args.params.id);
  const submission = parseWithZod(formData, { schema: actionSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const result = await addAction(db, actorOf(user), consultation.id, actionInput(submission.value));
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${consultation.id}/publish?done=added#action-${result.id}`, {
    status: 303,
    headers: { 'Cache-Control': PRIVATE_PAGE },
  });
}

export const headers = routeHeaders;

export default function NewAction() {
  const { consultation, priorities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('publishing');
  return (
    <div className="width-wide">
      <Link to={`/admin/consultations/${consultation.id}/publish`} className="back-link">
        {t('form.back')}
      </Link>
      <ActionForm priorities={priorities} lastResult={actionData?.result}>
        <h1>{t('form.newTitle')}</h1>
      </ActionForm>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
