import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
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
import { RULE_INTENTS, ruleAction } from '~/consultations/builder/rule-actions.server';
import { ruleEditorView } from '~/consultations/builder/rule-view.server';
import { RuleEditor } from '~/consultations/components/builder/RuleEditor';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const id = idParam(args.params, 'id');
  const section = await findSection(args.context.db, id, idParam(args.params, 'sectionId'));
  if (!section) notFound();
  const url = new URL(args.request.url);
  // Routing belongs to the main form: a section only young people see has none.
  const routing = section.audience === 'everyone' ? await ruleEditorView(args.context.db, id, { type: 'section', id: section.id }) : null;
  return data(
    {
      id,
      routing: routing && { ...routing, when: url.searchParams.get('when') },
      done: url.searchParams.get('done'),
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
  if (RULE_INTENTS.includes(String(formData.get('intent')))) {
    const outcome = await ruleAction(args.context, actorOf(user), formData, id, { type: 'section', id: sectionId });
    return 'ok' in outcome ? redirect(`/admin/consultations/${id}/sections/${sectionId}?done=${outcome.done}`, 303) : outcome;
  }
  const submission = parseWithZod(formData, { schema: sectionSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const { reason, title, intro } = submission.value;
  const result = await updateSection(args.context.db, actorOf(user), id, sectionId, { title, intro }, reason);
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${id}/questions#section-${sectionId}`, 303);
}

/**
 * The page's several forms share one error summary; after a change is saved (a redirect back
 * here) the page starts afresh, so a problem from an earlier refused form is not left showing.
 */
export default function EditSection() {
  return <EditSectionPage key={useLocation().key} />;
}

function EditSectionPage() {
  const { id, saved, locked, routing, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'section',
    schema: sectionSchema,
    lastResult: actionData?.result,
    defaultValue: saved,
  });
  const typed = (actionData?.result?.initialValue ?? {}) as Record<string, unknown>;
  // A refused routing form keeps what it posted; the section's own fields keep what was saved.
  const mainForm = typed.intent === 'save' || typed.intent === undefined;
  const shown = mainForm ? current : saved;
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      {done && summary.length === 0 && (
        <div className="notice notice--success" role="status">
          {t(`section.done.${done}`, { defaultValue: '' })}
        </div>
      )}
      <h1>{t('section.title')}</h1>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <InputField name="title" label={t('fields.sectionTitle')} error={mainForm ? fieldErrors.title : undefined} defaultValue={String(shown.title ?? '')} />
        <TextAreaField
          name="intro"
          label={t('fields.sectionIntro')}
          hint={t('fields.sectionIntroHint')}
          error={mainForm ? fieldErrors.intro : undefined}
          defaultValue={String(shown.intro ?? '')}
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
          {t('section.save')}
        </button>
      </AdminForm>
      {routing && <RuleEditor target="section" {...routing} typed={typed} errors={mainForm ? {} : fieldErrors} />}
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
