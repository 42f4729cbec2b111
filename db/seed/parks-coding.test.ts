import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE_THRESHOLD } from '../../app/analysis/disclosure';
import { createTestDb } from '../../tests/db';
import type { Db } from '../connection';
import { seedDemo } from './index';
import { DEMO_CODER } from './parks-coding';

// The published parks consultation as finished officer work: a codebook, its answers in words
// coded by a demo account that cannot sign in, every theme counted above the disclosure
// threshold, and quotes for every theme from people who may be quoted. The same on every run.

const TODAY = new Date('2026-11-22T10:30:00Z');

async function demo(): Promise<{ db: Db; destroy: () => Promise<void> }> {
  const test = await createTestDb();
  await seedDemo(test.db, { today: TODAY, responses: 200 });
  return test;
}

const parksId = async (db: Db) => (await db.selectFrom('consultations').select('id').where('slug', '=', 'parks-and-green-spaces').executeTakeFirstOrThrow()).id;

const codingsOf = (db: Db) =>
  db
    .selectFrom('codings as c')
    .innerJoin('consultations', 'consultations.id', 'c.consultation_id')
    .innerJoin('questions as q', 'q.id', 'c.question_id')
    .leftJoin('coding_themes as ct', (join) => join.onRef('ct.answer_id', '=', 'c.answer_id').onRef('ct.coder_id', '=', 'c.coder_id'))
    .leftJoin('codebook_themes as t', 't.id', 'ct.theme_id')
    .select(['consultations.slug', 'q.key as question', 'c.answer_id', 'c.coder_id', 't.key as theme'])
    .orderBy('c.answer_id')
    .orderBy('t.position')
    .execute();

const themeQuotesOf = (db: Db) =>
  db
    .selectFrom('quotes')
    .innerJoin('codebook_themes as t', 't.id', 'quotes.theme_id')
    .innerJoin('answers', 'answers.id', 'quotes.answer_id')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select([
      't.key as theme',
      'quotes.text',
      'quotes.answer_id',
      'quotes.consultation_id',
      'answers.value_text',
      'responses.reference',
      'responses.status',
      'responses.quote_consent',
      'responses.never_attribute',
      'responses.consultation_id as response_consultation',
    ])
    .orderBy('quotes.id')
    .execute();

describe('the demo parks coding', () => {
  let first: Awaited<ReturnType<typeof demo>>;
  let second: Awaited<ReturnType<typeof demo>>;
  beforeAll(async () => {
    first = await demo();
    second = await demo();
  }, 120_000);
  afterAll(async () => {
    await first?.destroy();
    await second?.destroy();
  });

  it('gives parks a codebook of 5 to 7 described themes, most linked to a priority', async () => {
    const themes = await first.db
      .selectFrom('codebook_themes')
      .selectAll()
      .where('consultation_id', '=', await parksId(first.db))
      .orderBy('position')
      .execute();
    expect(themes.length).toBeGreaterThanOrEqual(5);
    expect(themes.length).toBeLessThanOrEqual(7);
    expect(themes.every((t) => t.description.length > 20 && t.keywords.split('\n').length >= 3)).toBe(true);
    expect(themes.filter((t) => t.priority_id !== null).length).toBeGreaterThan(themes.length / 2);
  });

  it('codes most parks comments, one coding per answer by a demo account that cannot sign in, and nothing else', async () => {
    const rows = await codingsOf(first.db);
    expect(new Set(rows.map((r) => `${r.slug}/${r.question}`))).toEqual(new Set(['parks-and-green-spaces/park_comments']));

    const codable = await first.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .select('answers.id')
      .where('responses.consultation_id', '=', await parksId(first.db))
      .where('questions.key', '=', 'park_comments')
      .where('responses.status', '=', 'counted')
      .where('answers.value_text', '!=', '')
      .execute();
    expect(codable.length).toBeGreaterThan(50);
    const coded = new Set(rows.map((r) => r.answer_id));
    const withTheme = new Set(rows.filter((r) => r.theme).map((r) => r.answer_id));
    expect(coded.size).toBe(codable.length);
    expect(withTheme.size / codable.length).toBeGreaterThan(0.9);

    const coders = new Set(rows.map((r) => r.coder_id));
    expect(coders.size).toBe(1);
    const coder = await first.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', [...coders][0]!)
      .executeTakeFirstOrThrow();
    expect(coder).toMatchObject({ email: DEMO_CODER.email, name: 'Demo data (coded by the seed)', status: 'disabled', password_hash: null });
    expect(await first.db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it(`counts every theme at least ${DEFAULT_DISCLOSURE_THRESHOLD} times, so none is suppressed`, async () => {
    const themes = await first.db
      .selectFrom('codebook_themes')
      .select('key')
      .where('consultation_id', '=', await parksId(first.db))
      .execute();
    const counts = new Map<string, number>();
    for (const row of await codingsOf(first.db)) if (row.theme) counts.set(row.theme, (counts.get(row.theme) ?? 0) + 1);
    for (const { key } of themes) expect(counts.get(key) ?? 0, key).toBeGreaterThanOrEqual(DEFAULT_DISCLOSURE_THRESHOLD);
  });

  it('quotes every theme from consenting, counted people over 13, in sentences of answers coded with it', async () => {
    const quotes = await themeQuotesOf(first.db);
    const themes = await first.db
      .selectFrom('codebook_themes')
      .select('key')
      .where('consultation_id', '=', await parksId(first.db))
      .execute();
    expect(new Set(quotes.map((q) => q.theme))).toEqual(new Set(themes.map((t) => t.key)));
    const codings = await codingsOf(first.db);
    for (const quote of quotes) {
      expect(quote).toMatchObject({ status: 'counted', quote_consent: 1, never_attribute: 0 });
      expect(quote.response_consultation).toBe(quote.consultation_id);
      expect(quote.value_text).toContain(quote.text);
      expect(codings).toContainEqual(expect.objectContaining({ answer_id: quote.answer_id, theme: quote.theme }));
    }
  });

  it('is the same on every run', async () => {
    const coding = async (db: Db) => {
      const references = new Map(
        (
          await db.selectFrom('answers').innerJoin('responses', 'responses.id', 'answers.response_id').select(['answers.id', 'responses.reference']).execute()
        ).map((a) => [a.id, a.reference]),
      );
      return {
        codings: (await codingsOf(db)).map((r) => [references.get(r.answer_id), r.theme]),
        quotes: (await themeQuotesOf(db)).map((q) => [q.theme, q.reference, q.text]),
      };
    };
    expect(await coding(first.db)).toEqual(await coding(second.db));
  });
});
