import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { linkedPriorityIds, updateDetails } from '~/consultations/builder/consultations.server';
import { isoToLondon, londonToIso } from '~/consultations/builder/dates';
import { listPriorityChoices } from '~/consultations/builder/details.server';
import { REQUIRABLE_LOCALES, requiredLocalesOf } from '~/consultations/builder/required-locales';
import { idParam } from '~/platform/http/not-found.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { detailsSchema } from '~/consultations/builder/schemas';
import { AdminForm } from '~/ui/admin/AdminForm';
import { CheckboxField, InputField, TextAreaField } from '~/ui/admin/Field';
import { CheckboxGroup } from '~/consultations/components/builder/CheckboxGroup';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { LANGUAGES } from '~/platform/i18n/config';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { retentionDefaults } from '~/retention/defaults.server';
import { RetentionFieldset } from '~/retention/components/RetentionFieldset';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const db = args.context.db;
  const c = await requireConsultation(db, args.params.id);
  const opens = isoToLondon(c.opens_at);
  const closes = isoToLondon(c.closes_at);
  const saved = {
    title: c.title,
    summary: c.summary,
    whyAsking: c.why_asking,
    whatHappensNext: c.what_happens_next,
    estimatedMinutes: String(c.estimated_minutes),
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    priorities: (await linkedPriorityIds(db, c.id)).map(String),
    askAboutYou: c.ask_about_you === 1 ? 'on' : '',
    requiredLocales: requiredLocalesOf(c.required_locales),
    retentionMonths: c.retention_months === null ? '' : String(c.retention_months),
    retentionFreeText: c.retention_free_text,
    retentionAboutYou: c.retention_about_you,
  };
  const themes = await listPriorityChoices(db, locale);
  return data(
    {
      saved,
      themes,
      defaultRetentionMonths: retentionDefaults().months,
      title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('details.title')),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const submission = parseWithZod(formData, { schema: detailsSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const v = submission.value;
  const opensAt = v.opensDate ? londonToIso(v.opensDate, v.opensTime ?? '00:00') : null;
  const closesAt = v.closesDate ? londonToIso(v.closesDate, v.closesTime ?? '23:59') : null;
  if ((v.opensDate && !opensAt) || (v.closesDate && !closesAt)) {
    const fieldErrors = {
      ...(v.opensDate && !opensAt ? { opensDate: ['builder:dateInvalid'] } : {}),
      ...(v.closesDate && !closesAt ? { closesDate: ['builder:dateInvalid'] } : {}),
    };
    return refusal(args.context, submission.reply({ fieldErrors }));
  }
  if (opensAt && closesAt && opensAt >= closesAt)
    return refusal(args.context, submission.reply({ fieldErrors: { closesDate: ['builder:closesBeforeOpens'] } }));
  const input = {
    title: v.title,
    summary: v.summary,
    whyAsking: v.whyAsking,
    whatHappensNext: v.whatHappensNext,
    estimatedMinutes: v.estimatedMinutes,
    opensAt,
    closesAt,
    askAboutYou: v.askAboutYou,
    requiredLocales: v.requiredLocales.filter((l) => REQUIRABLE_LOCALES.includes(l)),
    priorityIds: v.priorities,
    retention: { months: v.retentionMonths ?? null, freeText: v.retentionFreeText, aboutYou: v.retentionAboutYou },
  };
  const result = await updateDetails(args.context.db, actorOf(user), id, input);
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${id}?done=saved`, 303);
}

export default function Details() {
  const { saved, themes, defaultRetentionMonths } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'details',
    schema: detailsSchema,
    lastResult: actionData?.result,
    defaultValue: saved as unknown as Record<string, string>,
  });
  const text = (name: keyof typeof saved) => String(current[name] ?? '');
  const list = (name: string) => {
    const value = current[name];
    return (Array.isArray(value) ? value : value ? [value] : []).map(String);
  };
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('details.title')}</h1>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <InputField name="title" label={t('fields.title')} error={fieldErrors.title} defaultValue={text('title')} />
        <TextAreaField name="summary" label={t('fields.summary')} hint={t('fields.summaryHint')} error={fieldErrors.summary} defaultValue={text('summary')} />
        <TextAreaField name="whyAsking" label={t('fields.whyAsking')} error={fieldErrors.whyAsking} defaultValue={text('whyAsking')} rows={6} />
        <TextAreaField
          name="whatHappensNext"
          label={t('fields.whatHappensNext')}
          error={fieldErrors.whatHappensNext}
          defaultValue={text('whatHappensNext')}
          rows={6}
        />
        <InputField
          name="estimatedMinutes"
          type="number"
          width="short"
          label={t('fields.estimatedMinutes')}
          error={fieldErrors.estimatedMinutes}
          defaultValue={text('estimatedMinutes')}
        />
        <h2>{t('details.dates')}</h2>
        <p className="hint">{t('details.datesHint')}</p>
        <InputField
          name="opensDate"
          type="date"
          width="short"
          label={t('fields.opensDate')}
          hint={t('fields.opensHint')}
          error={fieldErrors.opensDate}
          defaultValue={text('opensDate')}
        />
        <InputField
          name="opensTime"
          width="short"
          label={t('fields.time')}
          hint={t('fields.timeHint')}
          error={fieldErrors.opensTime}
          defaultValue={text('opensTime')}
          id="opensTime"
        />
        <InputField
          name="closesDate"
          type="date"
          width="short"
          label={t('fields.closesDate')}
          error={fieldErrors.closesDate}
          defaultValue={text('closesDate')}
        />
        <InputField
          name="closesTime"
          width="short"
          label={t('fields.closesTime')}
          hint={t('fields.timeHint')}
          error={fieldErrors.closesTime}
          defaultValue={text('closesTime')}
        />
        <CheckboxGroup
          name="priorities"
          legend={t('fields.priorities')}
          hint={t('fields.prioritiesHint')}
          error={fieldErrors.priorities}
          checked={list('priorities')}
          groups={themes.map((theme) => ({ label: theme.name, choices: theme.priorities.map((p) => ({ value: String(p.id), label: p.name })) }))}
        />
        <CheckboxGroup
          name="requiredLocales"
          legend={t('fields.requiredLocales')}
          hint={t('fields.requiredLocalesHint')}
          checked={list('requiredLocales')}
          groups={[{ choices: LANGUAGES.filter((l) => REQUIRABLE_LOCALES.includes(l.code)).map((l) => ({ value: l.code, label: l.name, lang: l.code })) }]}
        />
        <CheckboxField name="askAboutYou" label={t('fields.askAboutYou')} hint={t('fields.askAboutYouHint')} defaultChecked={text('askAboutYou') === 'on'} />
        <RetentionFieldset
          values={{ retentionMonths: text('retentionMonths'), retentionFreeText: text('retentionFreeText'), retentionAboutYou: text('retentionAboutYou') }}
          defaultMonths={defaultRetentionMonths}
          errors={fieldErrors}
        />
        <button type="submit" className="button">
          {t('details.save')}
        </button>
      </AdminForm>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
