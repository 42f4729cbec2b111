import { inTransaction, type Db } from '#db/connection';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { touchConsultation } from '~/consultations/change.server';
import { checkRouting, EXIT, parseShowIf, serialiseShowIf, type RoutingProblem, type ShowIf } from '../routing';
import { youthRoutablePages, type YouthItemDef } from './youth-definition';
import type { YouthRoutingInput } from './youth-schema';

// Routing on the young people's version, as officers set it on an item: refused, with the reason,
// when it would name a later question, loop back, or never be met (routing.ts checks them all).

type User = { id: number; email: string };
type RoutingItem = Pick<YouthItemDef, 'id' | 'key' | 'kind' | 'text' | 'required' | 'showIf' | 'exitText'> & {
  options: { id: number; key: string; label: string; goesTo: string | null }[];
};

/** The items of the young people's version in order, in English, with their routing. */
export async function listYouthRouting(db: Db, consultationId: number): Promise<RoutingItem[]> {
  const items = await db
    .selectFrom('youth_items')
    .select(['id', 'key', 'kind', 'text', 'required', 'show_if', 'exit_text'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const options = items.length
    ? await db
        .selectFrom('youth_options')
        .select(['id', 'youth_item_id', 'key', 'label', 'goes_to'])
        .where(
          'youth_item_id',
          'in',
          items.map((i) => i.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return items.map((i) => ({
    id: i.id,
    key: i.key,
    kind: i.kind,
    text: i.text,
    required: i.required === 1,
    showIf: parseShowIf(i.show_if),
    exitText: i.exit_text,
    options: options.filter((o) => o.youth_item_id === i.id).map((o) => ({ id: o.id, key: o.key, label: o.label, goesTo: o.goes_to })),
  }));
}

/** The rule the ticked answers make: one condition per earlier item, holding when any of its ticked answers is chosen. */
export function showIfFrom(input: YouthRoutingInput): ShowIf | null {
  const byItem = new Map<string, string[]>();
  for (const pair of input.when ?? []) {
    const [question = '', option = ''] = pair.split(':');
    if (question && option) byItem.set(question, [...(byItem.get(question) ?? []), option]);
  }
  if (byItem.size === 0) return null;
  return { match: input.match ?? 'all', conditions: [...byItem].map(([question, options]) => ({ question, options })) };
}

export type YouthRoutingOutcome = { ok: true } | { ok: false; problems: RoutingProblem[] | 'exitTextMissing' | 'itemGone' };

/** Sets an item's show-if rule, where its answers go and its exit page; refused when the routing would be wrong. */
export async function saveYouthRouting(
  db: Db,
  user: User,
  consultationId: number,
  itemId: number,
  input: YouthRoutingInput,
  now = new Date(),
): Promise<YouthRoutingOutcome> {
  return inTransaction(db, async (trx) => {
    const items = await listYouthRouting(trx, consultationId);
    const item = items.find((i) => i.id === itemId);
    if (!item) return { ok: false, problems: 'itemGone' };
    const goesTo = new Map((input.routes ?? []).filter((r) => r.goesTo).map((r) => [r.option, r.goesTo!]));
    const changed: RoutingItem = {
      ...item,
      showIf: showIfFrom(input),
      exitText: input.exitText ?? '',
      options: item.options.map((o) => ({ ...o, goesTo: goesTo.get(o.key) ?? null })),
    };
    if (changed.options.some((o) => o.goesTo === EXIT) && !changed.exitText) return { ok: false, problems: 'exitTextMissing' };
    const proposed = items.map((i) => (i.id === itemId ? changed : i));
    const problems = checkRouting(youthRoutablePages({ items: proposed }));
    if (problems.length > 0) return { ok: false, problems };

    await trx
      .updateTable('youth_items')
      .set({ show_if: serialiseShowIf(changed.showIf ?? null), exit_text: changed.exitText ?? '' })
      .where('id', '=', itemId)
      .execute();
    for (const o of changed.options) await trx.updateTable('youth_options').set({ goes_to: o.goesTo }).where('id', '=', o.id).execute();
    await touchConsultation(trx, consultationId, now);
    await recordAudit(
      trx,
      actorOf(user),
      {
        action: 'youth_item.routing',
        entityType: 'youth_item',
        entityId: itemId,
        consultationId,
        summary: `Changed the routing of the young people's question ${item.key}`,
        before: routingView(item),
        after: routingView(changed),
      },
      now,
    );
    return { ok: true };
  });
}

const routingView = (i: RoutingItem) => ({
  show_if: serialiseShowIf(i.showIf ?? null),
  exit_text: i.exitText,
  goes_to: Object.fromEntries(i.options.filter((o) => o.goesTo).map((o) => [o.key, o.goesTo])),
});

/** A routing problem in the officer's words, naming items by their text. */
export function describeRoutingProblem(
  problem: RoutingProblem,
  items: readonly Pick<RoutingItem, 'key' | 'text' | 'options'>[],
  t: (key: string, params?: Record<string, unknown>) => string,
) {
  const name = (key: string) => items.find((i) => i.key === key)?.text ?? key;
  const answer = (question: string, option: string) => items.find((i) => i.key === question)?.options.find((o) => o.key === option)?.label || option;
  switch (problem.kind) {
    case 'unknown-question':
      return t('routing.unknownQuestion', { target: name(problem.target), question: problem.question });
    case 'unknown-option':
      return t('routing.unknownOption', { target: name(problem.target), question: name(problem.question), option: problem.option });
    case 'not-earlier':
      return t('routing.notEarlier', { target: name(problem.target), question: name(problem.question) });
    case 'routes-from-multiple':
      return t('routing.routesFromMultiple', { question: name(problem.question) });
    case 'goes-to-unknown':
      return t('routing.goesToUnknown', { target: name(problem.target), option: answer(problem.target, problem.option) });
    case 'goes-to-not-later':
      return t('routing.goesToNotLater', { target: name(problem.target), option: answer(problem.target, problem.option), goesTo: name(problem.goesTo) });
    case 'never-met':
      return t('routing.neverMet', { target: name(problem.target) });
  }
}

/**
 * Whether moving an item (or, with direction null, removing it) keeps the routing sound: a rule
 * must not come to name a later or missing question, nor an answer route back or nowhere.
 */
export async function youthRoutingAllows(db: Db, consultationId: number, itemId: number, direction: 'up' | 'down' | null): Promise<boolean> {
  const items = await listYouthRouting(db, consultationId);
  const at = items.findIndex((i) => i.id === itemId);
  if (at === -1) return true;
  const proposed = [...items];
  if (direction === null) proposed.splice(at, 1);
  else {
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= items.length) return true;
    [proposed[at], proposed[to]] = [proposed[to]!, proposed[at]!];
  }
  return checkRouting(youthRoutablePages({ items: proposed })).length === 0;
}
