import { CHOICE_KINDS, DEFAULT_MAX_LENGTH, maxLengthOf } from '../../app/consultations/question-kinds';
import { youthAnswerRows, youthField } from '../../app/responses/youth/answers';
import type { YouthDef, YouthItemDef } from '../../app/consultations/versions/youth-definition';
import { loadYouthDefinition } from '../../app/consultations/versions/youth-definition.server';
import { parseShowIf, routeOf, type RoutablePage } from '../../app/consultations/routing';
import type { Db } from '../connection';
import type { AnswerRow, NotAskedRow } from './answer-plan';
import type { DemoConsultation, DemoYouthItem } from './demo-dsl';
import { composeText, type TextPoolKey } from './free-text';
import { hashSeed, Weighted, type Random } from './random';

// How demo young people fill in the young people's version of a consultation. They answer the
// youth form itself (youth option keys, their own words), and the app's own mapping
// (youthAnswerRows, app/responses/youth/answers.ts) turns that into answer rows, exactly as when a young
// person sends the form: so the demo can only ever store what the real form would. Each item is
// a page of its own for routing: an item its answers route past is not answered, and its question
// is stored as not asked.

interface ByAge<T> {
  under13: T;
  older: T;
}

export interface YouthItemPlan {
  item: YouthItemDef;
  field: string;
  answerRate: ByAge<number>;
  /** Youth option keys, for the kinds with options. */
  choices: ByAge<Weighted<string>> | null;
  /** How many options a multiple-choice answer picks. */
  picks: Weighted<number> | null;
  pool: TextPoolKey;
  /** The longest text that fits both the youth item and the question it is stored against. */
  limit: number;
  /** Drawn from the second stream (DemoYouthItem.drawsApart). */
  apart: boolean;
}

export interface YouthPlan {
  def: YouthDef;
  items: YouthItemPlan[];
  /** The items as routing sees them (each its own page and question); null when nothing routes. */
  pages: RoutablePage[] | null;
}

const GENERIC_FACES: Record<string, number> = { strongly_agree: 25, agree: 35, neither: 20, disagree: 12, strongly_disagree: 8, yes: 60, no: 40 };

function choiceWeights(item: YouthItemDef, demo: DemoYouthItem | undefined): ByAge<Weighted<string>> | null {
  if (item.options.length === 0) return null;
  const demoOptions = demo && 'options' in demo ? demo.options : [];
  const under13: [string, number][] = [];
  const older: [string, number][] = [];
  for (const option of item.options) {
    const d = demoOptions.find((o) => o.key === option.key);
    // Not one of ours: a stable, uneven spread so results are not flat.
    const generic = GENERIC_FACES[option.key] ?? 1 + (hashSeed(item.key, option.key) % 5);
    under13.push([option.key, d?.weight ?? generic]);
    older.push([option.key, d?.older ?? d?.weight ?? generic]);
  }
  return { under13: new Weighted(under13), older: new Weighted(older) };
}

/**
 * The young people's version of a consultation and how demo young people answer it, or null
 * when the consultation has none. The version is read as the app reads it (loadYouthDefinition,
 * in English: answers are keys, so the language does not matter).
 */
export async function loadYouthPlan(db: Db, consultationId: number, demo: DemoConsultation | undefined): Promise<YouthPlan | null> {
  const consultation = await db.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow();
  const def = await loadYouthDefinition(db, consultation, 'en');
  if (!def || def.items.length === 0) return null;
  const questions = await db
    .selectFrom('questions')
    .select(['id', 'kind', 'max_length'])
    .where(
      'id',
      'in',
      def.items.map((item) => item.questionId),
    )
    .execute();
  const demoItems = new Map((demo?.youth?.items ?? []).map((item) => [item.key, item]));

  const items = def.items.map((item): YouthItemPlan => {
    const demoItem = demoItems.get(item.key);
    const isText = item.kind === 'short_text' || item.kind === 'long_text';
    const [under13Rate, olderRate] = item.required ? [1, 1] : (demoItem?.answerRate ?? (isText ? [0.4, 0.5] : [0.93, 0.95]));
    let picks: Weighted<number> | null = null;
    if (item.kind === 'multiple_choice') {
      const max = Math.max(Math.min(item.maxSelections ?? item.options.length, item.options.length), 1);
      const weights = demoItem?.kind === 'multiple_choice' ? demoItem.picks : [3, 4, 3, 2, 1];
      picks = new Weighted(Array.from({ length: max }, (_, i) => [i + 1, weights[i] ?? 0.5] as [number, number]));
    }
    const question = questions.find((q) => q.id === item.questionId);
    const limit = isText
      ? Math.min(item.maxLength ?? DEFAULT_MAX_LENGTH[item.kind as 'short_text' | 'long_text'], question ? maxLengthOf(question) : Infinity)
      : 0;
    return {
      item,
      field: youthField(item),
      answerRate: { under13: under13Rate, older: olderRate },
      choices: isText ? null : choiceWeights(item, demoItem),
      picks,
      pool: demoItem && 'pool' in demoItem ? demoItem.pool : 'general',
      limit,
      apart: demoItem?.drawsApart ?? false,
    };
  });
  return { def, items, pages: await loadYouthPages(db, def) };
}

async function loadYouthPages(db: Db, def: YouthDef): Promise<RoutablePage[] | null> {
  const rules = new Map(
    (await db.selectFrom('youth_items').select(['id', 'show_if']).where('consultation_id', '=', def.consultationId).execute()).map((r) => [r.id, r.show_if]),
  );
  const goesTo = await db
    .selectFrom('youth_options')
    .select(['youth_item_id', 'key', 'goes_to'])
    .where(
      'youth_item_id',
      'in',
      def.items.map((item) => item.id),
    )
    .where('goes_to', 'is not', null)
    .execute();
  if (goesTo.length === 0 && ![...rules.values()].some(Boolean)) return null;
  return def.items.map((item) => ({
    key: item.key,
    showIf: parseShowIf(rules.get(item.id)),
    questions: [
      {
        key: item.key,
        single: (CHOICE_KINDS as readonly string[]).includes(item.kind),
        required: item.required,
        options: item.options.map((o) => ({ key: o.key, goesTo: goesTo.find((g) => g.youth_item_id === item.id && g.key === o.key)?.goes_to ?? null })),
      },
    ],
  }));
}

/**
 * Fills in one young person's form (their answers by youth option key, and their words) and
 * appends the answer rows the app would store for it to `out`; returns whether any words were written.
 * Items marked `apart` draw from `randoms.apart`, every other item from `randoms.main`.
 */
export function answerYouthItems(
  randoms: { main: Random; apart: Random },
  plan: YouthPlan,
  person: { under13: boolean; locale: string; age_band: string },
  responseId: number,
  out: AnswerRow[],
  notAsked: NotAskedRow[],
): boolean {
  const values: Record<string, unknown> = { age_band: person.age_band };
  const wrote = new Set<string>();
  for (const item of plan.items) {
    const random = item.apart ? randoms.apart : randoms.main;
    if (random() >= (person.under13 ? item.answerRate.under13 : item.answerRate.older)) continue;
    const choices = item.choices && (person.under13 ? item.choices.under13 : item.choices.older);
    switch (item.item.kind) {
      case 'single_choice':
      case 'yes_no':
      case 'agree_scale':
        if (choices) values[item.field] = choices.pick(random);
        break;
      case 'multiple_choice':
        if (choices && item.picks) values[item.field] = choices.pickDistinct(random, item.picks.pick(random));
        break;
      case 'short_text':
      case 'long_text':
        values[item.field] = composeText(random, item.pool, person.locale, item.limit);
        wrote.add(item.item.key);
        break;
    }
  }
  if (plan.pages) {
    // Answers to items the route passed by are dropped, as the app drops them when a route changes.
    const answerOf = (key: string) => {
      const item = plan.items.find((i) => i.item.key === key);
      const value = item && values[item.field];
      return typeof value === 'string' ? [value] : Array.isArray(value) ? (value as string[]) : [];
    };
    const route = routeOf(plan.pages, answerOf);
    const askedQuestions = new Set(plan.items.filter((i) => route.asked.has(i.item.key)).map((i) => i.item.questionId));
    const passed = new Set<number>();
    for (const key of route.notAsked) {
      const item = plan.items.find((i) => i.item.key === key);
      if (!item) continue;
      delete values[item.field];
      wrote.delete(key);
      if (!askedQuestions.has(item.item.questionId)) passed.add(item.item.questionId);
    }
    for (const question_id of passed) notAsked.push({ response_id: responseId, question_id });
  }
  for (const row of youthAnswerRows(plan.def, values)) {
    out.push({
      response_id: responseId,
      question_id: row.question_id,
      option_id: row.option_id ?? null,
      rank: row.rank ?? null,
      value_number: row.value_number ?? null,
      value_text: row.value_text ?? null,
    });
  }
  return wrote.size > 0;
}
