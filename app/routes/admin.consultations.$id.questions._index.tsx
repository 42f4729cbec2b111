import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Grid } from '#db/schema';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { deleteQuestion, listQuestions, moveQuestion } from '~/consultations/builder/questions.server';
import { listGrids } from '~/consultations/grids/grids.server';
import { idParam } from '~/platform/http/not-found.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { sectionSchema } from '~/consultations/builder/schemas';
import { addSection, deleteSection, listSections, moveSection } from '~/consultations/builder/sections.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, TextAreaField } from '~/ui/admin/Field';
import { RowActions } from '~/consultations/components/builder/RowActions';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { hasResponses } from '~/consultations/answered.server';
import { pageMeta } from '~/ui/page-meta';
import { routingOverview } from '~/consultations/builder/rule-view.server';
import { RoutesText, RuleText } from '~/consultations/components/builder/RuleText';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const db = args.context.db;
  const consultation = await requireConsultation(db, args.params.id);
  const [sections, questions, locked, routing, grids] = await Promise.all([
    listSections(db, consultation.id),
    listQuestions(db, consultation.id),
    hasResponses(db, consultation.id),
    routingOverview(db, consultation.id),
    listGrids(db, consultation.id),
  ]);
  return data(
    {
      id: consultation.id,
      locked,
      routing,
      sections: sections.map((s) => ({
        id: s.id,
        title: s.title,
        youngPeople: s.audience === 'young_people',
        questions: questions
          .filter((q) => q.section_id === s.id)
          .map((q) => ({
            id: q.id,
            key: q.key,
            kind: q.kind,
            text: q.text,
            required: q.required === 1,
            hidden: q.hidden === 1,
            grid: grids.find((g) => g.id === q.grid_id) ?? null,
          })),
      })),
      title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('questions.title')),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

const rowSchema = z.object({
  intent: z.enum(['moveSection', 'deleteSection', 'moveQuestion', 'deleteQuestion']),
  target: z.number(),
  direction: z.enum(['up', 'down']).optional(),
});

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const actor = actorOf(user);
  const db = args.context.db;
  if (formData.get('intent') === 'addSection') {
    const submission = parseWithZod(formData, { schema: sectionSchema });
    if (submission.status !== 'success') return refusal(args.context, submission.reply());
    const result = await addSection(db, actor, id, submission.value);
    return result.ok ? redirect(`/admin/consultations/${id}/questions#section-${result.id}`, 303) : refuseChange(args.context, submission, result);
  }
  const submission = parseWithZod(formData, { schema: rowSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const { intent, target, direction = 'up' } = submission.value;
  const result =
    intent === 'moveSection'
      ? await moveSection(db, actor, id, target, direction)
      : intent === 'deleteSection'
        ? await deleteSection(db, actor, id, target)
        : intent === 'moveQuestion'
          ? await moveQuestion(db, actor, id, target, direction)
          : await deleteQuestion(db, actor, id, target);
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${id}/questions`, 303);
}

export default function Questions() {
  const { id, locked, sections, routing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'add-section',
    schema: sectionSchema,
    lastResult: actionData?.result,
    defaultValue: {},
  });
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('questions.title')}</h1>
      {locked && <div className="notice notice--warning">{t('questions.locked')}</div>}
      {sections.length === 0 && <p>{t('questions.noSections')}</p>}
      {sections.map((s, si) => (
        <section key={s.id} className="builder-section" id={`section-${s.id}`} aria-labelledby={`section-${s.id}-title`}>
          <h2 id={`section-${s.id}-title`}>
            {t('questions.sectionHeading', { number: si + 1, title: s.title })} {s.youngPeople && <span className="tag">{t('questions.youngPeopleOnly')}</span>}
          </h2>
          <RowActions
            intent="Section"
            target={s.id}
            name={s.title}
            first={si === 0}
            last={si === sections.length - 1}
            canDelete={!locked}
            editTo={`/admin/consultations/${id}/sections/${s.id}`}
          />
          {routing.sections[s.id] && (
            <p className="builder-rule-text">
              <RuleText rule={routing.sections[s.id]!} />
            </p>
          )}
          {s.questions.length === 0 ? (
            <p>{t('questions.noQuestions')}</p>
          ) : (
            <ol className="builder-questions">
              {s.questions.map((q, qi) =>
                // A grid's statements are listed once, under its prompt, where the first one stands.
                q.grid ? (
                  q.grid.id !== s.questions[qi - 1]?.grid?.id && <GridRow key={`grid-${q.grid.id}`} consultationId={id} grid={q.grid} questions={s.questions} />
                ) : (
                  <li key={q.id} className="builder-question">
                    <p>
                      <Link to={`/admin/consultations/${id}/questions/${q.id}`}>{q.text}</Link> <span className="tag">{t(`kinds.${q.kind}`)}</span>{' '}
                      {q.required && <span className="tag">{t('questions.required')}</span>}{' '}
                      {q.hidden && <span className="tag tag--excluded">{t('questions.hidden')}</span>}
                    </p>
                    {routing.questions[q.id]?.rule && (
                      <p className="builder-rule-text">
                        <RuleText rule={routing.questions[q.id]!.rule!} />
                      </p>
                    )}
                    {(routing.questions[q.id]?.routes.length ?? 0) > 0 && <RoutesText kind={q.kind} routes={routing.questions[q.id]!.routes} />}
                    <RowActions intent="Question" target={q.id} name={q.text} first={qi === 0} last={qi === s.questions.length - 1} canDelete={!locked} />
                  </li>
                ),
              )}
            </ol>
          )}
          {!s.youngPeople && (
            <p>
              <Link to={`/admin/consultations/${id}/questions/new?section=${s.id}`} className="button button--secondary">
                {t('questions.addQuestion')}
                <span className="visually-hidden"> {t('questions.toSection', { title: s.title })}</span>
              </Link>{' '}
              <Link to={`/admin/consultations/${id}/grids/new?section=${s.id}`} className="button button--secondary">
                {t('grid.newTitle')}
                <span className="visually-hidden"> {t('questions.toSection', { title: s.title })}</span>
              </Link>
            </p>
          )}
        </section>
      ))}
      <h2>{t('questions.addSection')}</h2>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <InputField name="title" label={t('fields.sectionTitle')} error={fieldErrors.title} defaultValue={String(current.title ?? '')} />
        <TextAreaField
          name="intro"
          label={t('fields.sectionIntro')}
          hint={t('fields.sectionIntroHint')}
          error={fieldErrors.intro}
          defaultValue={String(current.intro ?? '')}
        />
        <button type="submit" className="button" name="intent" value="addSection">
          {t('questions.addSection')}
        </button>
      </AdminForm>
    </>
  );
}

/** A grid in the list: its prompt (to change it and its statements) and each statement's own page. */
function GridRow({
  consultationId,
  grid,
  questions,
}: {
  consultationId: number;
  grid: Grid;
  questions: { id: number; text: string; hidden: boolean; grid: Grid | null }[];
}) {
  const { t } = useTranslation('builder');
  return (
    <li className="builder-question">
      <p>
        <Link to={`/admin/consultations/${consultationId}/grids/${grid.id}`}>{grid.text}</Link> <span className="tag">{t('grid.tag')}</span>
      </p>
      <ul>
        {questions
          .filter((q) => q.grid?.id === grid.id)
          .map((q) => (
            <li key={q.id}>
              <Link to={`/admin/consultations/${consultationId}/questions/${q.id}`}>{q.text}</Link>{' '}
              {q.hidden && <span className="tag tag--excluded">{t('questions.hidden')}</span>}
            </li>
          ))}
      </ul>
    </li>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
