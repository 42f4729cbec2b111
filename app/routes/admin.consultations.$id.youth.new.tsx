import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAction, requireUser } from '~/auth/guard.server';
import { SelectField } from '~/ui/admin/Field';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { requireConsultation } from '~/consultations/find.server';
import { YouthItemForm } from '~/consultations/components/versions/YouthItemForm';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { kindsFor, newItemValues, questionView } from '~/consultations/versions/youth-form.server';
import { youthItemSchema } from '~/consultations/versions/youth-schema';
import { listYouthQuestions, saveYouthItem } from '~/consultations/versions/youth.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const questions = (await listYouthQuestions(args.context.db, consultation.id)).filter((q) => !q.youthItemId && kindsFor(q).length > 0);
  const chosen = questions.find((q) => String(q.id) === new URL(args.request.url).searchParams.get('question'));
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      questions: questions.map((q) => ({ id: q.id, text: q.text, kind: q.kind, youthOnly: q.audience === 'young_people' })),
      chosen: chosen ? { question: questionView(chosen), kinds: kindsFor(chosen), values: newItemValues(chosen) } : null,
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'versions')('youth.addTitle')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const submission = parseWithZod(formData, { schema: youthItemSchema });
  if (submission.status === 'success') {
    const saved = await saveYouthItem(args.context.db, user, consultation.id, submission.value);
    if ('id' in saved) return redirect(`/admin/consultations/${consultation.id}/youth?added=${saved.id}`, { status: 303 });
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply(saved.problems) }, { status: 400 });
  }
  args.context.request.submissionFailed = true;
  return data({ result: submission.reply() }, { status: 400 });
}

export default function AddYouthItem() {
  const { consultation, questions, chosen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('versions');
  return (
    <>
      <Link to={`/admin/consultations/${consultation.id}/youth`} className="back-link">
        {t('youth.backToList')}
      </Link>
      <h1>{t('youth.addTitle')}</h1>
      {questions.length === 0 && !chosen ? (
        <p>{t('youth.noQuestionsLeft')}</p>
      ) : (
        <Form method="get" className="filters">
          <SelectField
            name="question"
            label={t('youth.chooseQuestion')}
            hint={t('youth.chooseQuestionHint')}
            options={questions.map((q) => ({
              value: String(q.id),
              label: `${q.text} (${t(`kinds.${q.kind}`)}${q.youthOnly ? `, ${t('youth.youthOnly')}` : ''})`,
            }))}
            defaultValue={chosen ? String(chosen.question.id) : undefined}
          />
          <button type="submit" className="button button--secondary">
            {t('youth.useQuestion')}
          </button>
        </Form>
      )}
      {chosen && (
        <YouthItemForm
          key={chosen.question.id}
          question={chosen.question}
          kinds={chosen.kinds}
          defaultValue={chosen.values}
          lastResult={actionData?.result}
          submitLabel={t('youth.add')}
        />
      )}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
