import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { sectionSchema } from '~/consultations/builder/schemas';
import { findSection, updateSection } from '~/consultations/builder/sections.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, TextAreaField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { hasResponses } from '~/consultations/answered.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const id = idParam(args.params, 'id');
  const section = await findSection(args.context.db, id, idParam(args.params, 'sectionId'));
  if (!section) notFound();
  return data(
    {
      id,
      saved: { title: section.title, intro: section.intro },
      locked: await hasResponses(args.context.db, id),
      title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('section.title')),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const sectionId = idParam(args.params, 'sectionId');
  const submission = parseWithZod(formData, { schema: sectionSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const { reason, title, intro } = submission.value;
  const result = await updateSection(args.context.db, actorOf(user), id, sectionId, { title, intro }, reason);
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${id}/questions#section-${sectionId}`, 303);
}

export default function EditSection() {
  const { id, saved, locked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'section',
    schema: sectionSchema,
    lastResult: actionData?.result,
    defaultValue: saved,
  });
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('section.title')}</h1>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <InputField name="title" label={t('fields.sectionTitle')} error={fieldErrors.title} defaultValue={String(current.title ?? '')} />
        <TextAreaField
          name="intro"
          label={t('fields.sectionIntro')}
          hint={t('fields.sectionIntroHint')}
          error={fieldErrors.intro}
          defaultValue={String(current.intro ?? '')}
        />
        {locked && (
          <InputField
            name="reason"
            label={t('fields.reason')}
            hint={t('fields.rewordReasonHint')}
            error={fieldErrors.reason}
            defaultValue={String(current.reason ?? '')}
          />
        )}
        <button type="submit" className="button" name="intent" value="save">
          {t('section.save')}
        </button>
      </AdminForm>
      <p className="builder-back">
        <Link to={`/admin/consultations/${id}/questions`}>{t('question.back')}</Link>
      </p>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
