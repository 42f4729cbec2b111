import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { addQuestion } from '~/consultations/builder/questions.server';
import { idParam } from '~/platform/http/not-found.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { newQuestionSchema, optionLines } from '~/consultations/builder/schemas';
import { listSections } from '~/consultations/builder/sections.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { QuestionFields } from '~/consultations/components/builder/QuestionFields';
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
  const db = args.context.db;
  const consultation = await requireConsultation(db, args.params.id);
  const sections = (await listSections(db, consultation.id)).filter((s) => s.audience === 'everyone').map((s) => ({ id: s.id, title: s.title }));
  if (sections.length === 0) throw redirect(`/admin/consultations/${consultation.id}/questions`);
  const wanted = Number(new URL(args.request.url).searchParams.get('section'));
  const section = sections.find((s) => s.id === wanted) ?? sections[0]!;
  return data(
    {
      id: consultation.id,
      sections,
      sectionId: String(section.id),
      title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('question.newTitle')),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const submission = parseWithZod(formData, { schema: newQuestionSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const { options, ...input } = submission.value;
  const result = await addQuestion(args.context.db, actorOf(user), id, { ...input, options: optionLines(options) });
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${id}/questions/${result.id}?done=added`, 303);
}

export default function NewQuestion() {
  const { sections, sectionId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'new-question',
    schema: newQuestionSchema,
    lastResult: actionData?.result,
    defaultValue: { sectionId, required: 'on' },
  });
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('question.newTitle')}</h1>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <QuestionFields sections={sections} current={current} errors={fieldErrors} isNew />
        <button type="submit" className="button">
          {t('question.add')}
        </button>
      </AdminForm>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
