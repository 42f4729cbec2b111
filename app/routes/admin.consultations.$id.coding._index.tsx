import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { can } from '~/auth/roles';
import { requireConsultationTitle } from '~/consultations/find.server';
import { notFound } from '~/platform/http/not-found.server';
import { refusal } from '~/platform/http/form-reply.server';
import { codebookOverview, adoptTerms } from '~/coding/overview.server';
import { codingPath } from '~/coding/paths';
import { adoptTermsSchema, moveThemeSchema } from '~/coding/schemas';
import { moveCodebookTheme } from '~/coding/codebook.server';
import { CodebookTable } from '~/coding/components/CodebookTable';
import { QuestionsTable } from '~/coding/components/QuestionsTable';
import { SamplesTable } from '~/coding/components/SamplesTable';
import { TermsPanel } from '~/coding/components/TermsPanel';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { env } from '~/platform/env.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/coding.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const schema = z.discriminatedUnion('intent', [moveThemeSchema, adoptTermsSchema]);
const headers_ = { 'Cache-Control': PRIVATE_PAGE };

// The codebook page: the questions to code and how far along they are, the themes, the
// double-coding samples, and frequent words and phrases as candidate themes. Analysts read it.
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'readResults');
  const consultation = await requireConsultationTitle(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const chosen = Number(new URL(args.request.url).searchParams.get('question'));
  const overview = await codebookOverview(args.context.db, consultation.id, Number.isInteger(chosen) ? chosen : null, env().DISCLOSURE_THRESHOLD);
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'coding')('codebook.title')} – ${consultation.title}`);
  return data({ consultation, ...overview, canEdit: can(user.role, 'editResponses'), threshold: env().DISCLOSURE_THRESHOLD, title }, { headers: headers_ });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const value = submission.value;
  if (value.intent === 'move') {
    await moveCodebookTheme(db, actorOf(user), consultation.id, value.id, value.direction);
    return redirect(`${codingPath(consultation.id)}#theme-${value.id}`, { status: 303, headers: headers_ });
  }
  const questionId = Number(formData.get('questionId'));
  const outcome = await adoptTerms(db, actorOf(user), consultation.id, value.terms, value.target);
  if (!outcome.ok) {
    if (outcome.error === 'coding:notFound') notFound();
    return refusal(args.context, submission.reply({ fieldErrors: { target: [outcome.error] } }));
  }
  return redirect(`${codingPath(consultation.id)}?question=${questionId}&notice=adopted#theme-${outcome.id}`, { status: 303, headers: headers_ });
}

export const headers = routeHeaders;

export default function Codebook() {
  const { consultation, questions, themes, samples, terms, canEdit, threshold } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('coding');
  const [params] = useSearchParams();
  const notice = params.get('notice');
  const base = codingPath(consultation.id);
  return (
    <div className="width-wide">
      <h1>{t('codebook.title')}</h1>
      {notice && ['added', 'saved', 'deleted', 'adopted', 'allCoded'].includes(notice) && (
        <div className="notice notice--success" role="status">
          {t(`notice.${notice}`)}
        </div>
      )}
      <p className="lead">{t('codebook.intro')}</p>
      <h2>{t('questions.title')}</h2>
      <QuestionsTable consultationId={consultation.id} questions={questions} canEdit={canEdit} />
      <h2>{t('codebook.themes')}</h2>
      <p>{t('codebook.themesIntro')}</p>
      <CodebookTable consultationId={consultation.id} themes={themes} canEdit={canEdit} />
      {canEdit && (
        <p>
          <Link className="button" to={`${base}/themes/new`}>
            {t('codebook.add')}
          </Link>
        </p>
      )}
      <h2 id="terms-heading">{t('terms.title')}</h2>
      <p>{t('terms.intro')}</p>
      {terms ? (
        <TermsPanel {...terms} questions={questions} themes={themes} canEdit={canEdit} threshold={threshold} lastResult={actionData?.result} />
      ) : (
        <p>{t('questions.none')}</p>
      )}
      <h2>{t('samples.title')}</h2>
      <p>{t('samples.intro')}</p>
      <SamplesTable consultationId={consultation.id} samples={samples} />
      {canEdit && questions.length > 0 && (
        <p>
          <Link className="button button--secondary" to={`${base}/samples/new`}>
            {t('samples.add')}
          </Link>
        </p>
      )}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
