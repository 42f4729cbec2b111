import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../tests/db';
import type { Db } from '../connection';
import { seedDemo } from './index';

const TODAY = new Date('2026-11-22T10:30:00Z');
const opened: Awaited<ReturnType<typeof createTestDb>>[] = [];
afterAll(async () => {
  for (const test of opened) await test.destroy();
});

async function seeded(): Promise<Db> {
  const test = await createTestDb();
  opened.push(test);
  await seedDemo(test.db, { today: TODAY, responses: 600 });
  return test.db;
}

const quotesOf = (db: Db) =>
  db
    .selectFrom('quotes')
    .innerJoin('answers', 'answers.id', 'quotes.answer_id')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select([
      'quotes.consultation_id',
      'quotes.priority_id',
      'quotes.theme_id',
      'quotes.text',
      'answers.value_text',
      'responses.reference',
      'responses.status',
      'responses.quote_consent',
      'responses.never_attribute',
      'responses.consultation_id as response_consultation',
    ])
    .orderBy('quotes.id')
    .execute();

describe('the demo quotes', () => {
  it(
    'quote only consenting, counted people over 13, in unbroken parts of their answers, for priorities ' +
      'their consultation is linked to, the same every time',
    async () => {
      const [first, second] = [await seeded(), await seeded()];
      const quotes = await quotesOf(first);
      expect(quotes.length).toBeGreaterThan(5);
      const links = await first.selectFrom('consultation_priorities').selectAll().execute();
      const themes = await first.selectFrom('codebook_themes').select(['id', 'consultation_id']).execute();
      for (const quote of quotes) {
        expect(quote).toMatchObject({ status: 'counted', quote_consent: 1, never_attribute: 0 });
        expect(quote.response_consultation).toBe(quote.consultation_id);
        expect(quote.value_text).toContain(quote.text);
        // Picked for a priority the consultation is linked to, or for a theme of its codebook.
        if (quote.theme_id === null) expect(links).toContainEqual({ consultation_id: quote.consultation_id, priority_id: quote.priority_id });
        else expect(themes).toContainEqual({ id: quote.theme_id, consultation_id: quote.consultation_id });
      }
      expect(quotes.some((q) => q.theme_id === null)).toBe(true);
      expect(quotes.some((q) => q.theme_id !== null)).toBe(true);
      expect((await quotesOf(second)).map((q) => [q.reference, q.text])).toEqual(quotes.map((q) => [q.reference, q.text]));
    },
  );
});
