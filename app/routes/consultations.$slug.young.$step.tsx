import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { requireOpenYouthVersion } from '~/consultations/find.server';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { StepButtons } from '~/ui/form/StepButtons';
import { useStepForm } from '~/ui/form/use-step-form';
import { YouthProgress } from '~/responses/components/youth/YouthProgress';
import { YouthStepFields } from '~/responses/components/youth/YouthStepFields';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { formPageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { unlessBusy } from '~/responses/busy.server';
import { draftCookieHeader, loadDraft, newDraftToken, readDraftToken, saveDraftStep, valuesToKeep } from '~/responses/drafts.server';
import { redirectWithCookie } from '~/responses/survey.server';
import { youthCheckPath, youthPath } from '~/consultations/versions/youth-paths';
import { safeguardingAges } from '~/responses/safeguarding.server';
import { findYouthStep } from '~/responses/youth/steps';
import { youthDraftToken, youthStepFields, youthStepSchema } from '~/responses/youth/step-schema';
import { pageMeta } from '~/ui/page-meta';

const ageOf = (values: Record<string, unknown> | undefined) => (typeof values?.age_band === 'string' ? values.age_band : null);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const def = await requireOpenYouthVersion(context.db, params.slug ?? '', locale, new Date());
  const draft = await loadDraft(context.db, youthDraftToken(await readDraftToken(request)), def.consultationId);
  const values = draft?.values ?? {};
  const position = findYouthStep(def, params.step ?? '', ageOf(values), safeguardingAges());
  if (!position) throw new Response(null, { status: 404 });
  const t = tFor(locale, 'youth');
  const heading = position.step.kind === 'item' ? position.step.item.text : position.step.kind === 'age' ? t('age.question') : t('more.title');
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
  const position = findYouthStep(def, params.step ?? '', ageOf(draft?.values), safeguardingAges());
  if (!position) throw new Response(null, { status: 404 });

  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: youthStepSchema(position.step) });
  const goingBack = formData.get('intent') === 'back';
  if (!goingBack && submission.status !== 'success') {
    context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE, 'Set-Cookie': cookie } });
  }
  const age = position.step.kind === 'age' ? ageOf(submission.payload) : ageOf(draft?.values);
  const fields = youthStepFields(position.step, age, safeguardingAges());
  return unlessBusy(
    context,
    (options) => submission.reply(options),
    'youth',
    async () => {
      const saved = await saveDraftStep(context.db, youthDraftToken(token)!, def.consultationId, fields, valuesToKeep(submission), new Date());
      if (!saved) {
        context.request.submissionFailed = true;
        return data({ result: submission.reply({ formErrors: ['tooLarge'] }) }, { status: 400, headers: { 'Set-Cookie': cookie } });
      }

      if (goingBack) return redirectWithCookie(youthPath(def.slug, position.previous?.id), cookie);
      // The pages that follow depend on the age just given: below the credit age there is no "more about you" page.
      const next = findYouthStep(def, position.step.id, age, safeguardingAges())?.next;
      const returnToCheck = new URL(request.url).searchParams.get('return') === 'check';
      return redirectWithCookie(returnToCheck || !next ? youthCheckPath(def.slug) : youthPath(def.slug, next.id), cookie);
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
  return (
    <div className="narrow youth">
      <Link to={returnToCheck ? youthCheckPath(youth.slug) : youthPath(youth.slug, position.previous?.id)} className="back-link">
        {t('back')}
      </Link>
      <ErrorSummary errors={summary} title={t('errorSummary')} attempt={submit.attempts} reply={actionData} />
      {step.kind !== 'more' && <YouthProgress number={position.number} total={position.total} />}
      <Form method="post" {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
        <YouthStepFields step={step} values={current} errors={fieldErrors} />
        <StepButtons next={t('next')} back={t('back')} big />
      </Form>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
