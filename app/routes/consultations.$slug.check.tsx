import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireOpenConsultation } from '~/consultations/find.server';
import { CheckAnswers } from '~/responses/components/CheckAnswers';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { Honeypot } from '~/responses/components/moderation/Honeypot';
import { useErrorText } from '~/ui/form/use-error-text';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { refuseSubmission, releaseSubmission, screenAndStore, screenSubmission } from '~/responses/moderation/submission-guard.server';
import { formPageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { listWards } from '~/framework/places/wards.server';
import { toFormEntries, withoutNotAsked } from '~/responses/answers';
import { loadDraft, readDraftToken } from '~/responses/drafts.server';
import { routedSubmission, submissionSchema } from '~/responses/form-schema';
import { routedSections, surveyRoute } from '~/responses/steps';
import { unlessBusy } from '~/responses/busy.server';
import { confirmationPath, surveyPath } from '~/responses/paths';
import { readSentReference, sentCookieHeader } from '~/responses/sent.server';
import { submitResponse } from '~/responses/submit.server';
import { pageMeta } from '~/ui/page-meta';
import { mayAsk, withoutFieldsNotAsked } from '~/responses/safeguarding';
import { safeguardingAges } from '~/responses/safeguarding.server';
import { PageHeading } from '~/ui/PageHeading';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const def = await requireOpenConsultation(context.db, params.slug ?? '', locale, new Date());
  const [draft, wards] = await Promise.all([loadDraft(context.db, await readDraftToken(request), def.id), listWards(context.db)]);
  // A draft from before an age was changed may hold what a child is not asked: it is neither shown nor sent.
  const ages = safeguardingAges();
  // Nor are answers to questions the person's own route no longer asks (routing.ts).
  const values = withoutNotAsked(def, withoutFieldsNotAsked(draft?.values ?? {}, ages));
  const route = surveyRoute(def, values);
  // An answer that ends the survey ends it: there is nothing to send (ExitPage).
  if (draft && route.exit) throw redirect(surveyPath(def.slug, 'exit'), 303);
  return data(
    {
      consultation: { slug: def.slug, title: def.title, sections: routedSections(def, route), askAboutYou: def.askAboutYou },
      values,
      may: mayAsk(values.age_band, ages),
      wards,
      hasDraft: Boolean(draft),
      sentReference: draft ? null : await readSentReference(request, def.id),
      hidden: draft ? [...toFormEntries(def, values), ['idempotencyKey', draft.idempotencyKey] as [string, string]] : [],
      title: formPageTitle(context, locale, `${tFor(locale, 'survey')('check.title')} – ${def.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await detectLocale(request);
  const now = new Date();
  const def = await requireOpenConsultation(context.db, params.slug ?? '', locale, now);
  const wardCodes = def.askAboutYou ? (await listWards(context.db)).map((w) => w.code) : null;
  // The route is decided from the answers posted: only what it asks is checked and stored.
  const { route, formData } = routedSubmission(def.sections, await request.formData());
  if (route.exit) return redirect(surveyPath(def.slug, 'exit'), 303);
  const submission = parseWithZod(formData, { schema: submissionSchema(def.sections, wardCodes, safeguardingAges(), route) });
  const reply = (options?: { formErrors: string[] }) => submission.reply(options);
  return unlessBusy(context, reply, 'survey', async () => {
    if (submission.status !== 'success') {
      // Counted like any post (a script's malformed posts meet the limit too), then given back.
      const screening = await screenSubmission(context, def.id, submission.payload, now);
      if (!screening.ok) return refuseSubmission(context, reply, screening, 'survey');
      await releaseSubmission(context, screening);
      context.request.submissionFailed = true;
      return data({ result: reply() }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
    }
    const draftToken = await readDraftToken(request);
    const { value } = submission;
    const screened = await screenAndStore(context, def.id, submission.payload, now, (takePlace) =>
      submitResponse(context.db, def, value, { idempotencyKey: value.idempotencyKey ?? '', locale, channel: 'online', draftToken, now }, takePlace),
    );
    if (!screened.ok) return refuseSubmission(context, reply, screened, 'survey');
    const { reference } = screened.stored;
    return redirect(confirmationPath(def.slug, reference), { status: 303, headers: { 'Set-Cookie': await sentCookieHeader(def.id, reference, request) } });
  });
}

export const headers = routeHeaders;

export default function CheckYourAnswers() {
  const { consultation, values, may, wards, hidden, hasDraft, sentReference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('survey');
  const errorText = useErrorText();
  const errors = Object.entries(actionData?.result.error ?? {}).flatMap(([field, codes]) =>
    (codes ?? []).slice(0, 1).map((code) => ({
      // Problems found at the last moment point at the answer's row, which links to its page.
      fieldId: field === '' ? null : `row-${field.replace(/\[\d+\]$/, '').replace(/-other$/, '')}`,
      message: errorText(code),
    })),
  );
  return (
    <div className="narrow">
      <Link to={surveyPath(consultation.slug, 'your-words')} className="back-link">
        {t('back')}
      </Link>
      <ErrorSummary errors={errors} reply={actionData} />
      <p className="caption">{consultation.title}</p>
      <PageHeading>{t('check.title')}</PageHeading>
      {!hasDraft && sentReference ? (
        <>
          <p>{t('check.alreadySent')}</p>
          <p>
            <Link to={confirmationPath(consultation.slug, sentReference)}>{t('check.seeReference')}</Link>
          </p>
        </>
      ) : !hasDraft ? (
        <>
          <p>{t('check.empty')}</p>
          <p>
            <Link to={surveyPath(consultation.slug, '1')} className="button">
              {t('check.startAgain')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <CheckAnswers def={consultation} values={values} may={may} wards={wards} />
          <h2 className="heading-m">{t('check.sendHeading')}</h2>
          <p>{t('check.sendText')}</p>
          <Form method="post" noValidate>
            <Honeypot reset={actionData} />
            {hidden.map(([name, value], i) => (
              <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
              {t('check.send')}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
