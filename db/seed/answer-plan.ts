import { DEFAULT_RATING_MAX, maxLengthOf, OTHER_MAX_LENGTH } from '../../app/consultations/question-kinds';
import type { Db } from '../connection';
import type { QuestionKind } from '../schema';
import type { DemoConsultation, DemoQuestion } from './demo-dsl';
import { composeText, type TextPoolKey } from './free-text';
import { hashSeed, Weighted, type Random } from './random';

// How demo respondents answer each question of a consultation, prepared once from the stored
// questions (so the rows always fit what is in the database) and the demo weights, if the
// consultation is one of ours. Rows follow app/consultations/question-kinds.ts exactly.

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

export interface QuestionPlan {
  id: number;
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

export async function loadAnswerPlan(db: Db, consultationId: number, demo: DemoConsultation | undefined): Promise<QuestionPlan[]> {
  const questions = await db
    .selectFrom('questions')
    .innerJoin('sections', 'sections.id', 'questions.section_id')
    .select([
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
          .select(['id', 'key', 'is_other', 'question_id'])
          .where(
            'question_id',
            'in',
            questions.map((q) => q.id),
          )
          .orderBy('question_id')
          .orderBy('position')
          .execute();
  const demoQuestions = new Map((demo?.sections ?? []).flatMap((s) => s.questions).map((q) => [q.key, q]));

  return questions.map((question) => {
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
}

/** Appends one response's answer rows to `out`; returns whether any free text was written. */
export function answerQuestions(
  random: Random,
  plans: readonly QuestionPlan[],
  respondent: { young: boolean; locale: string },
  responseId: number,
  out: AnswerRow[],
): boolean {
  let wroteText = false;
  for (const plan of plans) {
    if (plan.answerRate < 1 && random() >= plan.answerRate) continue;
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
        wroteText = true;
        break;
      }
    }
  }
  return wroteText;
}
