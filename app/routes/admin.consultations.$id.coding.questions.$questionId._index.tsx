import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultationTitle } from '~/consultations/find.server';
import { notFound } from '~/platform/http/not-found.server';
import { findAnswerForCoding, nextUncodedAnswer } from '~/coding/answers.server';
import { answersPage, codeAnswer, readAnswerFilters } from '~/coding/coding-page.server';
import { CODED_FILTERS } from '~/coding/filters';
import { answerPath, codingPath, questionPath } from '~/coding/paths';
import { requireOpenQuestion } from '~/coding/routes.server';
import { codingSchema } from '~/coding/schemas';
import { InputField, SelectField } from '~/ui/admin/Field';
import { AnswerCard } from '~/coding/components/AnswerCard';
import { useNumbers } from '~/coding/components/format';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/coding.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const headers_ = { 'Cache-Control': PRIVATE_PAGE };

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'editResponses');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const question = await requireOpenQuestion(db, consultation.id, args.params);
  const filters = readAnswerFilters(new URL(args.request.url));
  const locale = await detectLocale(args.request);
  const [page, firstUncoded] = await Promise.all([answersPage(db, consultation.id, question.id, filters, user.id), nextUncodedAnswer(db, question.id)]);
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'coding')('list.title')} – ${question.text}`);
  return data({ consultation, question, filters, page, firstUncoded, title }, { headers: headers_ });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const question = await requireOpenQuestion(db, consultation.id, args.params);
  const answerId = Number(formData.get('answerId'));
  const submission = parseWithZod(formData, { schema: codingSchema });
  const fail = (fieldErrors?: Record<string, string[]>) => {
    args.context.request.submissionFailed = true;
    return data({ answerId, result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400, headers: headers_ });
  };
  if (submission.status !== 'success') return fail();
  const answer = await findAnswerForCoding(db, question.id, submission.value.answerId);
  if (!answer) notFound();
  const saved = await codeAnswer(db, actorOf(user), {
    consultationId: consultation.id,
    questionId: question.id,
    answerId: answer.id,
    coderId: user.id,
    themeIds: submission.value.themes,
  });
  if (!saved.ok) return fail({ themes: [saved.error] });
  const back = new URL(args.request.url);
  back.searchParams.delete('index');
  back.searchParams.set('saved', String(answer.id));
  return redirect(`${back.pathname}${back.search}#answer-${answer.id}`, { status: 303, headers: headers_ });
}

export const headers = routeHeaders;

export default function AnswerList() {
  const { consultation, question, filters, page, firstUncoded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('coding');
  const { whole } = useNumbers();
  const [params] = useSearchParams();
  const saved = Number(params.get('saved'));
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.delete('saved');
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    const query = next.toString();
    return `${questionPath(consultation.id, question.id)}${query ? `?${query}` : ''}`;
  };
  const themeNames = Object.fromEntries(page.themes.map((th) => [th.id, th.name]));
  return (
    <div className="width-wide">
      <Link to={codingPath(consultation.id)} className="back-link">
        {t('back')}
      </Link>
      <p className="caption">{t('list.caption')}</p>
      <h1>{question.text}</h1>
      {firstUncoded !== null && (
        <p>
          <Link to={answerPath(consultation.id, question.id, firstUncoded)} className="button button--secondary">
            {t('list.oneByOne')}
          </Link>
        </p>
      )}
      <Form method="get" className="filters" aria-label={t('list.filters')}>
        <InputField name="q" label={t('list.search')} defaultValue={filters.search} />
        <SelectField
          name="coded"
          label={t('list.coded')}
          defaultValue={filters.coded}
          options={CODED_FILTERS.map((c) => ({ value: c, label: t(`list.codedFilter.${c}`) }))}
        />
        <SelectField
          name="theme"
          label={t('list.theme')}
          defaultValue={filters.themeId ? String(filters.themeId) : ''}
          options={[{ value: '', label: t('list.anyTheme') }, ...page.themes.map((th) => ({ value: String(th.id), label: th.name }))]}
        />
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            {t('list.apply')}
          </button>
        </div>
      </Form>
      {saved > 0 && !actionData && !page.answers.some((a) => a.id === saved) && (
        <div className="notice notice--success" role="status">
          {t('answer.saved')}
        </div>
      )}
      <p data-testid="answer-count">{t('list.count', { count: page.total, shown: whole(page.total) })}</p>
      {page.answers.map((answer) => (
        <AnswerCard
          key={answer.id}
          consultationId={consultation.id}
          questionId={question.id}
          answer={answer}
          heading={t('list.answerHeading', { position: whole(answer.position), total: whole(page.total) })}
          themes={page.themes}
          themeNames={themeNames}
          saved={saved === answer.id && actionData === undefined}
          lastResult={actionData?.answerId === answer.id ? actionData.result : undefined}
        />
      ))}
      {page.pages > 1 && (
        <nav aria-label={t('list.pagination')} className="pagination">
          <p>{t('list.pageOf', { page: whole(page.page), pages: whole(page.pages) })}</p>
          <ul className="button-group">
            {page.page > 1 && (
              <li>
                <Link to={pageLink(page.page - 1)} rel="prev">
                  {t('list.previous')}
                </Link>
              </li>
            )}
            {page.page < page.pages && (
              <li>
                <Link to={pageLink(page.page + 1)} rel="next">
                  {t('list.next')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
