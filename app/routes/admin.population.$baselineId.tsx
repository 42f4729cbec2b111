import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { listWards } from '~/framework/places/wards.server';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { BaselineBanner } from '~/population/components/BaselineBanner';
import { FiguresTables } from '~/population/components/FiguresTables';
import { FilesField } from '~/population/components/FilesField';
import { uploadProblemText } from '~/population/components/problem-text';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDate } from '~/platform/i18n/format';
import { detectLocale } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { findBaseline, readFigures } from '~/population/baselines.server';
import { deleteBaselineSchema, PROBLEMS_LISTED, uploadTablesSchema } from '~/population/schemas';
import { addFilesToBaseline, removeBaseline, type UploadProblem } from '~/population/upload.server';
import styles from '~/styles/population.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const { db } = args.context;
  const baseline = await findBaseline(db, idParam(args.params, 'baselineId'));
  if (!baseline) notFound();
  const locale = await detectLocale(args.request);
  const [figures, wards] = await Promise.all([readFigures(db, baseline.id), listWards(db)]);
  const loaded = new URL(args.request.url).searchParams.get('loaded');
  return data(
    {
      baseline,
      figures,
      wards: Object.fromEntries(wards.map((w) => [w.code, w.name])),
      loaded: loaded === 'new' || loaded === 'tables' ? loaded : null,
      title: workspacePageTitle(args.context, locale, baseline.name),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

interface Refusal {
  result: SubmissionResult<string[]>;
  problems: UploadProblem[];
  total: number;
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const { db } = args.context;
  const id = idParam(args.params, 'baselineId');
  if (!(await findBaseline(db, id))) notFound();
  const refuse = (body: Refusal) => {
    args.context.request.submissionFailed = true;
    return data(body, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  };
  if (formData.get('intent') === 'delete') {
    const submission = parseWithZod(formData, { schema: deleteBaselineSchema });
    if (submission.status !== 'success') return refuse({ result: submission.reply(), problems: [], total: 0 });
    await removeBaseline(db, actorOf(user), id);
    return redirect('/admin/population', 303);
  }
  const submission = parseWithZod(formData, { schema: uploadTablesSchema });
  if (submission.status !== 'success') return refuse({ result: submission.reply(), problems: [], total: 0 });
  const uploads = await Promise.all(submission.value.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const result = await addFilesToBaseline(db, actorOf(user), id, uploads, { wardsApproximate: submission.value.wardsApproximate });
  if (!result.ok) {
    return refuse({
      result: submission.reply({ fieldErrors: { files: ['population:filesRefused'] } }),
      problems: result.problems.slice(0, PROBLEMS_LISTED),
      total: result.problems.length,
    });
  }
  return redirect(`/admin/population/${id}?loaded=tables`, 303);
}

export default function PopulationBaseline() {
  const { baseline, figures, wards, loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('population');
  const locale = usePageLocale();
  const { form, summary, fieldErrors, submit } = useStepForm({ id: 'upload', schema: uploadTablesSchema, lastResult: actionData?.result, defaultValue: {} });
  const problems = actionData?.problems ?? [];
  const more = (actionData?.total ?? 0) - problems.length;
  const errors = [
    ...summary,
    ...problems.map((p) => ({ fieldId: null, message: uploadProblemText(t, p) })),
    ...(more > 0 ? [{ fieldId: null, message: t('problems.more', { count: more }) }] : []),
  ];
  const date = formatDate(baseline.loadedAt, locale);
  return (
    <>
      <ErrorSummary errors={errors} title={problems.length > 0 ? t('problems.title') : undefined} attempt={submit.attempts} reply={actionData} />
      <p>
        <Link to="/admin/population" className="back-link">
          {t('detail.back')}
        </Link>
      </p>
      {loaded && (
        <div className="notice notice--success" role="status">
          <p>{loaded === 'new' ? t('baselines.created', { name: baseline.name }) : t('detail.uploaded')}</p>
        </div>
      )}
      <h1>{baseline.name}</h1>
      <BaselineBanner baseline={baseline} />
      <p className="hint">{baseline.loadedBy ? t('detail.loadedBy', { date, name: baseline.loadedBy }) : t('detail.loaded', { date })}</p>
      <h2>{t('detail.figuresTitle')}</h2>
      <FiguresTables figures={figures} wards={wards} />
      <h2>{t('detail.uploadTitle')}</h2>
      <p>{t('detail.uploadIntro')}</p>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate encType="multipart/form-data" className="narrow">
        <input type="hidden" name="intent" value="upload" />
        <FilesField error={fieldErrors.files} wardsApproximate={false} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('detail.uploadSubmit')}
        </button>
      </AdminForm>
      <h2>{t('detail.deleteTitle')}</h2>
      <p>{t('detail.deleteIntro')}</p>
      <AdminForm>
        <button type="submit" name="intent" value="delete" className="button button--warning">
          {t('detail.deleteSubmit')}
        </button>
      </AdminForm>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
