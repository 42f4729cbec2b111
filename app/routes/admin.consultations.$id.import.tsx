import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary, FieldError } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { ImportHistory } from '~/responses/components/import/ImportHistory';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import type { Problem } from '~/responses/import/check';
import { importResponses, listImports } from '~/responses/import/import.server';
import { PROBLEMS_LISTED, problemText } from '~/responses/import/messages';
import { uploadSchema } from '~/responses/import/upload-schema';
import { loadIntakeConsultation } from '~/responses/import/consultation.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const imports = await listImports(args.context.db, consultation.id);
  const importedId = Number(new URL(args.request.url).searchParams.get('imported'));
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      imports,
      imported: imports.find((i) => i.id === importedId) ?? null,
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'intake')('import.title')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

interface ImportFailure {
  result: SubmissionResult<string[]> | undefined;
  problems: Problem[];
  total: number;
  duplicate: { date: string; file: string; count: number } | null;
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const intake = await loadIntakeConsultation(args.context.db, await requireConsultation(args.context.db, args.params.id));
  const submission = parseWithZod(formData, { schema: uploadSchema });
  const failed = (body: Partial<ImportFailure>, status: number) => {
    args.context.request.submissionFailed = true;
    const failure: ImportFailure = { result: undefined, problems: [], total: 0, duplicate: null, ...body };
    return data(failure, { status, headers: { 'Cache-Control': PRIVATE_PAGE } });
  };
  if (submission.status !== 'success') return failed({ result: submission.reply() }, 400);
  const { file } = submission.value;
  const result = await importResponses(args.context.db, intake, {
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    actor: actorOf(user),
  });
  switch (result.status) {
    case 'imported':
      return redirect(`/admin/consultations/${intake.consultation.id}/import?imported=${result.importId}`, { status: 303 });
    case 'duplicate':
      return failed({ duplicate: { date: result.importedAt, file: result.fileName, count: result.count } }, 409);
    case 'invalid':
      return failed({ problems: result.problems.slice(0, PROBLEMS_LISTED), total: result.problems.length }, 400);
  }
}

export default function ImportResponses() {
  const { consultation, imports, imported } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(['intake', 'survey']);
  const { form, summary, fieldErrors, submit } = useStepForm({
    id: 'import',
    schema: uploadSchema,
    lastResult: actionData?.result,
    defaultValue: {},
  });
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
  const problems = actionData?.problems ?? [];
  const more = (actionData?.total ?? 0) - problems.length;
  const duplicate = actionData?.duplicate;
  const summaryErrors = [
    ...summary,
    ...(duplicate ? [{ fieldId: 'file', message: t('import.duplicate', { date: date(duplicate.date), file: duplicate.file, count: duplicate.count }) }] : []),
    ...problems.map((p) => ({ fieldId: null, message: problemText(t, p) })),
    ...(more > 0 ? [{ fieldId: null, message: t('import.moreProblems', { count: more }) }] : []),
  ];
  return (
    <>
      <ErrorSummary errors={summaryErrors} title={problems.length > 0 ? t('import.problemsTitle') : undefined} attempt={submit.attempts} reply={actionData} />
      <h1>{t('import.title')}</h1>
      {imported && (
        <div className="notice" role="status">
          <p>
            <strong>{t('import.imported', { count: imported.row_count, file: imported.file_name })}</strong>
          </p>
        </div>
      )}
      <p className="lead">{t('import.intro')}</p>
      <h2>{t('import.rulesTitle')}</h2>
      <ul>
        <li>{t('import.ruleHeader')}</li>
        <li>{t('import.ruleRequired')}</li>
        <li>{t('import.ruleValues')}</li>
        <li>{t('import.ruleWard')}</li>
      </ul>
      <p>
        <a href={`/admin/consultations/${consultation.id}/import/template.csv`} download>
          {t('import.template')}
        </a>
      </p>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate encType="multipart/form-data">
        <div className={`form-group${fieldErrors.file ? ' form-group--error' : ''}`}>
          <label className="label label--field" htmlFor="file">
            {t('import.file')}
          </label>
          <p className="hint" id="file-hint">
            {t('import.fileHint')}
          </p>
          <FieldError id="file-error" message={fieldErrors.file} />
          <input
            className="file-upload"
            type="file"
            id="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fieldErrors.file ? 'file-hint file-error' : 'file-hint'}
            aria-invalid={fieldErrors.file ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('import.submit')}
        </button>
      </AdminForm>
      <ImportHistory imports={imports} date={date} />
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
