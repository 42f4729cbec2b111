import { CHOICE_KINDS, DEFAULT_RATING_MAX, maxLengthOf, OTHER_MAX_LENGTH } from '../../app/consultations/question-kinds';
import { parseShowIf, routeOf, type RoutablePage } from '../../app/consultations/routing';
import type { Db } from '../connection';
import type { QuestionKind } from '../schema';
import type { DemoConsultation, DemoQuestion } from './demo-dsl';
import { composeText, type TextPoolKey } from './free-text';
import { hashSeed, Weighted, type Random } from './random';

// How demo respondents answer each question of a consultation, prepared once from the stored
// questions (so the rows always fit what is in the database) and the demo weights, if the
// consultation is one of ours. Rows follow app/consultations/question-kinds.ts exactly, and a
// response follows its own route (app/consultations/routing.ts): a person answers what they are
// shown, so a question their answers route past gets no answer and a not_asked row instead.

export interface AnswerRow {
  response_id: number;
  question_id: number;
  option_id: number | null;
  rank: number | null;
  value_number: number | null;
  value_text: string | null;
}

interface ByGroup<T> {
  adult: Weighted<T>;
  young: Weighted<T>;
}

/** A question a response's route passed by. */
export interface NotAskedRow {
  response_id: number;
  question_id: number;
}

export interface QuestionPlan {
  id: number;
  key: string;
  /** Option keys by id, to decide the route from the answers. */
  optionKeys: ReadonlyMap<number, string>;
  kind: QuestionKind;
  answerRate: number;
  /** Option ids for choices and rankings; values for ratings. */
  choices: ByGroup<number> | null;
  otherOptionId: number | null;
  otherPool: TextPoolKey;
  /** How many options a multiple-choice answer picks. */
  picks: Weighted<number> | null;
  limit: number;
  pool: TextPoolKey;
}

const GENERIC_SCALES: Record<string, number> = {
  yes: 60,
  no: 40,
  strongly_agree: 20,
  agree: 35,
  neither: 20,
  disagree: 15,
  strongly_disagree: 10,
};

function byGroup<T>(adult: [T, number][], young: [T, number][]): ByGroup<T> {
  return { adult: new Weighted(adult), young: new Weighted(young) };
}

interface StoredQuestion {
  id: number;
  key: string;
  kind: QuestionKind;
  required: number;
  max_selections: number | null;
  rank_count: number | null;
  max_length: number | null;
  rating_max: number | null;
}

interface StoredOption {
  id: number;
  key: string;
  is_other: number;
}

function optionWeights(question: StoredQuestion, options: StoredOption[], demo: DemoQuestion | undefined): ByGroup<number> {
  const adult: [number, number][] = [];
  const young: [number, number][] = [];
  for (const option of options) {
    let weights: [number, number];
    if (demo && 'options' in demo) {
      const demoOption = demo.options.find((o) => o.key === option.key);
      weights = [demoOption?.weight ?? 1, demoOption?.young ?? demoOption?.weight ?? 1];
    } else if (demo && 'weights' in demo && !Array.isArray(demo.weights)) {
      const w = demo.weights[option.key] ?? 0;
      weights = [w, ('young' in demo && demo.young && !Array.isArray(demo.young) ? demo.young[option.key] : undefined) ?? w];
    } else {
      // Not one of ours: a stable, uneven spread so results are not flat.
      const w = GENERIC_SCALES[option.key] ?? (option.is_other ? 0.5 : 1 + (hashSeed(question.key, option.key) % 5));
      weights = [w, w];
    }
    adult.push([option.id, weights[0]]);
    young.push([option.id, weights[1]]);
  }
  return byGroup(adult, young);
}

function ratingWeights(max: number, demo: DemoQuestion | undefined): ByGroup<number> {
  const values = Array.from({ length: max }, (_, i) => i + 1);
  if (demo?.kind === 'rating' && demo.weights.length === max) {
    const young = demo.young?.length === max ? demo.young : demo.weights;
    return byGroup(
      values.map((v, i) => [v, demo.weights[i] ?? 1]),
      values.map((v, i) => [v, young[i] ?? 1]),
    );
  }
  // Ratings lean positive, peaking about three quarters of the way up the scale.
  const generic = values.map((v) => [v, Math.min(v, max - v + 2)] as [number, number]);
  return byGroup(generic, generic);
}

export interface AnswerPlan {
  questions: QuestionPlan[];
  /** The main form's sections as routing sees them; null when every question is asked of everyone. */
  pages: RoutablePage[] | null;
}

export async function loadAnswerPlan(db: Db, consultationId: number, demo: DemoConsultation | undefined): Promise<AnswerPlan> {
  const questions = await db
    .selectFrom('questions')
    .innerJoin('sections', 'sections.id', 'questions.section_id')
    .select([
      'sections.key as sectionKey',
      'sections.show_if as sectionShowIf',
      'questions.show_if',
      'questions.id',
      'questions.key',
      'questions.kind',
      'questions.required',
      'questions.max_selections',
      'questions.rank_count',
      'questions.max_length',
      'questions.rating_max',
    ])
    .where('questions.consultation_id', '=', consultationId)
    // Questions only the young people's version asks are answered through it (./youth-plan.ts).
    .where('sections.audience', '=', 'everyone')
    .orderBy('sections.position')
    .orderBy('questions.position')
    .execute();
  const options =
    questions.length === 0
      ? []
      : await db
          .selectFrom('options')
          .select(['id', 'key', 'is_other', 'question_id', 'goes_to'])
          .where(
            'question_id',
            'in',
            questions.map((q) => q.id),
          )
          .orderBy('question_id')
          .orderBy('position')
          .execute();
  const demoQuestions = new Map((demo?.sections ?? []).flatMap((s) => s.questions).map((q) => [q.key, q]));

  const plans = questions.map((question) => {
    const demoQuestion = demoQuestions.get(question.key);
    const own = options.filter((option) => option.question_id === question.id);
    const isText = question.kind === 'short_text' || question.kind === 'long_text';
    const answerRate = question.required ? 1 : (demoQuestion?.answerRate ?? (isText ? 0.5 : 0.93));
    const ratingMax = question.rating_max ?? DEFAULT_RATING_MAX;
    const optionCount = own.length;
    let picks: Weighted<number> | null = null;
    if (question.kind === 'multiple_choice') {
      const max = Math.min(question.max_selections ?? optionCount, optionCount);
      const weights = demoQuestion?.kind === 'multiple_choice' ? demoQuestion.picks : [3, 4, 3, 2, 1];
      picks = new Weighted(Array.from({ length: Math.max(max, 1) }, (_, i) => [i + 1, weights[i] ?? 0.5] as [number, number]));
    }
    return {
      id: question.id,
      key: question.key,
      optionKeys: new Map(own.map((option) => [option.id, option.key])),
      kind: question.kind,
      answerRate,
      choices: question.kind === 'rating' ? ratingWeights(ratingMax, demoQuestion) : optionCount > 0 ? optionWeights(question, own, demoQuestion) : null,
      otherOptionId: own.find((option) => option.is_other)?.id ?? null,
      otherPool: (demoQuestion && 'otherPool' in demoQuestion ? demoQuestion.otherPool : undefined) ?? 'other_generic',
      picks,
      limit: question.kind === 'ranking' ? (question.rank_count ?? optionCount) : isText ? maxLengthOf(question) : 0,
      pool: demoQuestion && 'pool' in demoQuestion ? demoQuestion.pool : 'general',
    };
  });

  const routed = questions.some((q) => q.show_if || q.sectionShowIf) || options.some((o) => o.goes_to);
  const pages: RoutablePage[] = [];
  for (const question of questions) {
    let page = pages.at(-1);
    if (page?.key !== question.sectionKey) pages.push((page = { key: question.sectionKey, showIf: parseShowIf(question.sectionShowIf), questions: [] }));
    (page.questions as RoutablePage['questions'][number][]).push({
      key: question.key,
      single: CHOICE_KINDS.includes(question.kind),
      required: question.required === 1,
      showIf: parseShowIf(question.show_if),
      options: options.filter((o) => o.question_id === question.id).map((o) => ({ key: o.key, goesTo: o.goes_to })),
    });
  }
  return { questions: plans, pages: routed ? pages : null };
}

/**
 * Appends one response's answer rows to `out`, and the questions its route passed by to
 * `notAsked`; returns whether any free text was written. A person is given an answer for every
 * question first and then keeps those their route asks, so an unrouted survey draws the same
 * numbers as before routing existed.
 */
export function answerQuestions(
  random: Random,
  plan: AnswerPlan,
  respondent: { young: boolean; locale: string },
  responseId: number,
  out: AnswerRow[],
  notAsked: NotAskedRow[],
): boolean {
  const { pages } = plan;
  if (!pages) return plan.questions.reduce((wrote, question) => answerQuestion(random, question, respondent, responseId, out) || wrote, false);
  const own: AnswerRow[] = [];
  const chosen = new Map<string, string[]>();
  const wrote = new Set<number>();
  for (const question of plan.questions) {
    const from = own.length;
    if (answerQuestion(random, question, respondent, responseId, own)) wrote.add(question.id);
    const keys: string[] = [];
    for (let i = from; i < own.length; i++) {
      const key = own[i]!.option_id === null ? undefined : question.optionKeys.get(own[i]!.option_id!);
      if (key !== undefined) keys.push(key);
    }
    chosen.set(question.key, keys);
  }
  const route = routeOf(pages, (key) => chosen.get(key) ?? []);
  const passedBy = new Set(route.notAsked);
  const idOf = new Map(plan.questions.map((q) => [q.key, q.id]));
  const skipped = new Set<number>();
  for (const key of passedBy) {
    const id = idOf.get(key);
    if (id === undefined) continue;
    skipped.add(id);
    notAsked.push({ response_id: responseId, question_id: id });
  }
  for (const row of own) if (!skipped.has(row.question_id)) out.push(row);
  for (const id of wrote) if (!skipped.has(id)) return true;
  return false;
}

/** Appends one person's answer to one question (if they give one); returns whether it is free text. */
function answerQuestion(random: Random, plan: QuestionPlan, respondent: { young: boolean; locale: string }, responseId: number, out: AnswerRow[]): boolean {
  if (plan.answerRate < 1 && random() >= plan.answerRate) return false;
  const choices = plan.choices && (respondent.young ? plan.choices.young : plan.choices.adult);
  const row = (option_id: number | null, rank: number | null, value_number: number | null, value_text: string | null) => {
    out.push({ response_id: responseId, question_id: plan.id, option_id, rank, value_number, value_text });
  };
  const otherText = (optionId: number) => (optionId === plan.otherOptionId ? composeText(random, plan.otherPool, respondent.locale, OTHER_MAX_LENGTH) : null);

  switch (plan.kind) {
    case 'single_choice':
    case 'yes_no':
    case 'agree_scale': {
      if (!choices) break;
      const optionId = choices.pick(random);
      row(optionId, null, null, otherText(optionId));
      break;
    }
    case 'multiple_choice': {
      if (!choices || !plan.picks) break;
      for (const optionId of choices.pickDistinct(random, plan.picks.pick(random))) row(optionId, null, null, otherText(optionId));
      break;
    }
    case 'ranking': {
      if (!choices) break;
      for (const [index, optionId] of choices.pickDistinct(random, plan.limit).entries()) row(optionId, index + 1, null, null);
      break;
    }
    case 'rating': {
      if (!choices) break;
      row(null, null, choices.pick(random), null);
      break;
    }
    case 'short_text':
    case 'long_text': {
      row(null, null, null, composeText(random, plan.pool, respondent.locale, plan.limit));
      return true;
    }
  }
  return false;
}
