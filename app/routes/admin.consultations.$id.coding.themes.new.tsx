import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultationTitle } from '~/consultations/find.server';
import { refusal } from '~/platform/http/form-reply.server';
import { createCodebookTheme, listPriorityChoices } from '~/coding/codebook.server';
import { codingPath } from '~/coding/paths';
import { themeInput, themeSchema } from '~/coding/schemas';
import { ThemeForm } from '~/coding/components/ThemeForm';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/coding.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const consultation = await requireConsultationTitle(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const priorities = await listPriorityChoices(args.context.db);
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'coding')('theme.newTitle')} – ${consultation.title}`);
  return data({ consultation, priorities, title }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const submission = parseWithZod(formData, { schema: themeSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const outcome = await createCodebookTheme(db, actorOf(user), consultation.id, themeInput(submission.value));
  if (!outcome.ok) return refusal(args.context, submission.reply({ fieldErrors: { [outcome.field ?? '']: [outcome.error] } }));
  return redirect(`${codingPath(consultation.id)}?notice=added#theme-${outcome.id}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function NewCodebookTheme() {
  const { consultation, priorities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('coding');
  return (
    <div className="width-wide">
      <Link to={codingPath(consultation.id)} className="back-link">
        {t('back')}
      </Link>
      <h1>{t('theme.newTitle')}</h1>
      <ThemeForm
        defaultValue={{ name: '', description: '', priorityId: '', keywords: '' }}
        priorities={priorities}
        lastResult={actionData?.result}
        submitLabel={t('theme.add')}
      />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
