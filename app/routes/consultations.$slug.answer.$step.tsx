import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { StepButtons } from '~/ui/form/StepButtons';
import { SurveyStepFields } from '~/responses/components/SurveyStepFields';
import { useStepForm } from '~/ui/form/use-step-form';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { formPageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { privacyNoticePath } from '~/privacy-notices/notice';
import { pickFields, toFormEntries } from '~/responses/answers';
import { draftCookieHeader, newDraftToken, readDraftToken, saveDraftStep, valuesToKeep } from '~/responses/drafts.server';
import { fieldsNotAsked, mayAsk } from '~/responses/safeguarding';
import { safeguardingAges } from '~/responses/safeguarding.server';
import { stepHeading } from '~/responses/steps';
import { unlessBusy } from '~/responses/busy.server';
import { checkPath, surveyPath } from '~/responses/paths';
import { stepFieldNames, stepSchema } from '~/responses/step-schema';
import { planStepPost, redirectWithCookie, requireSurveyStep } from '~/responses/survey.server';
import { ConfirmDrop } from '~/responses/components/ConfirmDrop';
import { ExitPage } from '~/responses/components/ExitPage';
import { pageMeta } from '~/ui/page-meta';
import { PageHeading } from '~/ui/PageHeading';

/** The answers a change would remove, shown before it is saved (ConfirmDrop). */
interface Confirm {
  dropped: { key: string; text: string }[];
  entries: [string, string][];
  intent: string;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const { def, position, wards, draft } = await requireSurveyStep(
    context.db,
    params.slug ?? '',
    params.step ?? '',
    await readDraftToken(request),
    locale,
    new Date(),
  );
  const returnToCheck = new URL(request.url).searchParams.get('return') === 'check';
  const stepTitle = stepHeading(position.step, tFor(locale, 'survey'), tFor(locale, 'about'));
  return data(
    {
      consultation: { slug: def.slug, title: def.title },
      position,
      wards,
      values: draft?.values ?? {},
      returnToCheck,
      title: formPageTitle(context, locale, `${stepTitle} – ${def.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await detectLocale(request);
  const existingToken = await readDraftToken(request);
  const { def, position, wardCodes, draft, may } = await requireSurveyStep(context.db, params.slug ?? '', params.step ?? '', existingToken, locale, new Date());
  // The exit page has no form: the survey ends there (see ExitPage).
  if (position.step.kind === 'exit') return redirect(surveyPath(def.slug, 'exit'), 303);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: stepSchema(position.step, wardCodes) });
  const token = existingToken ?? newDraftToken();
  const cookie = await draftCookieHeader(token, request);
  const intent = formData.get('intent') === 'back' ? 'back' : 'continue';
  const goingBack = intent === 'back';
  const headers = { 'Cache-Control': PRIVATE_PAGE, 'Set-Cookie': cookie };

  // Going back keeps what was typed on this page, checked or not: it is checked on the way forward.
  if (!goingBack && submission.status !== 'success') {
    context.request.submissionFailed = true;
    return data({ result: submission.reply(), confirm: null as Confirm | null }, { status: 400, headers });
  }
  return unlessBusy(
    context,
    (options) => submission.reply(options),
    'survey',
    async () => {
      const posted = valuesToKeep(submission);
      // The age just given decides the pages after it; a child's draft forgets what they may not be asked.
      const ages = safeguardingAges();
      const ageGiven = position.step.kind === 'about-you' ? mayAsk(posted.age_band, ages) : null;
      const url = new URL(request.url);
      const stepFields = [...stepFieldNames(position.step, wardCodes), ...(ageGiven ? fieldsNotAsked(ageGiven) : [])];
      const plan = planStepPost({
        def,
        stepId: position.step.id,
        may: ageGiven ?? may,
        before: draft?.values ?? {},
        stepFields,
        posted,
        goingBack,
        confirmed: formData.get('confirm') === 'drop',
        returnToCheck: url.searchParams.get('return') === 'check',
        pending: (url.searchParams.get('new') ?? '').split(',').filter(Boolean),
      });
      // Nothing is saved until the person has seen which answers the change removes.
      if (plan.kind === 'confirm')
        return data(
          {
            result: submission.reply(),
            confirm: { dropped: plan.dropped, entries: toFormEntries(def, pickFields(posted, stepFields)), intent } as Confirm | null,
          },
          { headers },
        );
      const saved = await saveDraftStep(context.db, token, def.id, plan.fields, posted, new Date());
      if (!saved) {
        context.request.submissionFailed = true;
        return data({ result: submission.reply({ formErrors: ['tooLarge'] }), confirm: null as Confirm | null }, { status: 400, headers });
      }
      return redirectWithCookie(plan.to, cookie);
    },
    headers,
  );
}

export const headers = routeHeaders;

export default function SurveyStep() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (data.position.step.kind === 'exit') return <ExitPage slug={data.consultation.slug} title={data.consultation.title} step={data.position.step} />;
  // A busy database's reply carries no confirmation; every other reply of the action may.
  const confirm = (actionData as { confirm?: Confirm | null } | undefined)?.confirm;
  if (confirm) return <ConfirmDrop title={data.consultation.title} dropped={confirm.dropped} entries={confirm.entries} intent={confirm.intent} />;
  // A new form for every step: the form library would otherwise carry one step's state into the next.
  return <StepForm key={data.position.step.id} {...data} />;
}

function StepForm({ consultation, position, wards, values, returnToCheck }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('survey');
  const { t: tAbout } = useTranslation('about');
  const { step } = position;
  const wardCodes = useMemo(() => wards.map((w) => w.code), [wards]);
  const schema = useMemo(() => stepSchema(step, wardCodes), [step, wardCodes]);
  const { form, summary, fieldErrors, current, submit } = useStepForm({ id: `step-${step.id}`, schema, lastResult: actionData?.result, defaultValue: values });
  const backHref = surveyPath(consultation.slug, position.previous?.id);
  const heading = stepHeading(step, t, tAbout);

  return (
    <div className="narrow">
      <Link to={returnToCheck ? checkPath(consultation.slug) : backHref} className="back-link">
        {t('back')}
      </Link>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData} />
      <p className="caption">
        {consultation.title}
        <span className="caption__step">{t('sectionOf', { number: position.number, total: position.total })}</span>
      </p>
      <PageHeading>{heading}</PageHeading>
      <p className="privacy-note">
        <Trans t={t} i18nKey="privacyNote" components={[<Link key="privacy" to={privacyNoticePath(consultation.slug)} />]} />
      </p>
      <Form method="post" {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
        <SurveyStepFields step={step} values={current} errors={fieldErrors} wards={wards} />
        <StepButtons next={t('continue')} back={t('saveAndBack')} />
      </Form>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
