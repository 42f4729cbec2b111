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
import { youthItemSchema, youthRoutingSchema } from '~/consultations/versions/youth-schema';
import { describeRoutingProblem, listYouthRouting, saveYouthRouting } from '~/consultations/versions/youth-routing.server';
import { YouthRoutingForm, type YouthRoutingValues } from '~/consultations/components/versions/YouthRoutingForm';
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
      routing: await routingView(args.context.db, consultation.id, item.id),
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
  if (formData.get('intent') === 'routing') return saveRouting(args, user, consultation.id, item.id, formData);
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

async function saveRouting(args: ActionFunctionArgs, user: { id: number; email: string }, consultationId: number, itemId: number, formData: FormData) {
  const submission = parseWithZod(formData, { schema: youthRoutingSchema });
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    const t = tFor(await detectLocale(args.request), 'versions');
    return data({ result: submission.reply(), routingProblems: [t('routing.invalid')] }, { status: 400 });
  }
  const saved = await saveYouthRouting(args.context.db, user, consultationId, itemId, submission.value);
  if (saved.ok) return redirect(`/admin/consultations/${consultationId}/youth?saved=${itemId}`, { status: 303 });
  args.context.request.submissionFailed = true;
  const t = tFor(await detectLocale(args.request), 'versions');
  const items = await listYouthRouting(args.context.db, consultationId);
  const problems = typeof saved.problems === 'string' ? [t(`routing.${saved.problems}`)] : saved.problems.map((p) => describeRoutingProblem(p, items, t));
  // What was chosen stays on the page beside the reasons it was refused.
  const posted = submission.value;
  const routing: YouthRoutingValues = {
    when: posted.when ?? [],
    match: posted.match ?? 'all',
    goesTo: Object.fromEntries((posted.routes ?? []).map((r) => [r.option, r.goesTo ?? ''])),
    exitText: posted.exitText ?? '',
  };
  return data({ result: submission.reply(), routingProblems: problems, routing }, { status: 400 });
}

/** The routing form's choices: the questions before and after this one, and what is set now. */
async function routingView(db: Db, consultationId: number, itemId: number) {
  const items = await listYouthRouting(db, consultationId);
  const index = items.findIndex((i) => i.id === itemId);
  const item = items[index]!;
  const view = (i: (typeof items)[number]) => ({ key: i.key, text: i.text, options: i.options.map((o) => ({ key: o.key, label: o.label })) });
  const choices = (i: (typeof items)[number]) => i.kind !== 'short_text' && i.kind !== 'long_text';
  return {
    earlier: items.slice(0, index).filter(choices).map(view),
    later: items.slice(index + 1).map(view),
    item: { ...view(item), single: ['single_choice', 'yes_no', 'agree_scale'].includes(item.kind) },
    values: {
      when: (item.showIf?.conditions ?? []).flatMap((c) => c.options.map((o) => `${c.question}:${o}`)),
      match: item.showIf?.match ?? 'all',
      goesTo: Object.fromEntries(item.options.filter((o) => o.goesTo).map((o) => [o.key, o.goesTo!])),
      exitText: item.exitText ?? '',
    } satisfies YouthRoutingValues,
  };
}

export default function EditYouthItem() {
  const { consultation, question, kinds, values, routing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('versions');
  return (
    <>
      <Link to={`/admin/consultations/${consultation.id}/youth`} className="back-link">
        {t('youth.backToList')}
      </Link>
      <h1>{t('youth.editTitle')}</h1>
      <YouthItemForm
        question={question}
        kinds={kinds}
        defaultValue={values}
        lastResult={actionData && 'routingProblems' in actionData ? undefined : actionData?.result}
        submitLabel={t('youth.save')}
      />
      <YouthRoutingForm
        key={JSON.stringify(actionData && 'routing' in actionData ? actionData.routing : routing.values)}
        {...routing}
        values={actionData && 'routing' in actionData ? (actionData.routing as YouthRoutingValues) : routing.values}
        problems={actionData && 'routingProblems' in actionData ? (actionData.routingProblems as string[]) : []}
      />
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
