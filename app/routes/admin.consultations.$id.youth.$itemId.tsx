import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAction, requireUser } from '~/auth/guard.server';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { requireConsultation } from '~/consultations/find.server';
import { YouthItemForm } from '~/consultations/components/versions/YouthItemForm';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import type { Db } from '#db/connection';
import { itemValues, kindsFor, questionView } from '~/consultations/versions/youth-form.server';
import { youthItemSchema } from '~/consultations/versions/youth-schema';
import { listYouthItems, listYouthQuestions, saveYouthItem } from '~/consultations/versions/youth.server';
import { pageMeta } from '~/ui/page-meta';

async function requireItem(db: Db, consultationId: number, rawId: string | undefined) {
  const item = (await listYouthItems(db, consultationId)).find((i) => String(i.id) === rawId);
  const question = item && (await listYouthQuestions(db, consultationId)).find((q) => q.id === item.question_id);
  if (!item || !question) throw data({ reason: 'not_found' }, { status: 404 });
  return { item, question };
}

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const { item, question } = await requireItem(args.context.db, consultation.id, args.params.itemId);
  const locale = await detectLocale(args.request);
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      question: questionView(question),
      kinds: kindsFor(question),
      values: itemValues(item, question),
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'versions')('youth.editTitle')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const { item } = await requireItem(args.context.db, consultation.id, args.params.itemId);
  const submission = parseWithZod(formData, { schema: youthItemSchema });
  if (submission.status === 'success') {
    const saved = await saveYouthItem(args.context.db, user, consultation.id, submission.value, item.id);
    if ('id' in saved) return redirect(`/admin/consultations/${consultation.id}/youth?saved=${saved.id}`, { status: 303 });
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply(saved.problems) }, { status: 400 });
  }
  args.context.request.submissionFailed = true;
  return data({ result: submission.reply() }, { status: 400 });
}

export default function EditYouthItem() {
  const { consultation, question, kinds, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('versions');
  return (
    <>
      <Link to={`/admin/consultations/${consultation.id}/youth`} className="back-link">
        {t('youth.backToList')}
      </Link>
      <h1>{t('youth.editTitle')}</h1>
      <YouthItemForm question={question} kinds={kinds} defaultValue={values} lastResult={actionData?.result} submitLabel={t('youth.save')} />
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
