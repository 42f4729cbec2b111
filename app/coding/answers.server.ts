import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '#db/schema';
import type { Db } from '#db/connection';
import type { CodedFilter } from './filters';

// The answers officers code: the words typed in answer to one open question, by responses in
// the counts only (an answer of a response marked as spam is neither listed nor coded), in the
// order they arrived (answer id). Lists are a COUNT and a LIMIT/OFFSET, never a full load.

export const ANSWERS_PER_PAGE = 20;

export interface AnswerFilters {
  search: string;
  coded: CodedFilter;
  /** Answers whose counting coding has this theme. */
  themeId: number | null;
  page: number;
}

export interface AnswerRow {
  id: number;
  text: string;
  responseId: number;
  reference: string;
  locale: string;
}

type Eb = ExpressionBuilder<Database, 'answers' | 'responses'>;

/** Answers with words in them, to one question, from counted responses. */
export function codableAnswers(db: Db, questionId: number) {
  return db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .where('answers.question_id', '=', questionId)
    .where('responses.status', '=', 'counted')
    .where('answers.value_text', 'is not', null)
    .where('answers.value_text', '!=', '');
}

const anyCoding = (eb: Eb) => eb.exists(eb.selectFrom('codings as c').select('c.answer_id').whereRef('c.answer_id', '=', 'answers.id'));

function filtered(db: Db, questionId: number, filters: Omit<AnswerFilters, 'page'>) {
  let query = codableAnswers(db, questionId);
  const search = filters.search.trim().toLowerCase();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`lower(${sql.ref('answers.value_text')}) like ${pattern} escape '\\'`);
  }
  if (filters.coded === 'coded') query = query.where(anyCoding);
  if (filters.coded === 'uncoded') query = query.where((eb) => eb.not(anyCoding(eb)));
  const themeId = filters.themeId;
  if (themeId !== null) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('codings as c')
          .innerJoin('coding_themes as ct', (join) => join.onRef('ct.answer_id', '=', 'c.answer_id').onRef('ct.coder_id', '=', 'c.coder_id'))
          .select('c.answer_id')
          .whereRef('c.answer_id', '=', 'answers.id')
          .where('ct.theme_id', '=', themeId)
          // Only the coding that counts (the latest, see countingCoding in analysis/coded-themes.server.ts): no later coding of the answer.
          .where((w) =>
            w.not(
              w.exists(
                w
                  .selectFrom('codings as later')
                  .select('later.answer_id')
                  .whereRef('later.answer_id', '=', 'c.answer_id')
                  .where((l) =>
                    l.or([
                      l('later.coded_at', '>', l.ref('c.coded_at')),
                      l.and([l('later.coded_at', '=', l.ref('c.coded_at')), l('later.coder_id', '>', l.ref('c.coder_id'))]),
                    ]),
                  ),
              ),
            ),
          ),
      ),
    );
  }
  return query;
}

export async function listAnswers(db: Db, questionId: number, filters: AnswerFilters) {
  const { n } = await filtered(db, questionId, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / ANSWERS_PER_PAGE));
  const page = Math.min(Math.max(1, filters.page), pages);
  const rows = await filtered(db, questionId, filters)
    .select(['answers.id', 'answers.value_text', 'answers.response_id', 'responses.reference', 'responses.locale'])
    .orderBy('answers.id')
    .limit(ANSWERS_PER_PAGE)
    .offset((page - 1) * ANSWERS_PER_PAGE)
    .execute();
  const answers: AnswerRow[] = rows.map((r) => ({ id: r.id, text: r.value_text ?? '', responseId: r.response_id, reference: r.reference, locale: r.locale }));
  return { answers, total, page, pages };
}

/** Answers to the question, and how many of them someone has coded: an officer's progress. */
export async function codingProgress(db: Db, questionId: number): Promise<{ answers: number; coded: number; notAsked: number }> {
  const [row, skipped] = await Promise.all([
    codableAnswers(db, questionId)
      .select((eb) => [eb.fn.countAll<number>().as('answers'), eb.fn.count<number>(eb.case().when(anyCoding(eb)).then(1).end()).as('coded')])
      .executeTakeFirstOrThrow(),
    // People their own earlier answers routed past the question: not blanks waiting to be coded.
    db
      .selectFrom('not_asked')
      .innerJoin('responses', 'responses.id', 'not_asked.response_id')
      .where('not_asked.question_id', '=', questionId)
      .where('responses.status', '=', 'counted')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { answers: Number(row.answers), coded: Number(row.coded), notAsked: Number(skipped.n) };
}

export interface AnswerForCoding extends AnswerRow {
  questionId: number;
  channel: string;
}

/** One answer to code, or undefined when it is not a counted answer to this question. */
export async function findAnswerForCoding(db: Db, questionId: number, answerId: number): Promise<AnswerForCoding | undefined> {
  const row = await codableAnswers(db, questionId)
    .select(['answers.id', 'answers.value_text', 'answers.response_id', 'responses.reference', 'responses.locale', 'responses.channel'])
    .where('answers.id', '=', answerId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      text: row.value_text ?? '',
      responseId: row.response_id,
      reference: row.reference,
      locale: row.locale,
      channel: row.channel,
      questionId,
    }
  );
}

/** Where an answer stands among the question's answers: "Answer 12 of 3,402", and its neighbours. */
export async function answerPlace(db: Db, questionId: number, answerId: number) {
  const [place, previous, next] = await Promise.all([
    codableAnswers(db, questionId)
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>(eb.case().when('answers.id', '<=', answerId).then(1).end()).as('position')])
      .executeTakeFirstOrThrow(),
    codableAnswers(db, questionId).select('answers.id').where('answers.id', '<', answerId).orderBy('answers.id', 'desc').limit(1).executeTakeFirst(),
    codableAnswers(db, questionId).select('answers.id').where('answers.id', '>', answerId).orderBy('answers.id').limit(1).executeTakeFirst(),
  ]);
  return { position: Number(place.position), total: Number(place.total), previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

/** The first answer nobody has coded, after the given one and then from the start; null when all are coded. */
export async function nextUncodedAnswer(db: Db, questionId: number, afterId = 0): Promise<number | null> {
  const uncoded = () =>
    codableAnswers(db, questionId)
      .select('answers.id')
      .where((eb) => eb.not(anyCoding(eb)))
      .orderBy('answers.id')
      .limit(1);
  const after = await uncoded().where('answers.id', '>', afterId).executeTakeFirst();
  if (after) return after.id;
  const first = await uncoded().where('answers.id', '!=', afterId).executeTakeFirst();
  return first?.id ?? null;
}
