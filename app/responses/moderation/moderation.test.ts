import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { User } from '#db/schema';
import { createRateLimits } from '~/auth/rate-limit.server';
import { insertActiveUser } from '~/auth/users.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { countResponsesByStatus } from '~/responses/counts.server';
import { countCounted, whereCounted } from '~/responses/counted.server';
import { submitResponse } from '~/responses/submit.server';
import { createTestDb } from '../../../tests/db';
import { createConsultation } from '../../../tests/factories';
import { floodReport } from './floods.server';
import { HONEYPOT_FIELD } from './honeypot';
import { listResponses, PAGE_SIZE } from './list.server';
import { releaseSubmission, screenAndStore, screenSubmission, storeCounted } from './submission-guard.server';
import { findResponseForReview } from './response.server';
import { statusChangeSchema } from './schemas';
import { changeResponseStatus } from './status.server';

let db: Db;
let destroy: () => Promise<void>;
let officer: User;
let consultationId: number;
const HOUR = 60 * 60 * 1000;
const NOW = new Date('2026-11-22T12:30:00Z');

async function addResponses(n: number, at: (i: number) => Date, channel = 'online'): Promise<number[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    consultation_id: consultationId,
    reference: `R${Math.random().toString(36).slice(2, 12)}`,
    idempotency_key: `k-${Math.random().toString(36).slice(2)}`,
    channel,
    respondent_group: 'resident',
    locale: 'en',
    submitted_at: at(i).toISOString(),
  }));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await db
      .insertInto('responses')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  officer = await insertActiveUser(db, { email: 'officer@stockport.gov.uk', name: 'Olive Officer', role: 'officer', password: 'correct horse battery staple' });
  consultationId = await createConsultation(db, {
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'colour', kind: 'single_choice', text: 'Favourite colour?', options: ['red', 'green'], otherOption: 'other' },
          { key: 'top', kind: 'ranking', text: 'Rank these', options: ['p1', 'p2', 'p3'], rankCount: 3 },
          { key: 'story', kind: 'long_text', text: 'Tell us more' },
        ],
      },
    ],
  });
});
afterAll(() => destroy());

describe('marking a response as spam and restoring it', () => {
  it('stores the status and reason, writes an audit entry, and takes it out of every count until restored', async () => {
    const [id] = await addResponses(3, (i) => new Date(NOW.getTime() - i * HOUR));
    const before = await countResponsesByStatus(db, consultationId);

    const excluded = await changeResponseStatus(db, officer, { consultationId, responseId: id!, status: 'spam', reason: 'Gibberish, posted by a script' }, NOW);
    expect(excluded).toEqual({ ok: true, status: 'spam' });
    const row = await db.selectFrom('responses').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'spam',
      status_reason: 'Gibberish, posted by a script',
      status_changed_at: NOW.toISOString(),
      status_changed_by: officer.id,
    });
    const after = await countResponsesByStatus(db, consultationId);
    expect(after.counted).toBe(before.counted - 1);
    expect(after.byStatus.spam).toBe(before.byStatus.spam + 1);
    expect(await countCounted(db, consultationId)).toBe(after.counted);
    const audit = await db.selectFrom('audit_events').selectAll().where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'response.exclude',
      entity_type: 'response',
      consultation_id: consultationId,
      user_id: officer.id,
      reason: 'Gibberish, posted by a script',
    });
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ status: 'counted' });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ status: 'spam' });

    expect(await changeResponseStatus(db, officer, { consultationId, responseId: id!, status: 'spam', reason: 'again' }, NOW)).toEqual({
      ok: false,
      reason: 'unchanged',
    });

    await changeResponseStatus(db, officer, { consultationId, responseId: id!, status: 'counted', reason: 'A real resident after all' }, NOW);
    expect((await countResponsesByStatus(db, consultationId)).counted).toBe(before.counted);
    const restore = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', String(id))
      .where('action', '=', 'response.restore')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(restore.before_json!)).toMatchObject({ status: 'spam' });
    expect(JSON.parse(restore.after_json!)).toMatchObject({ status: 'counted' });
  });

  it('refuses a change without a reason, with a message code the page shows', () => {
    const missing = statusChangeSchema.safeParse({ intent: 'exclude', status: 'spam', reason: '   ' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.message)).toEqual(['moderation:reasonMissing']);
    const restore = statusChangeSchema.safeParse({ intent: 'restore' });
    expect(restore.error?.issues.map((i) => i.message)).toEqual(['moderation:reasonMissing']);
    expect(statusChangeSchema.safeParse({ intent: 'exclude', status: 'deleted', reason: 'x' }).success).toBe(false);
  });

  it('whereCounted keeps excluded responses out of a query of answers too', async () => {
    const [a, b] = await addResponses(2, () => NOW);
    const questionId = (await db.selectFrom('questions').select('id').where('key', '=', 'story').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('answers')
      .values([a!, b!].map((response_id) => ({ response_id, question_id: questionId, value_text: 'words' })))
      .execute();
    await changeResponseStatus(db, officer, { consultationId, responseId: b!, status: 'test', reason: 'Officer testing the form' }, NOW);
    const answers = await whereCounted(
      db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .select('answers.response_id')
        .where('answers.question_id', '=', questionId),
    ).execute();
    expect(answers.map((r) => r.response_id)).toEqual([a]);
  });
});

describe('one response as an officer reviews it', () => {
  it('shows each answer with its question, a ranking in order and "other" words', async () => {
    const def = await loadConsultationDefinition(
      db,
      await db.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow(),
      'en',
    );
    const values = { 'q-colour': 'other', 'q-colour-other': 'Teal', 'q-top': ['p3', 'p1'], 'q-story': 'More buses' };
    const { reference } = await submitResponse(db, def, values as never, {
      idempotencyKey: 'review-1',
      locale: 'en',
      channel: 'online',
      draftToken: null,
      now: NOW,
    });
    const { id } = await db.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    const view = await findResponseForReview(db, consultationId, id);
    expect(view?.answers.map((a) => [a.text, a.items.map((i) => [i.rank, i.label, i.text])])).toEqual([
      ['Favourite colour?', [[null, 'Other', 'Teal']]],
      [
        'Rank these',
        [
          [1, 'Label p3', null],
          [2, 'Label p1', null],
        ],
      ],
      ['Tell us more', [[null, null, 'More buses']]],
    ]);
    expect(await findResponseForReview(db, consultationId + 1000, id)).toBeNull();
  });
});

describe('the responses list', () => {
  it('pages through responses newest first and filters by status and channel, counting with the database', async () => {
    const { db: own, destroy: done } = await createTestDb();
    const saved = { db, consultationId };
    try {
      db = own;
      consultationId = await createConsultation(db);
      const officer = await insertActiveUser(db, { email: 'o@stockport.gov.uk', role: 'officer', password: 'correct horse battery staple' });
      const online = await addResponses(110, (i) => new Date(NOW.getTime() - i * 60_000));
      await addResponses(7, (i) => new Date(NOW.getTime() - (200 + i) * 60_000), 'paper');
      for (const id of online.slice(0, 3))
        await changeResponseStatus(db, officer, { consultationId, responseId: id, status: 'duplicate', reason: 'same as another' }, NOW);

      const first = await listResponses(db, consultationId, { status: 'all', channel: null, page: 1 });
      expect(first).toMatchObject({ total: 117, pages: 3, page: 1 });
      expect(first.rows).toHaveLength(PAGE_SIZE);
      expect(first.rows[0]?.id).toBe(online[0]);
      const last = await listResponses(db, consultationId, { status: 'all', channel: null, page: 3 });
      expect(last.rows).toHaveLength(17);
      expect(last.rows.at(-1)?.channel).toBe('paper');
      expect((await listResponses(db, consultationId, { status: 'all', channel: null, page: 99 })).page).toBe(3);

      expect((await listResponses(db, consultationId, { status: 'excluded', channel: null, page: 1 })).rows.map((r) => r.id)).toEqual(online.slice(0, 3));
      expect((await listResponses(db, consultationId, { status: 'counted', channel: null, page: 1 })).total).toBe(114);
      expect((await listResponses(db, consultationId, { status: 'all', channel: 'paper', page: 1 })).total).toBe(7);
      expect((await listResponses(db, consultationId, { status: 'spam', channel: 'paper', page: 1 })).total).toBe(0);
    } finally {
      ({ db, consultationId } = saved);
      await done();
    }
  });
});

describe('keeping a flood out of the public forms', () => {
  const context = (client: string, limit = 2) => ({
    db,
    limits: createRateLimits(db, { submissionsPerHour: limit }),
    request: { submissionFailed: false, client },
  });
  const blocked = (reason: string) =>
    db
      .selectFrom('blocked_submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', consultationId)
      .where('reason', '=', reason as never)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  it('turns away a filled honeypot and records it, storing nothing', async () => {
    const ctx = context('bot-1');
    const before = await blocked('honeypot');
    expect(await screenSubmission(ctx, consultationId, { [HONEYPOT_FIELD]: 'http://spam.example', idempotencyKey: 'x' }, NOW)).toEqual({
      ok: false,
      reason: 'honeypot',
    });
    expect(await blocked('honeypot')).toBe(before + 1);
    expect(await screenSubmission(ctx, consultationId, { [HONEYPOT_FIELD]: undefined, idempotencyKey: 'x' }, NOW)).toEqual({ ok: true, slot: NOW.getTime() });
  });

  it('limits stored responses per client, records each one turned away, and never counts a resend twice', async () => {
    const ctx = context('busy-client', 2);
    const before = await blocked('rate_limit');
    const screen = (key: string) => screenSubmission(ctx, consultationId, { idempotencyKey: key }, NOW);
    const first = await screen('new-0');
    expect(first.ok).toBe(true);
    await storeCounted(ctx, first, async () => ({ reference: 'R0', duplicate: false }));
    // A resend of an already stored response does not count against the limit, nor does a post
    // that failed validation and stored nothing...
    await storeCounted(ctx, await screen('new-0'), async () => ({ reference: 'R0', duplicate: true }));
    await releaseSubmission(ctx, await screen('not-valid'));
    const second = await screen('new-1');
    expect(second.ok).toBe(true);
    await storeCounted(ctx, second, async () => ({ reference: 'R1', duplicate: false }));
    const refused = await screenSubmission(ctx, consultationId, { idempotencyKey: 'new-3' }, NOW);
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limit' });
    expect(refused.ok === false && refused.reason === 'rate_limit' && refused.retryAfterMs).toBe(HOUR);
    expect(await blocked('rate_limit')).toBe(before + 1);
    // ...and is let through over the limit, since it stores nothing new.
    await db
      .insertInto('responses')
      .values({
        consultation_id: consultationId,
        reference: 'RRESEND',
        idempotency_key: 'already-there',
        channel: 'online',
        respondent_group: 'resident',
        locale: 'en',
        submitted_at: NOW.toISOString(),
      })
      .execute();
    expect(await screenSubmission(ctx, consultationId, { idempotencyKey: 'already-there' }, NOW)).toEqual({ ok: true, slot: null });
    // Another client is not affected.
    expect(
      (await screenSubmission({ ...ctx, request: { submissionFailed: false, client: 'someone-else' } }, consultationId, { idempotencyKey: 'n' }, NOW)).ok,
    ).toBe(true);
  });

  it('stores a valid post and takes its place under the limit in one go: a resend takes none, one too many stores nothing', async () => {
    const ctx = context('one-commit-client', 2);
    const def = await loadConsultationDefinition(
      db,
      await db.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow(),
      'en',
    );
    const send = (key: string) =>
      screenAndStore(ctx, consultationId, { idempotencyKey: key }, NOW, (takePlace) =>
        submitResponse(
          db,
          def,
          { 'q-colour': 'red' } as never,
          { idempotencyKey: key, locale: 'en', channel: 'online', draftToken: null, now: NOW },
          takePlace,
        ),
      );
    const stored = (key: string) =>
      db.selectFrom('responses').select('reference').where('consultation_id', '=', consultationId).where('idempotency_key', '=', key).execute();
    const before = await blocked('rate_limit');

    const first = await send('once-0');
    expect(first).toMatchObject({ ok: true, stored: { duplicate: false } });
    // The same response again: the first reference, nothing new, and its place given back.
    const again = await send('once-0');
    expect(again).toEqual({ ok: true, stored: { reference: first.ok ? first.stored.reference : '', duplicate: true } });
    expect(await send('once-1')).toMatchObject({ ok: true, stored: { duplicate: false } });
    expect(await stored('once-0')).toHaveLength(1);

    // The third new one in the hour: refused, recorded, and rolled back with the place it tried to take.
    const refused = await send('once-2');
    expect(refused).toEqual({ ok: false, reason: 'rate_limit', retryAfterMs: HOUR });
    expect(await stored('once-2')).toHaveLength(0);
    expect(await blocked('rate_limit')).toBe(before + 1);
    // A resend of a stored response still goes through over the limit, storing nothing new.
    expect(await send('once-1')).toMatchObject({ ok: true, stored: { duplicate: true } });

    // Another server (a fresh limiter, nothing remembered) counts the same places.
    const other = { ...ctx, limits: createRateLimits(db, { submissionsPerHour: 2 }) };
    const fromOther = await screenAndStore(other, consultationId, { idempotencyKey: 'once-3' }, NOW, (takePlace) =>
      submitResponse(
        db,
        def,
        { 'q-colour': 'red' } as never,
        { idempotencyKey: 'once-3', locale: 'en', channel: 'online', draftToken: null, now: NOW },
        takePlace,
      ),
    );
    expect(fromOther).toMatchObject({ ok: false, reason: 'rate_limit' });
    expect(await stored('once-3')).toHaveLength(0);
    expect(
      await screenAndStore(ctx, consultationId, { [HONEYPOT_FIELD]: 'x', idempotencyKey: 'once-4' }, NOW, () => Promise.reject(new Error('not stored'))),
    ).toEqual({
      ok: false,
      reason: 'honeypot',
    });
  });

  it('shows officers blocked submissions by reason and marks an hour far above the usual', async () => {
    const { db: own, destroy: done } = await createTestDb();
    try {
      const id = await createConsultation(own);
      const saved = { db, consultationId };
      db = own;
      consultationId = id;
      // A quiet week: one response every 3 hours; then 40 in the hour before last.
      await addResponses(56, (i) => new Date(NOW.getTime() - (3 + i * 3) * HOUR));
      await addResponses(40, (i) => new Date(NOW.getTime() - HOUR - i * 1000));
      await own
        .insertInto('blocked_submissions')
        .values([
          { consultation_id: id, reason: 'honeypot', client: 'a', at: new Date(NOW.getTime() - 2 * HOUR).toISOString() },
          { consultation_id: id, reason: 'rate_limit', client: 'a', at: new Date(NOW.getTime() - 3 * HOUR).toISOString() },
          { consultation_id: id, reason: 'rate_limit', client: 'b', at: new Date(NOW.getTime() - 3 * 24 * HOUR).toISOString() },
          { consultation_id: id, reason: 'rate_limit', client: 'c', at: new Date(NOW.getTime() - 9 * 24 * HOUR).toISOString() },
        ])
        .execute();
      const report = await floodReport(own, id, NOW);
      ({ db, consultationId } = saved);
      expect(report.blocked).toEqual({ day: { honeypot: 1, rate_limit: 1 }, week: { honeypot: 1, rate_limit: 2 } });
      expect(report.hours).toHaveLength(24);
      expect(report.hours.at(-1)?.hour).toBe('2026-11-22T12:00:00.000Z');
      const flooded = report.hours.filter((h) => h.flood);
      expect(flooded.map((h) => [h.hour, h.count])).toEqual([['2026-11-22T11:00:00.000Z', 40]]);
      expect(report.hours.reduce((sum, h) => sum + h.count, 0)).toBe(40 + 7);
    } finally {
      await done();
    }
  });
});
