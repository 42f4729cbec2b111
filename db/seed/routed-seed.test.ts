import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routablePages } from '../../app/consultations/definition';
import { loadConsultationDefinition } from '../../app/consultations/definition.server';
import { checkRouting, parseShowIf, routeOf, type RoutablePage } from '../../app/consultations/routing';
import { createTestDb } from '../../tests/db';
import type { Db } from '../connection';
import { seedDemo } from './index';

// The seeded demo's responses obey their own route (issue 17), on SQLite and, in the data layer's
// second run, PostgreSQL: a question a response's answers route past has no answer rows and
// exactly one not_asked row; every question the route asks has none. Checked against the routing
// the app reads back from the database, not the seed's own plan.

const TODAY = new Date('2026-11-22T10:30:00Z');
const SLUG = 'one-stockport-conversation';

let test: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let consultationId: number;
let questionKey: Map<number, string>;
let optionKey: Map<number, string>;
let answersOf: Map<number, { question_id: number; option_id: number | null }[]>;
let notAskedOf: Map<number, Set<number>>;
let responses: { id: number; respondent_group: string }[];

beforeAll(async () => {
  test = await createTestDb();
  db = test.db;
  await seedDemo(db, { responses: 800, seed: 17, today: TODAY });
  const consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', SLUG).executeTakeFirstOrThrow();
  consultationId = consultation.id;
  const questions = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', consultationId).execute();
  questionKey = new Map(questions.map((q) => [q.id, q.key]));
  const options = await db
    .selectFrom('options')
    .select(['id', 'key'])
    .where(
      'question_id',
      'in',
      questions.map((q) => q.id),
    )
    .execute();
  optionKey = new Map(options.map((o) => [o.id, o.key]));
  responses = await db.selectFrom('responses').select(['id', 'respondent_group']).where('consultation_id', '=', consultationId).orderBy('id').execute();
  answersOf = new Map();
  for (const a of await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.response_id', 'answers.question_id', 'answers.option_id'])
    .where('responses.consultation_id', '=', consultationId)
    .execute())
    answersOf.set(a.response_id, [...(answersOf.get(a.response_id) ?? []), a]);
  notAskedOf = new Map();
  for (const n of await db.selectFrom('not_asked').selectAll().execute())
    notAskedOf.set(n.response_id, new Set([...(notAskedOf.get(n.response_id) ?? []), n.question_id]));
}, 120_000);
afterAll(() => test.destroy());

const keyOf = (id: number) => questionKey.get(id) ?? `#${id}`;
const keysOf = (ids: Iterable<number>) => [...ids].map(keyOf).sort();

function chosenFrom(responseId: number) {
  const byQuestion = new Map<string, string[]>();
  for (const a of answersOf.get(responseId) ?? []) {
    if (a.option_id === null) continue;
    const key = keyOf(a.question_id);
    byQuestion.set(key, [...(byQuestion.get(key) ?? []), optionKey.get(a.option_id)!]);
  }
  return (key: string) => byQuestion.get(key) ?? [];
}

/** The young people's version as routing sees it: each item a page, answered by youth option keys. */
async function youthPages(): Promise<{ pages: RoutablePage[]; itemQuestion: Map<string, number>; youthKeys: Map<string, Map<number, string>> }> {
  const items = await db.selectFrom('youth_items').selectAll().where('consultation_id', '=', consultationId).orderBy('position').execute();
  const options = await db
    .selectFrom('youth_options')
    .selectAll()
    .where(
      'youth_item_id',
      'in',
      items.map((i) => i.id),
    )
    .orderBy('position')
    .execute();
  const pages = items.map((item) => ({
    key: item.key,
    showIf: parseShowIf(item.show_if),
    questions: [
      {
        key: item.key,
        single: ['single_choice', 'yes_no', 'agree_scale'].includes(item.kind),
        options: options.filter((o) => o.youth_item_id === item.id).map((o) => ({ key: o.key, goesTo: o.goes_to })),
      },
    ],
  }));
  const youthKeys = new Map(items.map((item) => [item.key, new Map(options.filter((o) => o.youth_item_id === item.id).map((o) => [o.option_id, o.key]))]));
  return { pages, itemQuestion: new Map(items.map((i) => [i.key, i.question_id])), youthKeys };
}

describe('the seeded One Stockport conversation, routed', () => {
  it('has routing the builder accepts, on both forms', async () => {
    const consultation = await db.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow();
    const def = await loadConsultationDefinition(db, consultation, 'en');
    const pages = routablePages(def);
    expect(pages.filter((p) => p.showIf).map((p) => p.key)).toEqual(['covid_effects', 'business']);
    expect(checkRouting(pages)).toEqual([]);
    const youth = await youthPages();
    expect(youth.pages.filter((p) => p.showIf).map((p) => p.key)).toEqual(['covid_effects']);
    expect(checkRouting(youth.pages)).toEqual([]);
  });

  it("stores for each adult exactly their own route's not-asked questions, and no answer to any of them", async () => {
    const consultation = await db.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow();
    const pages = routablePages(await loadConsultationDefinition(db, consultation, 'en'));
    const idOf = new Map([...questionKey].map(([id, key]) => [key, id]));
    const adults = responses.filter((r) => r.respondent_group !== 'young_person');
    expect(adults.length).toBeGreaterThan(400);
    for (const r of adults) {
      const route = routeOf(pages, chosenFrom(r.id));
      const expected = route.notAsked.map((k) => idOf.get(k)!);
      expect(keysOf(notAskedOf.get(r.id) ?? []), `response ${r.id}`).toEqual(keysOf(expected));
      const answered = new Set((answersOf.get(r.id) ?? []).map((a) => a.question_id));
      expect(
        expected.filter((id) => answered.has(id)),
        `response ${r.id}`,
      ).toEqual([]);
    }
  });

  it("stores for each young person exactly their own route's not-asked questions", async () => {
    const { pages, itemQuestion, youthKeys } = await youthPages();
    const young = responses.filter((r) => r.respondent_group === 'young_person');
    expect(young.length).toBeGreaterThan(150);
    for (const r of young) {
      const answers = answersOf.get(r.id) ?? [];
      const chosen = (item: string) =>
        answers.filter((a) => a.question_id === itemQuestion.get(item) && a.option_id !== null).map((a) => youthKeys.get(item)?.get(a.option_id!) ?? '');
      const route = routeOf(pages, chosen);
      const expected = route.notAsked.map((k) => itemQuestion.get(k)!);
      expect(keysOf(notAskedOf.get(r.id) ?? []), `response ${r.id}`).toEqual(keysOf(expected));
      expect(answers.filter((a) => expected.includes(a.question_id)).length, `response ${r.id}`).toBe(0);
    }
  });

  it('routes about 15% of adults to the business section and most of those Covid-19 affected to its follow-up', async () => {
    const idOf = new Map([...questionKey].map(([id, key]) => [key, id]));
    const adults = responses.filter((r) => r.respondent_group !== 'young_person');
    const asked = (key: string) => adults.filter((r) => !notAskedOf.get(r.id)?.has(idOf.get(key)!)).length / adults.length;
    expect(asked('org_kind')).toBeGreaterThan(0.1);
    expect(asked('org_kind')).toBeLessThan(0.2);
    expect(asked('org_recovered')).toBeCloseTo(asked('org_kind'), 5);
    expect(asked('covid_effects')).toBeGreaterThan(0.55);
    expect(asked('covid_effects')).toBeLessThan(0.75);
    // Everyone is asked what they always were.
    expect(asked('best_thing')).toBe(1);
    expect(asked('covid_story')).toBe(1);
  });

  it("asks the young people's Covid-19 follow-up only of those who say Covid changed things: about 60% of them", async () => {
    const idOf = new Map([...questionKey].map(([id, key]) => [key, id]));
    const young = responses.filter((r) => r.respondent_group === 'young_person');
    const askedEffects = young.filter((r) => !notAskedOf.get(r.id)?.has(idOf.get('covid_effects')!));
    expect(askedEffects.length / young.length).toBeGreaterThan(0.45);
    expect(askedEffects.length / young.length).toBeLessThan(0.75);
    const saidYes = (r: { id: number }) => chosenFrom(r.id)('covid_affected').includes('yes');
    expect(askedEffects.every(saidYes)).toBe(true);
    expect(young.filter((r) => !askedEffects.includes(r)).some(saidYes)).toBe(false);
  });

  it('never stores an answer and a not-asked row for the same question, nor not-asked rows for unrouted consultations', async () => {
    const both = await db
      .selectFrom('not_asked')
      .innerJoin('answers', (join) =>
        join.onRef('answers.response_id', '=', 'not_asked.response_id').onRef('answers.question_id', '=', 'not_asked.question_id'),
      )
      .select('not_asked.response_id')
      .execute();
    expect(both).toEqual([]);
    const elsewhere = await db
      .selectFrom('not_asked')
      .innerJoin('responses', 'responses.id', 'not_asked.response_id')
      .select('responses.id')
      .where('responses.consultation_id', '!=', consultationId)
      .execute();
    expect(elsewhere).toEqual([]);
  });
});
