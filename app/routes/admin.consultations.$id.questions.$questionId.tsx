import { getFormProps } from '@conform-to/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { listOptions } from '~/consultations/builder/options.server';
import { questionPageAction } from '~/consultations/builder/question-actions.server';
import { findQuestion, hasOwnOptions } from '~/consultations/builder/questions.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { questionSchema } from '~/consultations/builder/schemas';
import { listSections } from '~/consultations/builder/sections.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField } from '~/ui/admin/Field';
import { OptionList } from '~/consultations/components/builder/OptionList';
import { QuestionFields } from '~/consultations/components/builder/QuestionFields';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { hasResponses } from '~/consultations/answered.server';
import { pageMeta } from '~/ui/page-meta';
import { RULE_INTENTS, ruleAction } from '~/consultations/builder/rule-actions.server';
import { laterSections, ruleEditorView } from '~/consultations/builder/rule-view.server';
import { CHOICE_KINDS } from '~/consultations/question-kinds';
import { RuleEditor } from '~/consultations/components/builder/RuleEditor';
import { RoutesForm } from '~/consultations/components/builder/RoutesForm';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const db = args.context.db;
  const id = idParam(args.params, 'id');
  const q = await findQuestion(db, id, idParam(args.params, 'questionId'));
  if (!q) notFound();
  const [sections, options, locked, editor, later] = await Promise.all([
    listSections(db, id),
    listOptions(db, q.id),
    hasResponses(db, id),
    ruleEditorView(db, id, { type: 'question', id: q.id }),
    laterSections(db, id, q.id),
  ]);
  // Routing belongs to the main form: a question only the young people's version asks has none.
  const routable = sections.find((s) => s.id === q.section_id)?.audience === 'everyone';
  const saved = {
    sectionId: String(q.section_id),
    kind: q.kind,
    text: q.text,
    hint: q.hint,
    required: q.required === 1 ? 'on' : '',
    maxSelections: q.max_selections?.toString() ?? '',
    rankCount: q.rank_count?.toString() ?? '',
    maxLength: q.max_length?.toString() ?? '',
    ratingMax: q.rating_max?.toString() ?? '',
  };
  return data(
    {
      id,
      question: { id: q.id, key: q.key, text: q.text, hidden: q.hidden === 1, hiddenReason: q.hidden_reason, ownOptions: hasOwnOptions(q.kind) },
      saved,
      sections: sections.filter((s) => s.audience === 'everyone' || s.id === q.section_id).map((s) => ({ id: s.id, title: s.title })),
      options: options.map((o) => ({ id: o.id, key: o.key, label: o.label, isOther: o.is_other === 1, hidden: o.hidden === 1 })),
      locked,
      routing: routable
        ? {
            ...editor,
            when: new URL(args.request.url).searchParams.get('when'),
            routes: CHOICE_KINDS.includes(q.kind)
              ? { options: options.filter((o) => o.hidden === 0).map((o) => ({ key: o.key, label: o.label, goesTo: o.goes_to })), later, exitText: q.exit_text }
              : null,
          }
        : null,
      done: new URL(args.request.url).searchParams.get('done'),
      title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('question.editTitle')),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const questionId = idParam(args.params, 'questionId');
  const outcome = RULE_INTENTS.includes(String(formData.get('intent')))
    ? await ruleAction(args.context, actorOf(user), formData, id, { type: 'question', id: questionId })
    : await questionPageAction(args.context, actorOf(user), formData, id, questionId);
  if (!('ok' in outcome)) return outcome;
  if ('deleted' in outcome && outcome.deleted) return redirect(`/admin/consultations/${id}/questions`, 303);
  return redirect(`/admin/consultations/${id}/questions/${questionId}?done=${outcome.done}`, 303);
}

/**
 * The page's several forms share one error summary; after a change is saved (a redirect back
 * here) the page starts afresh, so a problem from an earlier refused form is not left showing.
 */
export default function EditQuestion() {
  return <EditQuestionPage key={useLocation().key} />;
}

function EditQuestionPage() {
  const { id, question, saved, sections, options, locked, routing, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'question',
    schema: questionSchema,
    lastResult: actionData?.result,
    defaultValue: saved,
  });
  const typed = (actionData?.result?.initialValue ?? {}) as Record<string, unknown>;
  const mainForm = typed.intent === 'save' || typed.intent === undefined;
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      {done && summary.length === 0 && (
        <div className="notice notice--success" role="status">
          {t(`question.done.${done}`, { defaultValue: '' })}
        </div>
      )}
      <h1>{t('question.editTitle')}</h1>
      <p>
        {t('question.key')} <code>{question.key}</code>
      </p>
      {locked && <div className="notice notice--warning">{t('question.lockedExplain')}</div>}
      {question.hidden && <div className="notice">{t('question.hiddenNotice', { reason: question.hiddenReason ?? '' })}</div>}
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <QuestionFields
          sections={sections}
          current={mainForm ? current : saved}
          errors={mainForm ? fieldErrors : {}}
          lockedKind={locked ? saved.kind : undefined}
          isNew={false}
        />
        {locked && (
          <InputField
            name="reason"
            label={t('fields.reason')}
            hint={t('fields.rewordReasonHint')}
            error={mainForm ? fieldErrors.reason : undefined}
            defaultValue={mainForm ? String(current.reason ?? '') : ''}
          />
        )}
        <button type="submit" className="button" name="intent" value="save">
          {t('question.save')}
        </button>
      </AdminForm>
      {question.ownOptions && <OptionList options={options} locked={locked} typed={typed} errors={mainForm ? {} : fieldErrors} />}
      {routing && (
        <RuleEditor
          target="question"
          rule={routing.rule}
          candidates={routing.candidates}
          when={routing.when}
          typed={typed}
          errors={mainForm ? {} : fieldErrors}
        />
      )}
      {routing?.routes && <RoutesForm kind={saved.kind} {...routing.routes} typed={typed} errors={mainForm ? {} : fieldErrors} />}
      <h2>{locked ? (question.hidden ? t('question.showTitle') : t('question.hideTitle')) : t('question.deleteTitle')}</h2>
      {locked ? (
        <AdminForm>
          <p>{t('question.hideExplain')}</p>
          <InputField id="hide-reason" name="reason" label={question.hidden ? t('fields.showReason') : t('fields.hideReason')} />
          <button type="submit" className="button button--warning" name="intent" value={question.hidden ? 'show' : 'hide'}>
            {question.hidden ? t('question.show') : t('question.hide')}
          </button>
        </AdminForm>
      ) : (
        <AdminForm>
          <p>{t('question.deleteExplain')}</p>
          <button type="submit" className="button button--warning" name="intent" value="deleteQuestion">
            {t('question.delete')}
          </button>
        </AdminForm>
      )}
      <p className="builder-back">
        <a href={`/admin/consultations/${id}/questions`}>{t('question.back')}</a>
      </p>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
