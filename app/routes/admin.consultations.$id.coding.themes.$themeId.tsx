import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultationTitle } from '~/consultations/find.server';
import { notFound } from '~/platform/http/not-found.server';
import { refusal } from '~/platform/http/form-reply.server';
import { deleteCodebookTheme, listOpenQuestions, listPriorityChoices, questionsUsingTheme, updateCodebookTheme } from '~/coding/codebook.server';
import { codingPath, questionPath } from '~/coding/paths';
import { requireTheme } from '~/coding/routes.server';
import { deleteThemeSchema, themeInput, themeSchema } from '~/coding/schemas';
import { ThemeForm } from '~/coding/components/ThemeForm';
import { GuardedDelete } from '~/framework/components/GuardedDelete';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/coding.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const schema = z.discriminatedUnion('intent', [themeSchema, deleteThemeSchema]);
const headers_ = { 'Cache-Control': PRIVATE_PAGE };

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const theme = await requireTheme(db, consultation.id, args.params);
  const locale = await detectLocale(args.request);
  const [priorities, questions, usedIn] = await Promise.all([
    listPriorityChoices(db),
    listOpenQuestions(db, consultation.id),
    questionsUsingTheme(db, theme.id),
  ]);
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'coding')('theme.editTitle', { name: theme.name })} – ${consultation.title}`);
  return data({ consultation, theme, priorities, usedIn: questions.filter((q) => usedIn.includes(q.id)), title }, { headers: headers_ });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const theme = await requireTheme(db, consultation.id, args.params);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  if (submission.value.intent === 'delete') {
    const outcome = await deleteCodebookTheme(db, actorOf(user), consultation.id, theme.id);
    if (outcome.ok) return redirect(`${codingPath(consultation.id)}?notice=deleted`, { status: 303, headers: headers_ });
    if (outcome.reason === 'not_found') notFound();
    return refusal(args.context, submission.reply({ formErrors: ['coding:themeInUse'] }), 409);
  }
  const input = themeInput(submission.value);
  const outcome = await updateCodebookTheme(db, actorOf(user), consultation.id, theme.id, input);
  if (!outcome.ok) {
    if (outcome.error === 'coding:notFound') notFound();
    return refusal(args.context, submission.reply({ fieldErrors: { [outcome.field ?? '']: [outcome.error] } }));
  }
  return redirect(`${codingPath(consultation.id)}?notice=saved#theme-${theme.id}`, { status: 303, headers: headers_ });
}

export const headers = routeHeaders;

export default function EditCodebookTheme() {
  const { consultation, theme, priorities, usedIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('coding');
  const refused = actionData?.result.error?.[''] !== undefined;
  const defaultValue = {
    name: theme.name,
    description: theme.description,
    priorityId: theme.priorityId ? String(theme.priorityId) : '',
    keywords: theme.keywords,
  };
  return (
    <div className="width-wide">
      <Link to={codingPath(consultation.id)} className="back-link">
        {t('back')}
      </Link>
      <h1>{t('theme.editTitle', { name: theme.name })}</h1>
      <p className="hint">
        {t('theme.key')} <span className="coding-key">{theme.key}</span>
      </p>
      <ThemeForm defaultValue={defaultValue} priorities={priorities} lastResult={refused ? undefined : actionData?.result} submitLabel={t('theme.save')} />
      <h2>{t('theme.deleteHeading')}</h2>
      <GuardedDelete
        blockers={usedIn.map((q) => ({ to: `${questionPath(consultation.id, q.id)}?theme=${theme.id}`, label: t('theme.inUseLink', { question: q.text }) }))}
        blockedText={t('theme.inUse')}
        askText={t('theme.delete')}
        confirmText={t('theme.confirmDelete', { name: theme.name })}
        refused={refused}
      />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
