import type { Db } from '#db/connection';
import { protectTable, type Cell } from '~/analysis/disclosure';
import { codableAnswers } from './answers.server';
import { extractTerms, type Term } from './terms';
import { REDACTED_TEXT } from '~/responses/text';

// Frequent terms of a question's answers, for the codebook page. Read from the most recent
// answers only, so the page stays quick however many thousands there are: the words people use
// for a theme show up long before the 5,000th answer.
export const TERMS_SAMPLE = 5000;

export interface FrequentTerms {
  terms: Term[];
  phrases: Term[];
  /** Answers read, and answers there are. */
  read: number;
  total: number;
}

// Working the terms out takes a few hundred milliseconds for 5,000 answers (splitting words is
// most of it), so the result is kept per question until its answers change: a new answer moves
// the highest id, an exclusion or restore the count.
const cache = new WeakMap<Db, Map<number, { key: string; value: FrequentTerms }>>();

export async function frequentTerms(db: Db, questionId: number): Promise<FrequentTerms> {
  // Redacted answers (retention) hold no words; leaving them out also moves the key when they are redacted.
  const state = await codableAnswers(db, questionId)
    .where('answers.value_text', '!=', REDACTED_TEXT)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('answers.id').as('last')])
    .executeTakeFirstOrThrow();
  const key = `${state.n}:${state.last ?? 0}`;
  let perQuestion = cache.get(db);
  if (!perQuestion) cache.set(db, (perQuestion = new Map()));
  const cached = perQuestion.get(questionId);
  if (cached?.key === key) return cached.value;
  const rows = await codableAnswers(db, questionId)
    .where('answers.value_text', '!=', REDACTED_TEXT)
    .select(['answers.value_text', 'responses.locale'])
    .orderBy('answers.id', 'desc')
    .limit(TERMS_SAMPLE)
    .execute();
  const { terms, phrases } = extractTerms(rows.map((r) => ({ text: r.value_text ?? '', locale: r.locale })));
  const value = { terms, phrases, read: rows.length, total: Number(state.n) };
  perQuestion.set(questionId, { key, value });
  return value;
}

/**
 * Term counts as the page may show them: through protectTable, the one disclosure rule, as a
 * one-column table of the answers read. A term in fewer answers than the threshold is shown
 * as "fewer than 10".
 */
export function protectTermCounts(terms: readonly Term[], read: number, threshold: number): Cell[] {
  if (terms.length === 0) return [];
  const counts = terms.map((t) => t.count);
  return protectTable({ cells: counts.map((c) => [c]), rowTotals: counts, columnTotals: [read], grandTotal: read }, threshold).cells.map((row) => row[0]!);
}
