import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { optionLines } from '~/consultations/builder/schemas';
import { listSections } from '~/consultations/builder/sections.server';
import { addGrid } from '~/consultations/grids/grids.server';
import { GRID_SCALES, newGridSchema } from '~/consultations/grids/schemas';
import { idParam } from '~/platform/http/not-found.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { CheckboxField, InputField, SelectField, TextAreaField } from '~/ui/admin/Field';
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
    { id: consultation.id, sections, sectionId: String(section.id), title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('grid.newTitle')) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const submission = parseWithZod(formData, { schema: newGridSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  const { options, statements, ...input } = submission.value;
  const result = await addGrid(args.context.db, actorOf(user), id, { ...input, options: optionLines(options), statements: optionLines(statements) });
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${id}/grids/${result.id}?done=added`, 303);
}

export default function NewGrid() {
  const { sections, sectionId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'new-grid',
    schema: newGridSchema,
    lastResult: actionData?.result,
    defaultValue: { sectionId, kind: 'agree_scale', ratingMax: '5' },
  });
  const value = (name: string) => (current[name] === undefined || current[name] === null ? '' : String(current[name]));
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      <h1>{t('grid.newTitle')}</h1>
      <p>{t('grid.explain')}</p>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <SelectField
          name="sectionId"
          label={t('fields.section')}
          error={fieldErrors.sectionId}
          defaultValue={value('sectionId')}
          options={sections.map((s) => ({ value: String(s.id), label: s.title }))}
        />
        <TextAreaField name="text" label={t('grid.prompt')} hint={t('grid.promptHint')} error={fieldErrors.text} defaultValue={value('text')} rows={2} />
        <TextAreaField name="hint" label={t('fields.hint')} hint={t('fields.hintHint')} error={fieldErrors.hint} defaultValue={value('hint')} rows={2} />
        <SelectField
          name="kind"
          label={t('grid.scale')}
          error={fieldErrors.kind}
          defaultValue={value('kind')}
          options={GRID_SCALES.map((k) => ({ value: k, label: t(`grid.scales.${k}`) }))}
        />
        <InputField
          name="ratingMax"
          type="number"
          width="short"
          label={t('grid.ratingMax')}
          hint={t('grid.ratingMaxHint')}
          error={fieldErrors.ratingMax}
          defaultValue={value('ratingMax')}
        />
        <TextAreaField
          name="options"
          label={t('grid.options')}
          hint={t('grid.optionsHint')}
          error={fieldErrors.options}
          defaultValue={value('options')}
          rows={5}
        />
        <TextAreaField
          name="statements"
          label={t('grid.statements')}
          hint={t('grid.statementsHint')}
          error={fieldErrors.statements}
          defaultValue={value('statements')}
          rows={6}
        />
        <CheckboxField name="required" label={t('grid.required')} defaultChecked={value('required') === 'on'} />
        <button type="submit" className="button">
          {t('grid.add')}
        </button>
      </AdminForm>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
