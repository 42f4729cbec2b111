import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LAWFUL_BASES, SPECIAL_CATEGORY_CONDITIONS } from '#db/schema';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { privacyNoticePath, youngPrivacyNoticePath } from '~/privacy-notices/notice';
import { findPrivacyNotice, savePrivacyNotice } from '~/consultations/privacy/notice.server';
import { privacyNoticeSchema } from '~/consultations/privacy/schema';
import { refuseChange } from '~/consultations/refusals.server';
import { actorOf } from '~/platform/audit.server';
import { env } from '~/platform/env.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { refusal } from '~/platform/http/form-reply.server';
import { idParam } from '~/platform/http/not-found.server';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, TextAreaField } from '~/ui/admin/Field';
import { ChoiceGroup } from '~/ui/form/ChoiceGroup';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const saved = await findPrivacyNotice(args.context.db, consultation.id);
  const settings = env();
  return data(
    {
      consultation: { id: consultation.id, slug: consultation.slug, hasYouthVersion: consultation.youth_code !== null },
      saved,
      // What an empty controller or contact stands for.
      installation: { controller: settings.PRIVACY_CONTROLLER || tFor(locale)('site.council'), contact: settings.PRIVACY_CONTACT },
      done: new URL(args.request.url).searchParams.get('done') === 'saved',
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'builder')('privacyNotice.title')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const submission = parseWithZod(formData, { schema: privacyNoticeSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const result = await savePrivacyNotice(args.context.db, actorOf(user), id, submission.value);
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${id}/privacy?done=saved`, 303);
}

export default function PrivacyNoticeBuilder() {
  const { consultation, saved, installation, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'privacy-notice',
    schema: privacyNoticeSchema,
    lastResult: actionData?.result,
    defaultValue: saved,
  });
  const text = (name: keyof typeof saved) => String(current[name] ?? '');
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('privacyNotice.title')}</h1>
      {done && !actionData && (
        <p className="notice" role="status">
          {t('privacyNotice.saved')}
        </p>
      )}
      <p>{t('privacyNotice.intro')}</p>
      <ul>
        <li>
          <Link to={privacyNoticePath(consultation.slug)}>{t('privacyNotice.view')}</Link>
        </li>
        {consultation.hasYouthVersion && (
          <li>
            <Link to={youngPrivacyNoticePath(consultation.slug)}>{t('privacyNotice.viewYoung')}</Link>
          </li>
        )}
      </ul>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <TextAreaField
          name="purpose"
          label={t('privacyNotice.purpose')}
          hint={t('privacyNotice.purposeHint')}
          error={fieldErrors.purpose}
          defaultValue={text('purpose')}
          rows={6}
        />
        <TextAreaField
          name="purposeYoung"
          label={t('privacyNotice.purposeYoung')}
          hint={t('privacyNotice.purposeYoungHint')}
          error={fieldErrors.purposeYoung}
          defaultValue={text('purposeYoung')}
        />
        <ChoiceGroup
          name="lawfulBasis"
          type="radio"
          legend={t('privacyNotice.lawfulBasis')}
          hint={t('privacyNotice.lawfulBasisHint')}
          error={fieldErrors.lawfulBasis}
          defaultValue={[text('lawfulBasis')]}
          choices={LAWFUL_BASES.map((b) => ({ value: b, label: t(`privacyNotice.bases.${b}`) }))}
        />
        <ChoiceGroup
          name="specialCategoryCondition"
          type="radio"
          legend={t('privacyNotice.specialCategory')}
          hint={t('privacyNotice.specialCategoryHint')}
          error={fieldErrors.specialCategoryCondition}
          defaultValue={[text('specialCategoryCondition')]}
          choices={SPECIAL_CATEGORY_CONDITIONS.map((c) => ({ value: c, label: t(`privacyNotice.conditions.${c}`) }))}
        />
        <InputField
          name="controller"
          label={t('privacyNotice.controller')}
          hint={t('privacyNotice.controllerHint', { controller: installation.controller })}
          error={fieldErrors.controller}
          defaultValue={text('controller')}
        />
        <TextAreaField
          name="contact"
          label={t('privacyNotice.contact')}
          hint={installation.contact ? t('privacyNotice.contactHint', { contact: installation.contact }) : t('privacyNotice.contactHintNone')}
          error={fieldErrors.contact}
          defaultValue={text('contact')}
          rows={3}
        />
        <TextAreaField
          name="sharedWith"
          label={t('privacyNotice.sharedWith')}
          hint={t('privacyNotice.sharedWithHint')}
          error={fieldErrors.sharedWith}
          defaultValue={text('sharedWith')}
        />
        <button type="submit" className="button">
          {t('privacyNotice.save')}
        </button>
      </AdminForm>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
