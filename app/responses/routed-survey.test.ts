import { parseWithZod } from '@conform-to/zod/v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { ConsultationDef } from '~/consultations/definition';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { createTestDb } from '../../tests/db';
import { createRoutedConsultation, EXIT_TEXT } from '../../tests/routed-consultation';
import { routedSubmission, submissionSchema } from './form-schema';
import { previewRoutes } from './preview/preview-route';
import { DEFAULT_SAFEGUARDING_AGES, mayAsk } from './safeguarding';
import { findStep, stepsOf } from './steps';
import { submitResponse } from './submit.server';
import { planStepPost } from './survey.server';

// The resident form on a real database, following each person's own route (routing.ts).

let db: Db;
let destroy: () => Promise<void>;
let def: ConsultationDef;
const adult = mayAsk('25_34', DEFAULT_SAFEGUARDING_AGES);

// A: no business, not affected (sections 1, 3, 5). B: business, affected (every section).
const A = { 'q-live': 'yes', 'q-business': 'no', 'q-covid': 'not_affected', 'q-views': 'Buses.' };
const B = {
  'q-live': 'yes',
  'q-business': 'yes',
  'q-size': 'small',
  'q-covid': 'affected',
  'q-how': 'Closed for months.',
  'q-help': 'no',
  'q-views': 'Rates.',
};

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  const id = await createRoutedConsultation(db, 'routed');
  const row = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  def = await loadConsultationDefinition(db, row, 'en');
});
afterAll(() => destroy());

const ids = (values: Record<string, unknown>) => stepsOf(def, adult, values).map((s) => s.id);
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  data.append('idempotencyKey', `key-${Math.random()}`);
  return data;
};

async function stored(reference: string) {
  const response = await db.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  const keys = (table: 'answers' | 'not_asked') =>
    db
      .selectFrom(table)
      .innerJoin('questions', 'questions.id', `${table}.question_id`)
      .select('questions.key')
      .where(`${table}.response_id`, '=', response.id)
      .execute()
      .then((rows) => [...new Set(rows.map((r) => r.key))].sort());
  return { answered: await keys('answers'), notAsked: await keys('not_asked') };
}

/** What the check page does with a post: route it, check what that route asks, store. */
async function send(values: Record<string, string>) {
  const { route, formData } = routedSubmission(def.sections, form(values));
  const submission = parseWithZod(formData, { schema: submissionSchema(def.sections, null, DEFAULT_SAFEGUARDING_AGES, route) });
  if (submission.status !== 'success') return { errors: submission.error, exit: route.exit };
  const { reference } = await submitResponse(db, def, submission.value, {
    idempotencyKey: String(submission.value.idempotencyKey),
    locale: 'en',
    channel: 'online',
    draftToken: null,
    now: new Date(),
  });
  return { reference, exit: route.exit };
}

describe('the steps a person sees', () => {
  it('are the sections on their own route, counted for them', () => {
    expect(ids(A)).toEqual(['1', '3', '5', 'your-words']);
    expect(ids(B)).toEqual(['1', '2', '3', '4', '5', 'your-words']);
    expect(findStep(def, '3', adult, A)).toMatchObject({ number: 2, total: 4, previous: { id: '1' }, next: { id: '5' } });
    expect(findStep(def, '3', adult, B)).toMatchObject({ number: 3, total: 6, previous: { id: '2' }, next: { id: '4' } });
    // Section 2 is not on A's route, so it is not one of their pages.
    expect(findStep(def, '2', adult, A)).toBeNull();
  });

  it('count by what is known so far before the deciding answers are given', () => {
    expect(ids({})).toEqual(['1', '3', '4', '5', 'your-words']);
    expect(ids({ 'q-business': 'yes' })).toEqual(['1', '2', '3', '4', '5', 'your-words']);
  });

  it('ask a question only when all the earlier answers it needs match', () => {
    const section4 = (values: Record<string, unknown>) => {
      const step = findStep(def, '4', adult, values)?.step;
      return step?.kind === 'section' ? step.section.questions.map((q) => q.key) : null;
    };
    expect(section4(B)).toEqual(['how', 'help']);
    expect(section4({ ...A, 'q-covid': 'affected' })).toEqual(['how']);
    expect(section4(A)).toBeNull();
  });

  it('end at the exit page, with its own words, when an answer ends the survey', () => {
    const steps = stepsOf(def, adult, { 'q-live': 'no' });
    expect(steps.map((s) => s.id)).toEqual(['1', 'exit']);
    expect(steps[1]).toMatchObject({ kind: 'exit', exitText: EXIT_TEXT, from: '1', question: { key: 'live' } });
    expect(findStep(def, '1', adult, { 'q-live': 'no' })).toMatchObject({ number: 1, total: 1, next: { id: 'exit' } });
  });
});

describe('a submission', () => {
  it('stores answers only to the questions its route asked, and the rest as not asked', async () => {
    const a = await send(A);
    expect(await stored(a.reference!)).toEqual({ answered: ['business', 'covid', 'live', 'views'], notAsked: ['help', 'how', 'size'] });
    const b = await send(B);
    expect(await stored(b.reference!)).toEqual({ answered: ['business', 'covid', 'help', 'how', 'live', 'size', 'views'], notAsked: [] });
  });

  it('does not block on a required question the route passed by', async () => {
    // "size" and "how" are required, but A is never asked them.
    const a = await send({ ...A, 'q-views': '' });
    expect(a.reference).toBeDefined();
    // B is asked "how", so leaving it out is a problem.
    const { 'q-how': _how, ...withoutHow } = B;
    expect((await send(withoutHow)).errors).toMatchObject({ 'q-how': ['enterText'] });
  });

  it('drops, never stores, answers to questions its route passes by (a tampered or stale post)', async () => {
    const tampered = await send({ ...A, 'q-size': 'large', 'q-how': 'Made up.', 'q-help': 'yes' });
    expect(await stored(tampered.reference!)).toEqual({ answered: ['business', 'covid', 'live', 'views'], notAsked: ['help', 'how', 'size'] });
  });

  it('is not sent when its answers end the survey', () => {
    const { route } = routedSubmission(def.sections, form({ 'q-live': 'no', 'q-business': 'yes' }));
    expect(route.exit).toBe('live');
  });
});

describe('changing an answer', () => {
  const base = {
    def: null as unknown as ConsultationDef,
    may: adult,
    goingBack: false,
    confirmed: false,
    pending: [] as string[],
  };

  it('names the answers it would remove before removing them, then goes back to check', () => {
    const change = {
      ...base,
      def,
      stepId: '1',
      before: B,
      stepFields: ['q-live', 'q-business'],
      posted: { 'q-live': 'yes', 'q-business': 'no' },
      returnToCheck: true,
    };
    expect(planStepPost(change)).toEqual({
      kind: 'confirm',
      dropped: [
        { key: 'size', text: 'How big is it?' },
        { key: 'help', text: 'Did your business get help?' },
      ],
    });
    const confirmed = planStepPost({ ...change, confirmed: true });
    expect(confirmed).toMatchObject({ kind: 'save', to: '/consultations/routed/check' });
    expect(confirmed.kind === 'save' && confirmed.fields).toEqual(expect.arrayContaining(['q-size', 'q-help', 'q-help-other']));
  });

  it('asks the questions that now apply before going back to check', () => {
    const change = {
      ...base,
      def,
      stepId: '1',
      before: A,
      stepFields: ['q-live', 'q-business'],
      posted: { 'q-live': 'yes', 'q-business': 'yes' },
      returnToCheck: true,
    };
    expect(planStepPost(change)).toMatchObject({ kind: 'save', to: '/consultations/routed/answer/2?return=check' });
    const covid = {
      ...change,
      stepId: '3',
      before: { ...A, 'q-business': 'yes', 'q-size': 'small' },
      stepFields: ['q-covid'],
      posted: { 'q-covid': 'affected' },
    };
    expect(planStepPost(covid)).toMatchObject({ kind: 'save', to: '/consultations/routed/answer/4?return=check' });
    // Two sections opened by one change are both shown, one after the other.
    expect(
      planStepPost({
        ...change,
        pending: ['4'],
        stepId: '2',
        stepFields: ['q-size'],
        posted: { 'q-size': 'small' },
        before: { ...A, 'q-business': 'yes', 'q-covid': 'affected' },
      }),
    ).toMatchObject({
      kind: 'save',
      to: '/consultations/routed/answer/4?return=check',
    });
  });

  it('goes to the exit page when the new answer ends the survey', () => {
    const change = {
      ...base,
      def,
      stepId: '1',
      before: A,
      stepFields: ['q-live', 'q-business'],
      posted: { 'q-live': 'no', 'q-business': 'no' },
      returnToCheck: false,
    };
    // Leaving the survey drops the answers after it, so it asks first.
    expect(planStepPost(change)).toMatchObject({ kind: 'confirm' });
    expect(planStepPost({ ...change, confirmed: true })).toMatchObject({ kind: 'save', to: '/consultations/routed/answer/exit' });
  });
});

describe('the preview', () => {
  it('lists every route with the answers that take it', () => {
    const { routes, complete } = previewRoutes(def);
    expect(complete).toBe(true);
    const described = routes.map(
      (r) => `${r.answers.map((a) => `${a.question}=${a.options.join('+')}`).join(' ')}: ${r.sections.join(',')}${r.exit ? ' exit' : ''}`,
    );
    expect(described).toEqual(
      expect.arrayContaining([
        'live=yes business=no covid=not_affected: 1,3,5',
        'live=yes business=no covid=affected: 1,3,4,5',
        'live=yes business=yes covid=affected: 1,2,3,4,5',
        'live=no business=yes: 1 exit',
      ]),
    );
    expect(new Set(described).size).toBe(routes.length);
  });
});
