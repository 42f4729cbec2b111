import type { Db } from '#db/connection';
import { TEXT_KINDS } from '~/consultations/question-kinds';
import { DIMENSIONS } from './dimensions';
import { rowOf, type ConsultationIndex } from './index/consultation-index';
import { rowFilter, selectRows, type Counts, type QuestionCounts, type Summary, type SummaryRequest } from './summarise';
import { inGroupOrder } from './age-order';

// Coded free text summarised exactly like a closed question: each open question with coded
// answers becomes a multiple-choice-shaped QuestionCounts whose options are the codebook's
// themes, over the same counted responses, filter and breakdown as the closed questions.
//
// Which coding counts: when several officers coded one answer (a double-coding sample, a second
// look), the most recent coding by anyone counts, ties to the higher coder id (countingCoding
// below). Within a question, `base` is the responses in the set whose answer is
// coded (an answer coded as fitting no theme is in the base and ticks no option), `notAsked`
// those in the set whose route passed the question by (they had nothing to say, not a blank),
// and `noAnswer` the rest of the set: no answer, or an answer nobody has coded yet.
//
// Which responses are in the set, and their groups, come from the index's own filter test
// (rowFilter, the one summarise's selection uses), so an excluded response drops out here
// exactly as it does there.
// Codings are human-made (tens of thousands of rows at most), so they are read in one query.
// Officers code in app/coding; the figures are counted here, beside the index they are read with.

export interface CodedTheme {
  id: number;
  key: string;
  name: string;
  priorityId: number | null;
}

export interface CodedThemesSummary {
  /** One QuestionCounts per open question with coded answers; options are themes (optionId = theme id). */
  summary: Summary;
  themes: CodedTheme[];
}

interface Counting {
  coderId: number;
  codedAt: string;
  questionId: number;
  responseId: number;
  themeIds: number[];
}

/**
 * The coding that counts for an answer: the most recent by any coder, ties (same instant) to
 * the higher coder id so the choice never depends on the order rows come back in. The same rule
 * is applied in SQL by the coding list's theme filter (coding/answers.server.ts), and shown on the
 * coding page (coding/coding-page.server.ts).
 */
export function countingCoding<T extends { coderId: number; codedAt: string }>(codings: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const c of codings) {
    if (!best || c.codedAt > best.codedAt || (c.codedAt === best.codedAt && c.coderId > best.coderId)) best = c;
  }
  return best;
}

/** The questions answered in words (hidden ones too: their answers are still there), in the order they are asked. */
async function readOpenQuestions(db: Db, consultationId: number): Promise<{ id: number; key: string }[]> {
  return db
    .selectFrom('questions')
    .innerJoin('sections', 'sections.id', 'questions.section_id')
    .select(['questions.id', 'questions.key'])
    .where('questions.consultation_id', '=', consultationId)
    .where('questions.kind', 'in', [...TEXT_KINDS])
    .orderBy('sections.position')
    .orderBy('questions.position')
    .orderBy('questions.id')
    .execute();
}

/** Per open question, the responses whose route passed it by. */
async function readNotAsked(db: Db, questionIds: readonly number[]): Promise<Map<number, number[]>> {
  const byQuestion = new Map<number, number[]>();
  if (questionIds.length === 0) return byQuestion;
  const rows = await db.selectFrom('not_asked').select(['question_id', 'response_id']).where('question_id', 'in', questionIds).execute();
  for (const r of rows) {
    const list = byQuestion.get(r.question_id);
    if (list) list.push(r.response_id);
    else byQuestion.set(r.question_id, [r.response_id]);
  }
  return byQuestion;
}

/** The coding that counts for each answer, from one read of every coding of the consultation. */
async function readCountingCodings(db: Db, consultationId: number): Promise<Counting[]> {
  const rows = await db
    .selectFrom('codings as c')
    .innerJoin('answers as a', 'a.id', 'c.answer_id')
    .leftJoin('coding_themes as ct', (join) => join.onRef('ct.answer_id', '=', 'c.answer_id').onRef('ct.coder_id', '=', 'c.coder_id'))
    .select(['c.answer_id', 'c.coder_id', 'c.coded_at', 'c.question_id', 'a.response_id', 'ct.theme_id'])
    .where('c.consultation_id', '=', consultationId)
    .execute();
  const codings = new Map<string, Counting & { answerId: number }>();
  for (const r of rows) {
    const key = `${r.answer_id}:${r.coder_id}`;
    let coding = codings.get(key);
    if (!coding) {
      coding = { answerId: r.answer_id, coderId: r.coder_id, codedAt: r.coded_at, questionId: r.question_id, responseId: r.response_id, themeIds: [] };
      codings.set(key, coding);
    }
    if (r.theme_id !== null) coding.themeIds.push(r.theme_id);
  }
  const byAnswer = new Map<number, (Counting & { answerId: number })[]>();
  for (const coding of codings.values()) {
    const list = byAnswer.get(coding.answerId);
    if (list) list.push(coding);
    else byAnswer.set(coding.answerId, [coding]);
  }
  return [...byAnswer.values()].map((list) => countingCoding(list)!);
}

/**
 * Responses per group of the selection (codes of the breakdown, or one group). The closed
 * questions' summary of the same request already holds them, so a caller that has it passes it
 * and nothing is scanned; unfiltered they are the running totals; otherwise one pass selects them.
 */
function groupSizes(index: ConsultationIndex, request: SummaryRequest, groupCount: number, closed: Summary | undefined): Int32Array {
  const { filter = {}, breakdown } = request;
  const sizes = new Int32Array(groupCount);
  if (closed) {
    if (!breakdown) sizes[0] = closed.total.responses;
    for (const g of closed.breakdown?.groups ?? []) sizes[index.coder.dictionaries[breakdown!].find(g.value)]! += g.counts.responses;
    return sizes;
  }
  if (!DIMENSIONS.some((d) => filter[d])) {
    const totals = index.rollups[breakdown ?? 'channel'].responses;
    if (breakdown) sizes.set(totals.subarray(0, groupCount));
    else sizes[0] = totals.reduce((a, b) => a + b, 0);
    return sizes;
  }
  for (const g of selectRows(index, filter, breakdown ? index.dimensions[breakdown] : null).groups) sizes[g]!++;
  return sizes;
}

/**
 * `closed`: the closed questions' summary of the same request, when the caller has made it
 * (the results page), so the responses per group are not counted a second time.
 */
export async function summariseCodedThemes(db: Db, index: ConsultationIndex, request: SummaryRequest, closed?: Summary): Promise<CodedThemesSummary> {
  const { filter = {}, breakdown } = request;
  const [themeRows, questions, codings] = await Promise.all([
    db
      .selectFrom('codebook_themes')
      .select(['id', 'key', 'name', 'priority_id'])
      .where('consultation_id', '=', index.consultationId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    readOpenQuestions(db, index.consultationId),
    readCountingCodings(db, index.consultationId),
  ]);
  const themes: CodedTheme[] = themeRows.map((t) => ({ id: t.id, key: t.key, name: t.name, priorityId: t.priority_id }));
  const slotOf = new Map(themes.map((t, i) => [t.id, i]));

  const dictionary = breakdown ? index.coder.dictionaries[breakdown] : null;
  const groupCount = dictionary ? dictionary.size : 1;
  const perGroup = groupSizes(index, request, groupCount, closed);
  // Coded answers are few (people code them), so each coded response is tested on its own
  // rather than by scanning every response: O(codings), whatever the size of the consultation.
  const inSelection = rowFilter(index, filter);
  const groupColumn = breakdown ? index.dimensions[breakdown] : null;

  // Per question: coded responses per group, and theme x group counts. A response answers a
  // question once; should it hold two answers, its themes are counted once (a set per response).
  const codedQuestions = questions.filter((q) => codings.some((c) => c.questionId === q.id));
  const notAskedOf = await readNotAsked(
    db,
    codedQuestions.map((q) => q.id),
  );
  const tallies = codedQuestions.map((question) => {
    const themesOf = new Map<number, Set<number>>();
    for (const c of codings) {
      if (c.questionId !== question.id) continue;
      const set = themesOf.get(c.responseId) ?? new Set<number>();
      for (const id of c.themeIds) set.add(id);
      themesOf.set(c.responseId, set);
    }
    const coded = new Int32Array(groupCount);
    const counts = themes.map(() => new Int32Array(groupCount));
    for (const [responseId, set] of themesOf) {
      const row = rowOf(index, responseId);
      if (row < 0 || !inSelection(row)) continue;
      const g = groupColumn ? groupColumn[row]! : 0;
      coded[g]!++;
      for (const id of set) {
        const slot = slotOf.get(id);
        if (slot !== undefined) counts[slot]![g]!++;
      }
    }
    const notAsked = new Int32Array(groupCount);
    for (const responseId of notAskedOf.get(question.id) ?? []) {
      const row = rowOf(index, responseId);
      if (row >= 0 && inSelection(row)) notAsked[groupColumn ? groupColumn[row]! : 0]!++;
    }
    return { question, coded, counts, notAsked };
  });

  const countsOf = (group: number): Counts => {
    const pick = (a: Int32Array) => (group >= 0 ? a[group]! : a.reduce((s, x) => s + x, 0));
    const responses = pick(perGroup);
    return {
      responses,
      questions: tallies.map(({ question, coded, counts, notAsked }): QuestionCounts => ({
        questionId: question.id,
        key: question.key,
        kind: 'multiple_choice',
        base: pick(coded),
        noAnswer: responses - pick(coded) - pick(notAsked),
        notAsked: pick(notAsked),
        options: themes.map((t, i) => ({ optionId: t.id, key: t.key, count: pick(counts[i]!) })),
      })),
    };
  };

  const summary: Summary = { total: countsOf(-1) };
  if (breakdown && dictionary) {
    const list = [];
    for (let g = 0; g < groupCount; g++) if (perGroup[g]! > 0) list.push({ value: dictionary.value(g), counts: countsOf(g) });
    summary.breakdown = { dimension: breakdown, groups: inGroupOrder(breakdown, list) };
  }
  return { summary, themes };
}
