import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestThemes } from '../../app/coding/suggest';
import { textLanguageOf } from '../../app/coding/text';
import { createTestDb } from '../../tests/db';
import type { Db } from '../connection';
import { seedDemo } from './index';

// The demo's codebook: themes with keywords that actually find the generated answers, linked to
// priorities, the One Stockport conversation's answers left for officers to code, and a pilot
// sample that is the same on every run. (The parks codebook and its coding: parks-coding.test.ts.)

const TODAY = new Date('2026-11-22T10:30:00Z');

async function demo(): Promise<{ db: Db; destroy: () => Promise<void> }> {
  const test = await createTestDb();
  await seedDemo(test.db, { today: TODAY, responses: 400 });
  return test;
}

describe('the demo codebook', () => {
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

  const themesOf = (db: Db, slug = 'one-stockport-conversation') =>
    db
      .selectFrom('codebook_themes as t')
      .innerJoin('consultations as c', 'c.id', 't.consultation_id')
      .leftJoin('priorities as p', 'p.id', 't.priority_id')
      .select(['c.slug', 't.id', 't.key', 't.keywords', 'p.key as priority'])
      .where('c.slug', '=', slug)
      .orderBy('t.position')
      .execute();

  it('gives the One Stockport conversation and the published parks consultation their themes, and codes none of the conversation', async () => {
    const all = await first.db.selectFrom('codebook_themes as t').innerJoin('consultations as c', 'c.id', 't.consultation_id').select('c.slug').execute();
    expect(new Set(all.map((t) => t.slug))).toEqual(new Set(['one-stockport-conversation', 'parks-and-green-spaces']));
    const themes = await themesOf(first.db);
    expect(themes.length).toBeGreaterThanOrEqual(8);
    expect(themes.filter((t) => t.priority).length).toBeGreaterThan(themes.length / 2);
    expect(themes.some((t) => !t.priority)).toBe(true);
    expect(themes.every((t) => t.keywords.split('\n').length >= 3)).toBe(true);
    const conversation = await first.db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow();
    expect(await first.db.selectFrom('codings').selectAll().where('consultation_id', '=', conversation.id).execute()).toEqual([]);
  });

  it('has keywords that suggest a theme for most answers in words, in every language', async () => {
    const themes = await themesOf(first.db);
    const answers = await first.db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select(['answers.value_text', 'responses.locale', 'questions.key'])
      .where('questions.key', 'in', ['proud_words', 'covid_story'])
      .where(
        'responses.consultation_id',
        '=',
        (await first.db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow()).id,
      )
      .execute();
    expect(answers.length).toBeGreaterThan(100);
    const suggested = answers.filter((a) => suggestThemes(a.value_text ?? '', textLanguageOf(a.locale), themes).length > 0);
    expect(suggested.length / answers.length).toBeGreaterThan(0.6);
    for (const locale of ['pl', 'ur']) {
      const theirs = answers.filter((a) => a.locale === locale);
      if (theirs.length)
        expect(
          theirs.some((a) => suggestThemes(a.value_text ?? '', textLanguageOf(locale), themes).length > 0),
          locale,
        ).toBe(true);
    }
  });

  it('is the same on every run, pilot sample included', async () => {
    const sample = async (db: Db) => ({
      themes: [...(await themesOf(db)), ...(await themesOf(db, 'parks-and-green-spaces'))].map((t) => [t.key, t.priority, t.keywords]),
      samples: await db.selectFrom('coding_samples').select(['name', 'question_id']).execute(),
      answers: (await db.selectFrom('coding_sample_answers').select('answer_id').orderBy('answer_id').execute()).map((r) => r.answer_id),
    });
    const a = await sample(first.db);
    expect(a.answers).toHaveLength(30);
    expect(a).toEqual(await sample(second.db));
  });
});
