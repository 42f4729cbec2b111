import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultationTitle } from '~/consultations/find.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { findAnswerForCoding } from '~/coding/answers.server';
import { listCodebook } from '~/coding/codebook.server';
import { codeAnswer, prepareAnswer } from '~/coding/coding-page.server';
import { listCodings } from '~/coding/codings.server';
import { nextToCode, placeInQuestion, placeInSample } from '~/coding/one-by-one.server';
import { answerPath, codingPath, questionPath, samplePath } from '~/coding/paths';
import { requireOpenQuestion, requireSample } from '~/coding/routes.server';
import { codingSchema } from '~/coding/schemas';
import { CodingForm } from '~/coding/components/CodingForm';
import { CodingHistory } from '~/coding/components/CodingHistory';
import { useNumbers } from '~/coding/components/format';
import { useWrittenText } from '~/responses/components/useWrittenText';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/coding.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const headers_ = { 'Cache-Control': PRIVATE_PAGE };

/** The consultation, question, answer and (with ?sample=) double-coding sample the address names. */
async function requireAnswer(args: LoaderFunctionArgs) {
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const question = await requireOpenQuestion(db, consultation.id, args.params);
  const answer = await findAnswerForCoding(db, question.id, idParam(args.params, 'answerId'));
  if (!answer) notFound();
  const sampleParam = new URL(args.request.url).searchParams.get('sample');
  const sample = sampleParam ? await requireSample(db, consultation.id, Number(sampleParam) || 0) : null;
  if (sample && sample.questionId !== question.id) notFound();
  return { consultation, question, answer, sample };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'editResponses');
  const { db } = args.context;
  const { consultation, question, answer, sample } = await requireAnswer(args);
  const [themes, codings, place] = await Promise.all([
    listCodebook(db, consultation.id),
    listCodings(db, [answer.id]),
    sample ? placeInSample(db, sample.id, answer.id) : placeInQuestion(db, question.id, answer.id),
  ]);
  if (!place) notFound();
  const locale = await detectLocale(args.request);
  const shown = prepareAnswer(answer, codings.get(answer.id) ?? [], themes, user.id, sample !== null);
  const t = tFor(locale, 'coding');
  const title = workspacePageTitle(args.context, locale, `${t('one.title', { position: place.position, total: place.total })} – ${question.text}`);
  return data({ consultation, question, answer: shown, sample, place, themes, title }, { headers: headers_ });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { db } = args.context;
  const { consultation, question, answer, sample } = await requireAnswer(args);
  const submission = parseWithZod(formData, { schema: codingSchema });
  const fail = (fieldErrors?: Record<string, string[]>) => {
    args.context.request.submissionFailed = true;
    return data({ answerId: answer.id, result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400, headers: headers_ });
  };
  if (submission.status !== 'success' || submission.value.answerId !== answer.id) return fail();
  const saved = await codeAnswer(db, actorOf(user), {
    consultationId: consultation.id,
    questionId: question.id,
    answerId: answer.id,
    coderId: user.id,
    themeIds: submission.value.themes,
  });
  if (!saved.ok) return fail({ themes: [saved.error] });
  if (submission.value.intent === 'save') {
    return redirect(`${answerPath(consultation.id, question.id, answer.id, sample?.id)}${sample ? '&' : '?'}saved=1`, { status: 303, headers: headers_ });
  }
  const next = await nextToCode(db, question.id, answer.id, sample && { id: sample.id, coderId: user.id });
  if (next !== null) return redirect(answerPath(consultation.id, question.id, next, sample?.id), { status: 303, headers: headers_ });
  const done = sample ? `${samplePath(consultation.id, sample.id)}?notice=sampleDone` : `${codingPath(consultation.id)}?notice=allCoded`;
  return redirect(done, { status: 303, headers: headers_ });
}

export const headers = routeHeaders;

export default function CodeOneAnswer() {
  const { consultation, question, answer, sample, place, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('coding');
  const written = useWrittenText();
  const { whole } = useNumbers();
  const [params] = useSearchParams();
  const at = (id: number) => answerPath(consultation.id, question.id, id, sample?.id);
  const themeNames = Object.fromEntries(themes.map((th) => [th.id, th.name]));
  const suggested = themes.filter((th) => answer.suggested[th.id]);
  const heading = sample
    ? t('one.sampleHeading', { position: whole(place.position), total: whole(place.total), sample: sample.name })
    : t('one.heading', { position: whole(place.position), total: whole(place.total) });
  return (
    <div className="width-wide">
      <Link to={sample ? samplePath(consultation.id, sample.id) : questionPath(consultation.id, question.id)} className="back-link">
        {sample ? t('one.backToSample') : t('one.backToList')}
      </Link>
      <p className="caption">{question.text}</p>
      <h1>{heading}</h1>
      {params.get('saved') && !actionData && (
        <div className="notice notice--success" role="status">
          {t('answer.saved')}
        </div>
      )}
      {sample && <p className="notice">{t('one.blind')}</p>}
      <blockquote className="coding-answer coding-answer--large" lang={answer.locale} dir="auto">
        {written(answer.text)}
      </blockquote>
      <p className="coding-meta">{t('answer.from', { reference: answer.reference })}</p>
      {suggested.length > 0 && (
        <p className="coding-suggestions" data-testid="suggestions">
          {suggested.map((th) => t('one.suggestion', { theme: th.name, words: answer.suggested[th.id]!.map((w) => `‘${w}’`).join(', ') })).join(' ')}
        </p>
      )}
      <CodingForm
        key={answer.id}
        answerId={answer.id}
        themes={themes}
        suggested={answer.suggested}
        ticked={answer.ticked}
        none={answer.none}
        lastResult={actionData?.result}
        withNext
        legend={t('form.legend')}
      />
      <nav className="coding-pager" aria-label={t('one.pager')}>
        <ul className="button-group">
          {place.previousId !== null && (
            <li>
              <Link to={at(place.previousId)} rel="prev">
                {t('one.previous')}
              </Link>
            </li>
          )}
          {place.nextId !== null && (
            <li>
              <Link to={at(place.nextId)} rel="next">
                {t('one.next')}
              </Link>
            </li>
          )}
        </ul>
      </nav>
      <h2>{sample ? t('history.yours') : t('history.title')}</h2>
      <CodingHistory codings={answer.codings} themeNames={themeNames} />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
