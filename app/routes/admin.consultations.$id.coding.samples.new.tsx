import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultationTitle } from '~/consultations/find.server';
import { refusal } from '~/platform/http/form-reply.server';
import { findOpenQuestion, listOpenQuestions } from '~/coding/codebook.server';
import { codingPath, samplePath } from '~/coding/paths';
import { SAMPLE_POOLS } from '~/coding/sample-rules';
import { createSample } from '~/coding/samples.server';
import { sampleSchema } from '~/coding/schemas';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, SelectField } from '~/ui/admin/Field';
import { ChoiceGroup } from '~/ui/form/ChoiceGroup';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/coding.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const consultation = await requireConsultationTitle(args.context.db, args.params.id);
  const questions = await listOpenQuestions(args.context.db, consultation.id);
  const locale = await detectLocale(args.request);
  const chosen = Number(new URL(args.request.url).searchParams.get('question'));
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'coding')('newSample.title')} – ${consultation.title}`);
  return data(
    { consultation, questions: questions.map((q) => ({ id: q.id, text: q.text })), chosen: questions.some((q) => q.id === chosen) ? chosen : null, title },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const submission = parseWithZod(formData, { schema: sampleSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const { questionId, name, size, pool } = submission.value;
  if (!(await findOpenQuestion(db, consultation.id, questionId)))
    return refusal(args.context, submission.reply({ fieldErrors: { questionId: ['coding:questionMissing'] } }));
  const outcome = await createSample(db, actorOf(user), { consultationId: consultation.id, questionId, name, size, pool });
  if (!outcome.ok) return refusal(args.context, submission.reply({ fieldErrors: { pool: [outcome.error] } }));
  return redirect(`${samplePath(consultation.id, outcome.id)}?notice=made`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function NewSample() {
  const { consultation, questions, chosen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('coding');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'new-sample',
    schema: sampleSchema,
    lastResult: actionData?.result,
    defaultValue: { questionId: chosen ? String(chosen) : '', name: '', size: '20', pool: 'uncoded' },
  });
  const value = (field: string) => String(current[field] ?? '');
  return (
    <div className="width-wide">
      <Link to={codingPath(consultation.id)} className="back-link">
        {t('back')}
      </Link>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('newSample.title')}</h1>
      <p className="lead">{t('newSample.intro')}</p>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <SelectField
          name="questionId"
          label={t('newSample.question')}
          error={fieldErrors.questionId}
          defaultValue={value('questionId')}
          options={[{ value: '', label: t('newSample.chooseQuestion') }, ...questions.map((q) => ({ value: String(q.id), label: q.text }))]}
        />
        <InputField name="name" label={t('newSample.name')} hint={t('newSample.nameHint')} error={fieldErrors.name} defaultValue={value('name')} />
        <InputField
          name="size"
          type="number"
          width="short"
          label={t('newSample.size')}
          hint={t('newSample.sizeHint')}
          error={fieldErrors.size}
          defaultValue={value('size')}
        />
        <ChoiceGroup
          name="pool"
          type="radio"
          legend={t('newSample.pool')}
          choices={SAMPLE_POOLS.map((p) => ({ value: p, label: t(`newSample.pools.${p}`) }))}
          defaultValue={[value('pool')]}
          error={fieldErrors.pool}
        />
        <button type="submit" name="intent" value="create" className="button">
          {t('newSample.create')}
        </button>
      </AdminForm>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
