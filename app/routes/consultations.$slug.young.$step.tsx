import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { requireOpenYouthVersion } from '~/consultations/find.server';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { StepButtons } from '~/ui/form/StepButtons';
import { useStepForm } from '~/ui/form/use-step-form';
import { YouthProgress } from '~/responses/components/youth/YouthProgress';
import { YouthStepFields } from '~/responses/components/youth/YouthStepFields';
import { YouthDropWarning } from '~/responses/components/youth/YouthDropWarning';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { formPageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { unlessBusy } from '~/responses/busy.server';
import { draftCookieHeader, loadDraft, newDraftToken, readDraftToken, saveDraftStep, valuesToKeep } from '~/responses/drafts.server';
import { redirectWithCookie } from '~/responses/survey.server';
import { youthCheckPath, youthPath } from '~/consultations/versions/youth-paths';
import { safeguardingAges } from '~/responses/safeguarding.server';
import { findYouthStep, youthStepInstead } from '~/responses/youth/steps';
import { planYouthStepPost, youthPlanPath } from '~/responses/youth/step-post';
import type { YouthDef } from '~/consultations/versions/youth-definition';
import { youthDraftToken, youthStepSchema } from '~/responses/youth/step-schema';
import { pageMeta } from '~/ui/page-meta';

/** A question this person's answers route past (an old link, a bookmark) leads on to where their route goes next. */
function notOnRoute(def: YouthDef, stepId: string, values: Record<string, unknown>, request: Request) {
  const isItem = /^[0-9]+$/.test(stepId) && Number(stepId) >= 1 && Number(stepId) <= def.items.length;
  if (!isItem && stepId !== 'exit') return new Response(null, { status: 404 });
  const instead = youthStepInstead(def, stepId, values, safeguardingAges());
  const search = new URL(request.url).search;
  return redirect(instead ? `${youthPath(def.slug, instead.id)}${search}` : youthCheckPath(def.slug), { status: 303 });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const def = await requireOpenYouthVersion(context.db, params.slug ?? '', locale, new Date());
  const draft = await loadDraft(context.db, youthDraftToken(await readDraftToken(request)), def.consultationId);
  const values = draft?.values ?? {};
  const position = findYouthStep(def, params.step ?? '', values, safeguardingAges());
  if (!position) throw notOnRoute(def, params.step ?? '', values, request);
  const t = tFor(locale, 'youth');
  const heading =
    position.step.kind === 'item'
      ? position.step.item.text
      : position.step.kind === 'age'
        ? t('age.question')
        : t(position.step.kind === 'exit' ? 'exit.title' : 'more.title');
  return data(
    {
      youth: { slug: def.slug, title: def.title },
      position,
      values,
      returnToCheck: new URL(request.url).searchParams.get('return') === 'check',
      title: formPageTitle(context, locale, `${heading} – ${def.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await detectLocale(request);
  const def = await requireOpenYouthVersion(context.db, params.slug ?? '', locale, new Date());
  const token = (await readDraftToken(request)) ?? newDraftToken();
  const cookie = await draftCookieHeader(token, request);
  const draft = await loadDraft(context.db, youthDraftToken(token), def.consultationId);
  const before = draft?.values ?? {};
  const position = findYouthStep(def, params.step ?? '', before, safeguardingAges());
  if (!position) throw notOnRoute(def, params.step ?? '', before, request);

  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: youthStepSchema(position.step) });
  const posted = valuesToKeep(submission);
  const plan = planYouthStepPost({
    def,
    position,
    before,
    posted,
    valid: submission.status === 'success',
    goingBack: formData.get('intent') === 'back',
    confirmed: formData.get('intent') === 'drop',
    returnToCheck: new URL(request.url).searchParams.get('return') === 'check',
    ages: safeguardingAges(),
  });
  if (plan.kind === 'invalid') {
    context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE, 'Set-Cookie': cookie } });
  }
  if (plan.kind === 'confirm') {
    return data(
      { result: submission.reply(), dropping: plan.dropped.map((item) => item.text) },
      { status: 409, headers: { 'Cache-Control': PRIVATE_PAGE, 'Set-Cookie': cookie } },
    );
  }
  return unlessBusy(
    context,
    (options) => submission.reply(options),
    'youth',
    async () => {
      const saved = await saveDraftStep(context.db, youthDraftToken(token)!, def.consultationId, plan.fields, posted, new Date());
      if (!saved) {
        context.request.submissionFailed = true;
        return data({ result: submission.reply({ formErrors: ['tooLarge'] }) }, { status: 400, headers: { 'Set-Cookie': cookie } });
      }
      return redirectWithCookie(youthPlanPath(def.slug, plan), cookie);
    },
    { 'Set-Cookie': cookie },
  );
}

export const headers = routeHeaders;

export default function YouthStepPage() {
  const data = useLoaderData<typeof loader>();
  // A new form for every step: the form library would otherwise carry one step's state into the next.
  return <YouthStepForm key={data.position.step.id} {...data} />;
}

function YouthStepForm({ youth, position, values, returnToCheck }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('youth');
  const { step } = position;
  const schema = useMemo(() => youthStepSchema(step), [step]);
  const { form, summary, fieldErrors, current, submit } = useStepForm({ id: `young-${step.id}`, schema, lastResult: actionData?.result, defaultValue: values });
  const dropping = actionData && 'dropping' in actionData ? (actionData.dropping as string[]) : null;
  return (
    <div className="narrow youth">
      <Link to={returnToCheck ? youthCheckPath(youth.slug) : youthPath(youth.slug, position.previous?.id)} className="back-link">
        {t('back')}
      </Link>
      <ErrorSummary errors={summary} title={t('errorSummary')} attempt={submit.attempts} reply={actionData} />
      {(step.kind === 'age' || step.kind === 'item') && <YouthProgress number={position.number} total={position.total} />}
      <Form method="post" {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
        {dropping && <YouthDropWarning questions={dropping} />}
        <YouthStepFields step={step} values={current} errors={fieldErrors} />
        <StepButtons next={t(step.kind === 'exit' ? 'exit.check' : 'next')} back={t('back')} big />
      </Form>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
