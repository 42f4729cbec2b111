import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultationTitle } from '~/consultations/find.server';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useErrorText } from '~/ui/form/use-error-text';
import { PickQuoteForm } from '~/publishing/components/quotes/PickQuoteForm';
import { QuoteCredit } from '~/publishing/components/quotes/QuoteCredit';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { findAnswerToQuote, listFreeTextQuestions } from '~/publishing/quotes/answers.server';
import { pickQuote } from '~/publishing/quotes/picking.server';
import { listQuoteTargets } from '~/publishing/quotes/queries.server';
import { pickQuoteSchema } from '~/publishing/quotes/schemas';
import styles from '~/styles/quotes.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

/** The consultation and the answer the address names (?answer=), or why it cannot be quoted. */
async function readAnswer(args: LoaderFunctionArgs) {
  const consultation = await requireConsultationTitle(args.context.db, args.params.id);
  const answerId = Number(new URL(args.request.url).searchParams.get('answer'));
  if (!Number.isSafeInteger(answerId) || answerId <= 0) throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': PRIVATE_PAGE } });
  return { consultation, answerId, found: await findAnswerToQuote(args.context.db, consultation.id, answerId) };
}

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const { db } = args.context;
  const { consultation, found } = await readAnswer(args);
  if (!found.ok && found.error === 'quotes:answerMissing') throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': PRIVATE_PAGE } });
  const locale = await detectLocale(args.request);
  const [targets, questions] = await Promise.all([listQuoteTargets(db, consultation.id, locale), listFreeTextQuestions(db, consultation.id, locale)]);
  const answer = found.ok ? { ...found.answer, questionText: questions.find((q) => q.id === found.answer.questionId)?.text ?? '' } : null;
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'quotes')('pick.title')} – ${consultation.title}`);
  return data({ consultation, answer, refusal: found.ok ? null : found.error, targets, title }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { consultation, answerId, found } = await readAnswer(args);
  const submission = parseWithZod(formData, { schema: pickQuoteSchema(found.ok ? found.answer.text : null) });
  const fail = (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) => {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply(options) }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  };
  if (!found.ok) return fail({ formErrors: [found.error] });
  if (submission.status !== 'success') return fail();
  const { themeId, priorityId, excerpt } = submission.value;
  const result = await pickQuote(args.context.db, actorOf(user), { consultationId: consultation.id, answerId, themeId, priorityId, excerpt });
  if (!result.ok) return fail(result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] });
  return redirect(`/admin/consultations/${consultation.id}/quotes?picked=${result.id}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function PickQuote() {
  const { consultation, answer, refusal, targets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('quotes');
  const errorText = useErrorText();
  return (
    <div className="width-wide">
      <Link to={`/admin/consultations/${consultation.id}/quotes`} className="back-link">
        {t('pick.back')}
      </Link>
      {answer ? (
        <PickQuoteForm answerText={answer.text} targets={targets} lastResult={actionData?.result}>
          <h1>{t('pick.title')}</h1>
          <h2 className="heading-s">{answer.questionText}</h2>
          <figure className="quote__figure">
            <blockquote className="quote__text">
              <p className="preserve-lines" dir="auto" data-testid="answer-text">
                {answer.text}
              </p>
            </blockquote>
            <figcaption className="quote__credit">
              {t('pick.creditAs')} <QuoteCredit credit={answer.credit} />
            </figcaption>
          </figure>
        </PickQuoteForm>
      ) : (
        <>
          <ErrorSummary errors={[{ fieldId: null, message: errorText(refusal ?? 'quotes:answerMissing') }]} reply={actionData?.result} />
          <h1>{t('pick.title')}</h1>
        </>
      )}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
