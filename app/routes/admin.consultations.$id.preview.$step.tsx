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
import { SurveyStepFields } from '~/responses/components/SurveyStepFields';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PreviewBanner } from '~/responses/components/PreviewBanner';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { stepFieldNames, stepSchema } from '~/responses/step-schema';
import { withStep } from '~/responses/drafts.server';
import { ASK_EVERYTHING } from '~/responses/safeguarding';
import { carriedAnswers, readPreviewAnswers } from '~/responses/preview/preview-route';
import { loadPreviewStep } from '~/responses/preview/preview.server';
import { answersOf, usePreviewForm } from '~/responses/preview/preview-form';
import { previewPath } from '~/responses/preview/preview-paths';
import { pageMeta } from '~/ui/page-meta';
import { findStep, stepHeading } from '~/responses/steps';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const answers = readPreviewAnswers(new URL(args.request.url));
  const { consultation, def, position, wards } = await loadPreviewStep(args.context.db, args.params.id, args.params.step, locale, answers);
  const stepTitle = stepHeading(position.step, tFor(locale, 'survey'), tFor(locale, 'about'));
  return data(
    {
      consultationId: consultation.id,
      consultation: { slug: def.slug, title: def.title },
      position,
      wards,
      answers,
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'versions')('preview.title')}: ${stepTitle} – ${def.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

// Checks the page as the real form would, then moves on; nothing is stored.
export async function action(args: ActionFunctionArgs) {
  const { formData } = await requireAction(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const answers = readPreviewAnswers(new URL(args.request.url));
  const { consultation, def, position, wardCodes } = await loadPreviewStep(args.context.db, args.params.id, args.params.step, locale, answers);
  if (formData.get('intent') === 'back') {
    return redirect(position.previous ? previewPath(consultation.id, position.previous.id, answers) : previewPath(consultation.id), { status: 303 });
  }
  const submission = parseWithZod(answersOf(formData), { schema: stepSchema(position.step, wardCodes) });
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400 });
  }
  // The route follows the answers just given, as it would for a resident.
  const given = carriedAnswers(def, withStep(answers, stepFieldNames(position.step, wardCodes), submission.value));
  const next = findStep(def, position.step.id, ASK_EVERYTHING, given)?.next;
  return redirect(next ? previewPath(consultation.id, next.id, given) : `${previewPath(consultation.id)}?finished=residents`, { status: 303 });
}

export default function PreviewStep() {
  const data = useLoaderData<typeof loader>();
  return <PreviewStepForm key={data.position.step.id} {...data} />;
}

function PreviewStepForm({ consultationId, consultation, position, wards, answers }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('survey');
  const { t: tAbout } = useTranslation('about');
  const { step } = position;
  const wardCodes = useMemo(() => wards.map((w) => w.code), [wards]);
  const schema = useMemo(() => stepSchema(step, wardCodes), [step, wardCodes]);
  const { form, summary, fieldErrors, current, submit } = usePreviewForm({
    id: `preview-${step.id}`,
    schema,
    lastResult: actionData?.result,
    defaultValue: answers,
  });
  const heading = stepHeading(step, t, tAbout);
  return (
    <div className="narrow">
      <PreviewBanner consultationId={consultationId} audience="residents" />
      <Link to={position.previous ? previewPath(consultationId, position.previous.id, answers) : previewPath(consultationId)} className="back-link">
        {t('back')}
      </Link>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData} />
      <p className="caption">
        {consultation.title}
        <span className="caption__step">{t('sectionOf', { number: position.number, total: position.total })}</span>
      </p>
      <h1>{heading}</h1>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
        <SurveyStepFields step={step} values={current} errors={fieldErrors} wards={wards} />
        <StepButtons next={t('continue')} back={t('saveAndBack')} />
      </AdminForm>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
