import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireOpenYouthVersion } from '~/consultations/find.server';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { Honeypot } from '~/responses/components/moderation/Honeypot';
import { useErrorText } from '~/ui/form/use-error-text';
import { YouthCheck } from '~/responses/components/youth/YouthCheck';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { refuseSubmission, releaseSubmission, screenAndStore, screenSubmission } from '~/responses/moderation/submission-guard.server';
import { formPageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { flatFormEntries } from '~/responses/answers';
import { unlessBusy } from '~/responses/busy.server';
import { loadDraft, readDraftToken } from '~/responses/drafts.server';
import { youthSubmissionSchema } from '~/responses/youth/form-schema';
import { youthDraftToken } from '~/responses/youth/step-schema';
import { postedValues, youthRoute, youthValuesOnRoute } from '~/responses/youth/steps';
import { youthDonePath, youthPath } from '~/consultations/versions/youth-paths';
import { submitYouthResponse } from '~/responses/youth/submit.server';
import { readSentReference, sentCookieHeader } from '~/responses/sent.server';
import { pageMeta } from '~/ui/page-meta';
import { safeguardingAges } from '~/responses/safeguarding.server';
import { PageHeading } from '~/ui/PageHeading';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const def = await requireOpenYouthVersion(context.db, params.slug ?? '', locale, new Date());
  const draft = await loadDraft(context.db, youthDraftToken(await readDraftToken(request)), def.consultationId);
  // Only the questions on this person's route are shown and sent.
  const values = youthValuesOnRoute(def, draft?.values ?? {});
  return data(
    {
      youth: { slug: def.slug, title: def.title, items: def.items },
      values,
      ages: safeguardingAges(),
      sentReference: draft ? null : await readSentReference(request, def.consultationId),
      hidden: draft ? [...flatFormEntries(values), ['idempotencyKey', draft.idempotencyKey] as [string, string]] : [],
      title: formPageTitle(context, locale, `${tFor(locale, 'youth')('check.title')} – ${def.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await detectLocale(request);
  const now = new Date();
  const def = await requireOpenYouthVersion(context.db, params.slug ?? '', locale, now);
  const formData = await request.formData();
  const { asked } = youthRoute(def, postedValues(formData));
  const submission = parseWithZod(formData, { schema: youthSubmissionSchema(def, safeguardingAges(), asked) });
  const reply = (options?: { formErrors: string[] }) => submission.reply(options);
  return unlessBusy(context, reply, 'youth', async () => {
    if (submission.status !== 'success') {
      // Counted like any post (a script's malformed posts meet the limit too), then given back.
      const screening = await screenSubmission(context, def.consultationId, submission.payload, now);
      if (!screening.ok) return refuseSubmission(context, reply, screening, 'youth');
      await releaseSubmission(context, screening);
      context.request.submissionFailed = true;
      return data({ result: reply() }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
    }
    const draftToken = youthDraftToken(await readDraftToken(request));
    const { value } = submission;
    const screened = await screenAndStore(context, def.consultationId, submission.payload, now, (takePlace) =>
      submitYouthResponse(context.db, def, value, { idempotencyKey: value.idempotencyKey ?? '', locale, draftToken, now }, takePlace),
    );
    if (!screened.ok) return refuseSubmission(context, reply, screened, 'youth');
    const { reference } = screened.stored;
    return redirect(youthDonePath(def.slug, reference), {
      status: 303,
      headers: { 'Set-Cookie': await sentCookieHeader(def.consultationId, reference, request) },
    });
  });
}

export const headers = routeHeaders;

export default function YouthCheckPage() {
  const { youth, values, ages, hidden, sentReference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('youth');
  const errorText = useErrorText();
  const errors = Object.entries(actionData?.result.error ?? {}).flatMap(([field, codes]) =>
    (codes ?? []).slice(0, 1).map((code) => ({ fieldId: field === '' ? null : `row-${field}`, message: errorText(code) })),
  );
  return (
    <div className="narrow youth">
      <Link to={youthPath(youth.slug, 'age')} className="back-link">
        {t('back')}
      </Link>
      <ErrorSummary errors={errors} title={t('errorSummary')} reply={actionData} />
      <PageHeading>{t('check.title')}</PageHeading>
      {sentReference && hidden.length === 0 ? (
        <>
          <p className="lead">{t('check.alreadySent')}</p>
          <p>
            <Link to={youthDonePath(youth.slug, sentReference)}>{t('check.seeCode')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('check.lead')}</p>
          <YouthCheck def={youth} values={values} ages={ages} />
        </>
      )}
      {hidden.length > 0 && (
        <Form method="post" noValidate>
          <Honeypot reset={actionData} />
          {hidden.map(([name, value], i) => (
            <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="button button--big" disabled={navigation.state === 'submitting'}>
            {t('check.send')}
          </button>
        </Form>
      )}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
