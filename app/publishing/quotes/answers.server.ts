import { sql } from 'kysely';
import type { Db } from '#db/connection';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import { TEXT_KINDS } from '~/consultations/question-kinds';
import type { Locale } from '~/platform/i18n/config';
import { creditFor, type Credit } from './credit';
import { CREDIT_COLUMNS, creditSourceOf, quotableAnswers } from './sources.server';
import { REDACTED_TEXT } from '~/responses/text';

// The answers an officer may pick quotes from, searched and filtered, a page at a time.

export const ANSWERS_PAGE_SIZE = 20;
const SEARCH_MAX = 200;

export interface AnswerFilters {
  text: string;
  questionId: number | null;
  themeId: number | null;
  page: number;
}

export interface QuotableAnswer {
  id: number;
  responseId: number;
  reference: string;
  questionId: number;
  text: string;
  credit: Credit;
}

const positive = (raw: string | null) => {
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

export function readAnswerFilters(url: URL): AnswerFilters {
  const params = url.searchParams;
  return {
    text: (params.get('q') ?? '').trim().slice(0, SEARCH_MAX),
    questionId: positive(params.get('question')),
    themeId: positive(params.get('theme')),
    page: positive(params.get('page')) ?? 1,
  };
}

/** A LIKE pattern that finds the words as typed, % and _ included. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of quotable answers, newest first. Read question by question, each in id order off
 * the answers' question index (one query over all of them would sort every text answer of the
 * consultation, seconds at a million responses), then merged. No total count, for the same
 * reason: "more answers" needs only one row more than the page.
 */
export async function listQuotableAnswers(db: Db, consultationId: number, filters: AnswerFilters) {
  const questionIds = filters.questionId
    ? [filters.questionId]
    : (await db.selectFrom('questions').select('id').where('consultation_id', '=', consultationId).where('kind', 'in', TEXT_KINDS).execute()).map((q) => q.id);
  // A redacted answer (retention) has no words left to quote.
  let query = quotableAnswers(db).where('responses.consultation_id', '=', consultationId).where('answers.value_text', '!=', REDACTED_TEXT);
  if (filters.text) query = query.where(sql<boolean>`lower(${sql.ref('answers.value_text')}) like ${containing(filters.text)} escape '\\'`);
  if (filters.themeId) {
    const themeId = filters.themeId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('coding_themes')
          .select('coding_themes.answer_id')
          .whereRef('coding_themes.answer_id', '=', 'answers.id')
          .where('coding_themes.theme_id', '=', themeId),
      ),
    );
  }
  const start = (filters.page - 1) * ANSWERS_PAGE_SIZE;
  const perQuestion = await Promise.all(
    questionIds.map((questionId) =>
      query
        .where('answers.question_id', '=', questionId)
        .select(['answers.id', 'answers.response_id', 'answers.question_id', 'answers.value_text', 'responses.reference', ...CREDIT_COLUMNS])
        .orderBy('answers.id', 'desc')
        .limit(start + ANSWERS_PAGE_SIZE + 1)
        .execute(),
    ),
  );
  const rows = perQuestion
    .flat()
    .sort((a, b) => b.id - a.id)
    .slice(start, start + ANSWERS_PAGE_SIZE + 1);
  const answers = rows.slice(0, ANSWERS_PAGE_SIZE).flatMap((row) => {
    const credit = creditFor(creditSourceOf(row));
    return credit
      ? [{ id: row.id, responseId: row.response_id, reference: row.reference, questionId: row.question_id, text: row.value_text ?? '', credit }]
      : [];
  });
  return { answers, page: filters.page, hasNext: rows.length > ANSWERS_PAGE_SIZE };
}

export type AnswerRefusal = 'quotes:answerMissing' | 'quotes:noConsent' | 'quotes:notCounted';

/**
 * One free-text answer of the consultation, for the pick page: the answer with its credit, or
 * why it cannot be quoted (not found, not counted, no consent), so the refusal can say so.
 */
export async function findAnswerToQuote(
  db: Db,
  consultationId: number,
  answerId: number,
): Promise<{ ok: true; answer: QuotableAnswer } | { ok: false; error: AnswerRefusal }> {
  const row = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .leftJoin('wards', 'wards.code', 'responses.ward_code')
    .select(['answers.id', 'answers.response_id', 'answers.question_id', 'answers.value_text', 'responses.reference', 'responses.status', ...CREDIT_COLUMNS])
    .where('answers.id', '=', answerId)
    .where('responses.consultation_id', '=', consultationId)
    .where('questions.kind', 'in', TEXT_KINDS)
    .where('answers.value_text', 'is not', null)
    .executeTakeFirst();
  if (!row) return { ok: false, error: 'quotes:answerMissing' };
  if (row.status !== 'counted') return { ok: false, error: 'quotes:notCounted' };
  const credit = creditFor(creditSourceOf(row));
  if (!credit) return { ok: false, error: 'quotes:noConsent' };
  return {
    ok: true,
    answer: { id: row.id, responseId: row.response_id, reference: row.reference, questionId: row.question_id, text: row.value_text ?? '', credit },
  };
}

/** The consultation's free-text questions, in the reader's language, for the question filter. */
export async function listFreeTextQuestions(db: Db, consultationId: number, locale: Locale) {
  const rows = await db
    .selectFrom('questions')
    .select(['id', 'text'])
    .where('consultation_id', '=', consultationId)
    .where('kind', 'in', TEXT_KINDS)
    .orderBy('position')
    .execute();
  const tr = await loadTranslations(db, locale, [{ type: 'question', ids: rows.map((r) => r.id) }]);
  return rows.map((r) => ({ id: r.id, text: translated(tr, 'question', r.id, 'text', r.text) }));
}
