import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { requireAction, requireUser } from '~/auth/guard.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { StepButtons } from '~/ui/form/StepButtons';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PreviewBanner } from '~/responses/components/PreviewBanner';
import { YouthProgress } from '~/responses/components/youth/YouthProgress';
import { YouthStepFields } from '~/responses/components/youth/YouthStepFields';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { youthStepSchema } from '~/responses/youth/step-schema';
import { youthRouteViews, type YouthRouteView } from '~/responses/youth/preview-routes';
import { loadYouthPreviewStep, planYouthPreviewPost } from '~/responses/preview/preview.server';
import { valuesToKeep } from '~/responses/drafts.server';
import { answersOf, usePreviewForm } from '~/responses/preview/preview-form';
import { previewPath, youthPreviewPath } from '~/responses/preview/preview-paths';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const query = new URL(args.request.url).searchParams;
  const { consultation, youth, position, answers, age } = await loadYouthPreviewStep(args.context.db, args.params.id, args.params.step, query, locale);
  const t = tFor(locale, 'youth');
  const heading =
    position.step.kind === 'item'
      ? position.step.item.text
      : position.step.kind === 'age'
        ? t('age.question')
        : t(position.step.kind === 'exit' ? 'exit.title' : 'more.title');
  // The first page offers every route through the form; a route followed arrives with its answers chosen.
  const routes = position.step.kind === 'age' ? youthRouteViews(youth) : [];
  return data(
    {
      consultationId: consultation.id,
      age,
      answers,
      routes: routes.length > 1 ? routes : [],
      position,
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'versions')('preview.youngTitle')}: ${heading} – ${youth.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

// Checks the page as the real form would, then moves on; nothing is stored.
export async function action(args: ActionFunctionArgs) {
  const { formData } = await requireAction(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const query = new URL(args.request.url).searchParams;
  const { consultation, youth, position, answers, age } = await loadYouthPreviewStep(args.context.db, args.params.id, args.params.step, query, locale);
  const submission = parseWithZod(answersOf(formData), { schema: youthStepSchema(position.step) });
  const plan = planYouthPreviewPost({
    youth,
    consultationId: consultation.id,
    position,
    age,
    answers,
    posted: valuesToKeep(submission),
    valid: submission.status === 'success',
    goingBack: formData.get('intent') === 'back',
  });
  if (plan.kind === 'invalid') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400 });
  }
  return redirect(plan.to, { status: 303 });
}

export default function YouthPreviewStep() {
  const data = useLoaderData<typeof loader>();
  return <YouthPreviewForm key={data.position.step.id} {...data} />;
}

function YouthPreviewForm({ consultationId, age, answers, routes, position }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('youth');
  const { step } = position;
  const schema = useMemo(() => youthStepSchema(step), [step]);
  const { form, summary, fieldErrors, current, submit } = usePreviewForm({
    id: `preview-young-${step.id}`,
    schema,
    lastResult: actionData?.result,
    defaultValue: answers,
  });
  const back = position.previous ? youthPreviewPath(consultationId, position.previous.id, age, answers) : previewPath(consultationId);
  return (
    <div className="narrow youth">
      <PreviewBanner consultationId={consultationId} audience="young" />
      <Link to={back} className="back-link">
        {t('back')}
      </Link>
      <ErrorSummary errors={summary} title={t('errorSummary')} attempt={submit.attempts} reply={actionData} />
      {routes.length > 0 && <YouthPreviewRoutes consultationId={consultationId} routes={routes} />}
      {(step.kind === 'age' || step.kind === 'item') && <YouthProgress number={position.number} total={position.total} />}
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
        <YouthStepFields step={step} values={current} errors={fieldErrors} />
        <StepButtons next={t(step.kind === 'exit' ? 'exit.check' : 'next')} back={t('back')} big />
      </AdminForm>
    </div>
  );
}

/** Every route through the form in words, each with a link that walks it with its answers already chosen. */
function YouthPreviewRoutes({ consultationId, routes }: { consultationId: number; routes: YouthRouteView[] }) {
  const { t } = useTranslation('versions');
  return (
    <section className="notice" aria-labelledby="youth-routes">
      <h2 id="youth-routes">{t('preview.youthRoutes', { count: routes.length })}</h2>
      <ol>
        {routes.map((route, i) => (
          <li key={i}>
            {route.answers.length === 0
              ? t('preview.routeNoAnswers')
              : route.answers
                  .map((a) => t('preview.routeAnswer', { question: a.question, answer: a.options.join(', ') || t('preview.routeUnanswered') }))
                  .join('; ')}
            {'. '}
            {t(route.exits ? 'preview.routeExits' : 'preview.routeAsks', { count: route.questions })}{' '}
            <Link to={youthPreviewPath(consultationId, 'age', null, route.fields)}>{t('preview.followRoute', { number: i + 1 })}</Link>
          </li>
        ))}
      </ol>
    </section>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
