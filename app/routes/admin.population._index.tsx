import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { BaselineFields } from '~/population/components/BaselineForm';
import { BaselineList } from '~/population/components/BaselineList';
import { MappingNotes } from '~/population/components/MappingNotes';
import { uploadProblemText } from '~/population/components/problem-text';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { listBaselines, totalsByDimension } from '~/population/baselines.server';
import { POPULATION_DIMENSIONS } from '~/population/census-labels';
import { createBaselineSchema, PROBLEMS_LISTED } from '~/population/schemas';
import { createBaseline, type UploadProblem } from '~/population/upload.server';
import styles from '~/styles/population.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const [baselines, totals] = await Promise.all([listBaselines(args.context.db), totalsByDimension(args.context.db)]);
  return data(
    {
      baselines: baselines.map((b) => ({ ...b, dimensions: POPULATION_DIMENSIONS.filter((d) => totals.get(b.id)?.[d] !== undefined) })),
      title: workspacePageTitle(args.context, locale, tFor(locale, 'population')('baselines.title')),
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
  const submission = parseWithZod(formData, { schema: createBaselineSchema });
  const refuse = (body: Refusal) => {
    args.context.request.submissionFailed = true;
    return data(body, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  };
  if (submission.status !== 'success') return refuse({ result: submission.reply(), problems: [], total: 0 });
  const { name, kind, source, notes, files, wardsApproximate } = submission.value;
  const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const result = await createBaseline(args.context.db, actorOf(user), { name, kind, source, notes }, uploads, { wardsApproximate });
  if (!result.ok) {
    return refuse({
      result: submission.reply({ fieldErrors: { files: ['population:filesRefused'] } }),
      problems: result.problems.slice(0, PROBLEMS_LISTED),
      total: result.problems.length,
    });
  }
  return redirect(`/admin/population/${result.id}?loaded=new`, 303);
}

export default function PopulationBaselines() {
  const { baselines } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('population');
  const { form, summary, fieldErrors, current, submit } = useStepForm({
    id: 'baseline',
    schema: createBaselineSchema,
    lastResult: actionData?.result,
    defaultValue: {},
  });
  const problems = actionData?.problems ?? [];
  const more = (actionData?.total ?? 0) - problems.length;
  const errors = [
    ...summary,
    ...problems.map((p) => ({ fieldId: null, message: uploadProblemText(t, p) })),
    ...(more > 0 ? [{ fieldId: null, message: t('problems.more', { count: more }) }] : []),
  ];
  return (
    <>
      <ErrorSummary errors={errors} title={problems.length > 0 ? t('problems.title') : undefined} attempt={submit.attempts} reply={actionData} />
      <h1>{t('baselines.title')}</h1>
      <p className="lead">{t('baselines.intro')}</p>
      <BaselineList baselines={baselines} />
      <h2>{t('baselines.newTitle')}</h2>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate encType="multipart/form-data" className="narrow">
        <BaselineFields errors={fieldErrors} current={current} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('baselines.submit')}
        </button>
      </AdminForm>
      <MappingNotes />
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
