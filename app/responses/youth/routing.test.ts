import { parseWithZod } from '@conform-to/zod/v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createConsultation } from '../../../tests/factories';
import { createTestDb } from '../../../tests/db';
import type { YouthDef } from '../../consultations/versions/youth-definition';
import { loadYouthDefinition } from '../../consultations/versions/youth-definition.server';
import { describeRoutingProblem, listYouthRouting, saveYouthRouting, youthRoutingAllows } from '../../consultations/versions/youth-routing.server';
import type { YouthRoutingInput } from '../../consultations/versions/youth-schema';
import { tFor } from '../../platform/i18n/i18n.server';
import { missingTranslations } from '../../consultations/builder/translation-status.server';
import { youthSubmissionSchema } from './form-schema';
import { findYouthStep, postedValues, youthItemsAdded, youthItemsDropped, youthRoute, youthStepInstead, youthSteps, youthValuesOnRoute } from './steps';
import { submitYouthResponse } from './submit.server';

// The young people's form on a real database: officers set its routing (and are refused when it
// is wrong), each young person is asked only their route, and what they were not asked is stored so.

let db: Db;
let destroy: () => Promise<void>;
let consultationId: number;
let user: { id: number; email: string };
let questionIds: Map<string, number>;

const items: { key: string; question: string; kind: 'single_choice' | 'long_text'; options?: string[] }[] = [
  { key: 'run', question: 'runs_business', kind: 'single_choice', options: ['yes', 'no'] },
  { key: 'size', question: 'business_size', kind: 'single_choice', options: ['small', 'big'] },
  { key: 'covid', question: 'covid', kind: 'single_choice', options: ['yes', 'no'] },
  { key: 'covid_how', question: 'covid_how', kind: 'long_text' },
  { key: 'stay', question: 'stay', kind: 'single_choice', options: ['stay', 'leave'] },
  { key: 'words', question: 'words', kind: 'long_text' },
];

const load = async (): Promise<YouthDef> => {
  const row = await db.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow();
  return (await loadYouthDefinition(db, row, 'en'))!;
};
const route = (over: Partial<YouthRoutingInput>): YouthRoutingInput => ({ intent: 'routing', ...over });
const itemId = async (key: string) => (await listYouthRouting(db, consultationId)).find((i) => i.key === key)!.id;
const messages = async (outcome: Awaited<ReturnType<typeof saveYouthRouting>>) => {
  if (outcome.ok) return [];
  const all = await listYouthRouting(db, consultationId);
  const t = tFor('en', 'versions');
  return typeof outcome.problems === 'string' ? [t(`routing.${outcome.problems}`)] : outcome.problems.map((p) => describeRoutingProblem(p, all, t));
};

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  consultationId = await createConsultation(db, {
    sections: [
      {
        key: 'main',
        questions: [
          ...items.map((i) => ({ key: i.question, kind: i.kind, options: i.options })),
          // Not on the young people's form at all: never "not asked" by their routing.
          { key: 'adults_only', kind: 'long_text' as const },
        ],
      },
    ],
  });
  await db.updateTable('consultations').set({ youth_code: 'routed' }).where('id', '=', consultationId).execute();
  const questions = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', consultationId).execute();
  questionIds = new Map(questions.map((q) => [q.key, q.id]));
  for (const [i, item] of items.entries()) {
    const questionId = questionIds.get(item.question)!;
    const { id } = await db
      .insertInto('youth_items')
      .values({ consultation_id: consultationId, question_id: questionId, key: item.key, position: i + 1, kind: item.kind, text: `Question ${item.key}?` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const options = await db.selectFrom('options').select(['id', 'key']).where('question_id', '=', questionId).orderBy('position').execute();
    if (options.length)
      await db
        .insertInto('youth_options')
        .values(options.map((o, p) => ({ youth_item_id: id, key: o.key, position: p + 1, label: `Answer ${o.key}`, option_id: o.id })))
        .execute();
  }
  const now = new Date().toISOString();
  user = {
    ...(await db
      .insertInto('users')
      .values({
        email: 'router@test',
        name: 'Router',
        role: 'officer',
        status: 'active',
        password_hash: null,
        created_at: now,
        updated_at: now,
        last_sign_in_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()),
    email: 'router@test',
  };
});
afterAll(() => destroy());

describe('officers setting routing on the young people’s form', () => {
  it('refuses a rule on a later question, a route back, a rule no one can meet and an exit with no words, and says why', async () => {
    const later = await saveYouthRouting(db, user, consultationId, await itemId('size'), route({ when: ['covid:yes'] }));
    expect(await messages(later)).toEqual(['“Question size?” can only depend on questions before it, but “Question covid?” is not before it.']);

    const loop = await saveYouthRouting(db, user, consultationId, await itemId('stay'), route({ routes: [{ option: 'stay', goesTo: 'run' }] }));
    expect(await messages(loop)).toEqual([
      'The answer “Answer stay” to “Question stay?” would go back to “Question run?”: answers can only skip ahead, never loop back.',
    ]);

    const noWords = await saveYouthRouting(db, user, consultationId, await itemId('stay'), route({ routes: [{ option: 'leave', goesTo: 'exit' }] }));
    expect(await messages(noWords)).toEqual(['Write the words of the exit page: an answer goes there.']);

    // "run = yes" skips past covid, so "run = yes and covid = yes" can never happen.
    expect((await saveYouthRouting(db, user, consultationId, await itemId('run'), route({ routes: [{ option: 'yes', goesTo: 'stay' }] }))).ok).toBe(true);
    const never = await saveYouthRouting(db, user, consultationId, await itemId('covid_how'), route({ when: ['run:yes', 'covid:yes'], match: 'all' }));
    expect(await messages(never)).toEqual(['No one could ever be asked “Question covid_how?”: no answers meet its rule.']);
    // Nothing refused was stored.
    const stored = await db
      .selectFrom('youth_items')
      .select(['key', 'show_if', 'exit_text'])
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .execute();
    expect(stored.filter((i) => i.key !== 'run').every((i) => i.show_if === null && i.exit_text === '')).toBe(true);
    expect((await saveYouthRouting(db, user, consultationId, await itemId('run'), route({}))).ok).toBe(true);
  });

  it('stores a good rule, routes and exit words, and the form reads them back', async () => {
    expect((await saveYouthRouting(db, user, consultationId, await itemId('size'), route({ when: ['run:yes'] }))).ok).toBe(true);
    expect((await saveYouthRouting(db, user, consultationId, await itemId('covid_how'), route({ when: ['covid:yes'] }))).ok).toBe(true);
    const exit = route({ routes: [{ option: 'leave', goesTo: 'exit' }], exitText: 'Thank you. This is only for people who stay.' });
    expect((await saveYouthRouting(db, user, consultationId, await itemId('stay'), exit)).ok).toBe(true);
    const def = await load();
    expect(def.items.find((i) => i.key === 'size')?.showIf).toEqual({ match: 'all', conditions: [{ question: 'run', options: ['yes'] }] });
    const stay = def.items.find((i) => i.key === 'stay')!;
    expect(stay.exitText).toBe('Thank you. This is only for people who stay.');
    expect(stay.options.map((o) => o.goesTo)).toEqual([null, 'exit']);
    const audit = await db.selectFrom('audit_events').select('action').where('action', '=', 'youth_item.routing').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the exit page in other languages', () => {
  it('is a text to translate like the rest, and a young person reading Polish gets the translation', async () => {
    const stay = await itemId('stay');
    const missing = await missingTranslations(db, consultationId, 'pl');
    expect(missing.some((m) => m.entityType === 'youth_item' && m.entityId === stay && m.field === 'exit_text')).toBe(true);
    await db
      .insertInto('translations')
      .values({ entity_type: 'youth_item', entity_id: stay, field: 'exit_text', locale: 'pl', value: 'Dziękujemy. To tylko dla tych, którzy zostają.' })
      .execute();
    await db
      .updateTable('consultations')
      .set({ updated_at: new Date(Date.now() + 500).toISOString() })
      .where('id', '=', consultationId)
      .execute();
    const row = await db.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow();
    const def = (await loadYouthDefinition(db, row, 'pl'))!;
    expect(def.items.find((i) => i.key === 'stay')?.exitText).toBe('Dziękujemy. To tylko dla tych, którzy zostają.');
    expect((await missingTranslations(db, consultationId, 'pl')).some((m) => m.entityId === stay && m.field === 'exit_text')).toBe(false);
  });
});

describe('moving and removing items with routing on them', () => {
  it('refuses a move or removal that would leave a rule naming a later or missing question, and allows the rest', async () => {
    expect(await youthRoutingAllows(db, consultationId, await itemId('size'), 'up')).toBe(false);
    expect(await youthRoutingAllows(db, consultationId, await itemId('run'), null)).toBe(false);
    expect(await youthRoutingAllows(db, consultationId, await itemId('words'), null)).toBe(true);
    expect(await youthRoutingAllows(db, consultationId, await itemId('covid'), 'up')).toBe(true);
  });
});

describe('a young person’s route', () => {
  it('asks only the questions their answers lead to, and counts only those', async () => {
    const def = await load();
    const noBusiness = { age_band: '13_15', 'q-run': 'no', 'q-covid': 'no' };
    expect(youthSteps(def, noBusiness).map((s) => s.id)).toEqual(['age', '1', '3', '5', '6', 'more']);
    expect(findYouthStep(def, '3', noBusiness)).toMatchObject({ number: 3, total: 5, previous: { id: '1' }, next: { id: '5' } });
    const business = { age_band: '13_15', 'q-run': 'yes', 'q-covid': 'yes' };
    expect(youthSteps(def, business).map((s) => s.id)).toEqual(['age', '1', '2', '3', '4', '5', '6', 'more']);
    expect(findYouthStep(def, '3', business)).toMatchObject({ number: 4, total: 7 });
  });

  it('sends a step off the route on to the next one on it', async () => {
    const def = await load();
    const values = { age_band: '13_15', 'q-run': 'no' };
    expect(findYouthStep(def, '2', values)).toBeNull();
    expect(youthStepInstead(def, '2', values)?.id).toBe('3');
  });

  it('ends at the exit page after an answer that goes there, with no more questions', async () => {
    const def = await load();
    const steps = youthSteps(def, { age_band: '16_17', 'q-run': 'no', 'q-covid': 'no', 'q-stay': 'leave' });
    expect(steps.map((s) => s.id)).toEqual(['age', '1', '3', '5', 'exit']);
    expect(steps.at(-1)).toMatchObject({ kind: 'exit', item: { exitText: 'Thank you. This is only for people who stay.' } });
  });

  it('knows which answers a change forgets, and which questions it adds', async () => {
    const def = await load();
    const before = { age_band: '13_15', 'q-run': 'yes', 'q-size': 'small', 'q-covid': 'no' };
    const after = { ...before, 'q-run': 'no' };
    expect(youthItemsDropped(def, before, after).map((i) => i.key)).toEqual(['size']);
    expect(youthItemsAdded(def, after, before).map((i) => i.key)).toEqual(['size']);
    expect(youthValuesOnRoute(def, after)).not.toHaveProperty('q-size');
  });
});

describe('a routed young person’s response', () => {
  const send = async (entries: [string, string][], key: string) => {
    const def = await load();
    const form = new FormData();
    for (const [k, v] of [...entries, ['idempotencyKey', key] as [string, string]]) form.append(k, v);
    const { asked } = youthRoute(def, postedValues(form));
    const submission = parseWithZod(form, { schema: youthSubmissionSchema(def, undefined, asked) });
    if (submission.status !== 'success') throw new Error(JSON.stringify(submission.error));
    const { reference } = await submitYouthResponse(db, def, submission.value, { idempotencyKey: key, locale: 'en', draftToken: null, now: new Date() });
    const { id } = await db.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    const answered = await db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .select('questions.key')
      .where('response_id', '=', id)
      .orderBy('questions.position')
      .execute();
    const notAsked = await db
      .selectFrom('not_asked')
      .innerJoin('questions', 'questions.id', 'not_asked.question_id')
      .select('questions.key')
      .where('response_id', '=', id)
      .orderBy('questions.position')
      .execute();
    return { answered: answered.map((a) => a.key), notAsked: notAsked.map((n) => n.key) };
  };

  it('stores answers to the questions asked, and the main questions behind the skipped ones as not asked', async () => {
    const stored = await send(
      [
        ['age_band', '13_15'],
        ['q-run', 'no'],
        ['q-covid', 'yes'],
        ['q-covid_how', 'We stayed home'],
        ['q-stay', 'stay'],
      ],
      'routed-1',
    );
    expect(stored).toEqual({ answered: ['runs_business', 'covid', 'covid_how', 'stay'], notAsked: ['business_size'] });
  });

  it('stores everything after an exit page as not asked, and never the questions young people are not given', async () => {
    const stored = await send(
      [
        ['age_band', '16_17'],
        ['q-run', 'yes'],
        ['q-size', 'big'],
        ['q-covid', 'no'],
        ['q-stay', 'leave'],
      ],
      'routed-2',
    );
    expect(stored).toEqual({ answered: ['runs_business', 'business_size', 'covid', 'stay'], notAsked: ['covid_how', 'words'] });
  });

  it('refuses an answer to a question the route passes by (a stale or tampered form)', async () => {
    await expect(
      send(
        [
          ['age_band', '13_15'],
          ['q-run', 'no'],
          ['q-size', 'big'],
        ],
        'routed-3',
      ),
    ).rejects.toThrow(/unexpectedField/);
  });

  it('does not require a required question the route passes by', async () => {
    await db.updateTable('youth_items').set({ required: 1 }).where('key', '=', 'size').execute();
    await db
      .updateTable('consultations')
      .set({ updated_at: new Date(Date.now() + 1000).toISOString() })
      .where('id', '=', consultationId)
      .execute();
    const stored = await send(
      [
        ['age_band', '13_15'],
        ['q-run', 'no'],
      ],
      'routed-4',
    );
    expect(stored.notAsked).toContain('business_size');
  });
});
