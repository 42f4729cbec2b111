import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { createDraft } from '~/consultations/builder/consultations.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { createSchema } from '~/consultations/builder/schemas';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, TextAreaField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  return data({ title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('create.title')) }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const submission = parseWithZod(formData, { schema: createSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const result = await createDraft(args.context.db, actorOf(user), submission.value);
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${result.id}`, 303);
}

export default function NewConsultation() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({ id: 'create', schema: createSchema, lastResult: actionData?.result, defaultValue: {} });
  return (
    <div className="narrow">
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('create.title')}</h1>
      <p>{t('create.intro')}</p>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <InputField name="title" label={t('fields.title')} error={fieldErrors.title} defaultValue={String(current.title ?? '')} />
        <InputField
          name="slug"
          label={t('fields.slug')}
          hint={t('fields.slugHint')}
          width="short"
          error={fieldErrors.slug}
          defaultValue={String(current.slug ?? '')}
        />
        <TextAreaField
          name="summary"
          label={t('fields.summary')}
          hint={t('fields.summaryHint')}
          error={fieldErrors.summary}
          defaultValue={String(current.summary ?? '')}
        />
        <button type="submit" className="button">
          {t('create.submit')}
        </button>
      </AdminForm>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
