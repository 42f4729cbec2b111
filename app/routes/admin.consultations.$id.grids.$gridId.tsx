import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { hasResponses } from '~/consultations/answered.server';
import { gridChangeOf } from '~/consultations/grids/edit';
import { deleteGrid, findGrid, updateGrid } from '~/consultations/grids/grids.server';
import { gridSchema } from '~/consultations/grids/schemas';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
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
  const db = args.context.db;
  const id = idParam(args.params, 'id');
  const found = await findGrid(db, id, idParam(args.params, 'gridId'));
  if (!found) notFound();
  const { grid, statements, options } = found;
  const kind = statements[0]?.kind ?? 'agree_scale';
  return data(
    {
      id,
      kind,
      ratingMax: statements[0]?.rating_max ?? null,
      keys: Object.fromEntries(statements.map((s) => [s.id, s.key])),
      saved: {
        text: grid.text,
        hint: grid.hint,
        statements: statements.map((s) => ({ id: String(s.id), text: s.text })),
        more: '',
        ...(kind === 'single_choice' ? { options: options.map((o) => o.label).join('\n') } : {}),
      },
      locked: await hasResponses(db, id),
      done: new URL(args.request.url).searchParams.get('done'),
      title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('grid.editTitle')),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const id = idParam(args.params, 'id');
  const gridId = idParam(args.params, 'gridId');
  const submission = parseWithZod(formData, { schema: gridSchema });
  if (submission.status !== 'success') return refusal(args.context, submission.reply());
  if (submission.value.intent === 'delete') {
    const result = await deleteGrid(args.context.db, actorOf(user), id, gridId);
    if (!result.ok) return refuseChange(args.context, submission, result);
    return redirect(`/admin/consultations/${id}/questions`, 303);
  }
  const result = await updateGrid(args.context.db, actorOf(user), id, gridId, gridChangeOf(submission.value));
  if (!result.ok) return refuseChange(args.context, submission, result);
  return redirect(`/admin/consultations/${id}/grids/${gridId}?done=saved`, 303);
}

type Typed = { id?: unknown; text?: unknown };

export default function EditGrid() {
  const { id, kind, ratingMax, keys, saved, locked, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('builder');
  // useStepForm's values are typed flat; conform takes the statements' list as it is.
  const defaultValue = saved as unknown as Record<string, string>;
  const { form, fieldErrors, summary, current, submit } = useStepForm({ id: 'grid', schema: gridSchema, lastResult: actionData?.result, defaultValue });
  const value = (name: string) => (current[name] === undefined || current[name] === null ? '' : String(current[name]));
  const statements = (Array.isArray(current.statements) ? (current.statements as Typed[]) : saved.statements).map((s) => ({
    id: String(s.id ?? ''),
    text: String(s.text ?? ''),
  }));
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData?.result} />
      {done && summary.length === 0 && (
        <div className="notice notice--success" role="status">
          {t(`grid.done.${done}`, { defaultValue: '' })}
        </div>
      )}
      <h1>{t('grid.editTitle')}</h1>
      <p>
        {t('grid.scale')}: {kind === 'rating' ? t('grid.ratingOf', { max: ratingMax ?? 5 }) : t(`grid.scales.${kind}`)}
      </p>
      {locked && <div className="notice notice--warning">{t('grid.locked')}</div>}
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        {/* Enter in a field saves, rather than pressing the first statement's "Move down". */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('grid.save')}
        </button>
        <TextAreaField name="text" label={t('grid.prompt')} hint={t('grid.promptHint')} error={fieldErrors.text} defaultValue={value('text')} rows={2} />
        <TextAreaField name="hint" label={t('fields.hint')} hint={t('fields.hintHint')} error={fieldErrors.hint} defaultValue={value('hint')} rows={2} />
        <fieldset className="builder-settings">
          <legend className="label--field">{t('grid.statements')}</legend>
          {fieldErrors.statements && <p className="error-message">{fieldErrors.statements}</p>}
          <ol className="builder-questions">
            {statements.map((s, i) => (
              <li key={s.id} className="builder-question">
                <input type="hidden" name={`statements[${i}].id`} value={s.id} />
                <InputField
                  name={`statements[${i}].text`}
                  label={t('grid.statement', { number: i + 1 })}
                  hint={
                    <>
                      {t('question.key')} <code>{keys[Number(s.id)] ?? ''}</code>{' '}
                      <Link to={`/admin/consultations/${id}/questions/${s.id}`}>{t('grid.statementPage')}</Link>
                    </>
                  }
                  error={fieldErrors[`statements[${i}].text`]}
                  defaultValue={s.text}
                />
                <div className="builder-row-actions">
                  {i > 0 && (
                    <button type="submit" className="link-button" name="intent" value={`up-${s.id}`}>
                      {t('rows.up')} <span className="visually-hidden">{t('rows.named', { name: s.text })}</span>
                    </button>
                  )}
                  {i < statements.length - 1 && (
                    <button type="submit" className="link-button" name="intent" value={`down-${s.id}`}>
                      {t('rows.down')} <span className="visually-hidden">{t('rows.named', { name: s.text })}</span>
                    </button>
                  )}
                  {!locked && (
                    <button type="submit" className="link-button" name="intent" value={`remove-${s.id}`}>
                      {t('grid.remove')} <span className="visually-hidden">{t('rows.named', { name: s.text })}</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </fieldset>
        <TextAreaField name="more" label={t('grid.more')} hint={t('grid.statementsHint')} error={fieldErrors.more} defaultValue={value('more')} rows={3} />
        {kind === 'single_choice' && (
          <TextAreaField
            name="options"
            label={t('grid.options')}
            hint={t('grid.optionsEditHint')}
            error={fieldErrors.options}
            defaultValue={value('options')}
            rows={5}
          />
        )}
        <button type="submit" className="button" name="intent" value="save">
          {t('grid.save')}
        </button>
      </AdminForm>
      {!locked && (
        <>
          <h2>{t('grid.deleteTitle')}</h2>
          <AdminForm>
            <p>{t('grid.deleteExplain')}</p>
            <input type="hidden" name="text" value={saved.text} />
            <button type="submit" className="button button--warning" name="intent" value="delete">
              {t('grid.delete')}
            </button>
          </AdminForm>
        </>
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
