import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createTwoProcesses } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { comparable, summariseBySql } from '../../tests/sql-summary';
import { findConsultation } from '~/consultations/find.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { createPriority, createTheme, updatePriority } from '~/framework/editing.server';
import { frameworkRevision } from '~/framework/queries.server';
import { COMMAND_LINE } from '~/platform/audit.server';
import { startChangeFeed, type ChangeFeed } from '~/platform/change-log.server';
import { PageCache } from '~/platform/http/page-cache.server';
import { logResponseChange } from '~/responses/changes.server';
import { loadIntakeConsultation } from '~/responses/import/consultation.server';
import { importResponses } from '~/responses/import/import.server';
import { changeResponseStatus } from '~/responses/moderation/status.server';
import { insertResponse, storeResponse, type ResponseToStore } from '~/responses/submit.server';
import { analysisIndex } from './indexes.server';
import { summarise } from './summarise';

// Two app processes on one database (issue 16), played by two connections to it: each has its
// own summary indexes, page cache and framework revision, as separate processes do. What one
// changes, the other counts or shows: its summaries before it answers, its caches once the
// change feed (LISTEN/NOTIFY on PostgreSQL, polling on SQLite) delivers the change.

let a: Db;
let b: Db;
let url: string;
let destroy: () => Promise<void>;
let consultationId: number;
let pick: { questionId: number; options: number[] };
let officer: { id: number; email: string };
let sequence = 0;
const feeds: ChangeFeed[] = [];

beforeAll(async () => {
  ({ a, b, url, destroy } = await createTwoProcesses());
  await seedReference(a);
  consultationId = await createConsultation(a, {
    sections: [{ key: 's1', questions: [{ key: 'pick', kind: 'single_choice', options: ['buses', 'trams'] }] }],
  });
  const question = await a.selectFrom('questions').select('id').where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
  const options = await a.selectFrom('options').select('id').where('question_id', '=', question.id).orderBy('position').execute();
  pick = { questionId: question.id, options: options.map((o) => o.id) };
  const now = new Date().toISOString();
  officer = await a
    .insertInto('users')
    .values({ email: 'officer@example.test', role: 'officer', status: 'active', created_at: now, updated_at: now })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  for (const db of [a, b]) feeds.push(startChangeFeed(db, { databaseUrl: url, pollMs: 50 }));
});
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.stop()));
  await destroy();
});

function response(option: 0 | 1): ResponseToStore {
  return {
    consultationId,
    fields: { respondent_group: 'resident', ward_code: 'E05000784', age_band: '25_34' },
    answers: [{ question_id: pick.questionId, option_id: pick.options[option]!, rank: null, value_number: null, value_text: null }],
  };
}

function meta() {
  sequence += 1;
  return { idempotencyKey: `two-${sequence}`, locale: 'en' as const, channel: 'online' as const, draftToken: null, now: new Date() };
}

const store = (db: Db, option: 0 | 1) => storeResponse(db, response(option), meta());

/** What the process's summary says, after checking it against a recount in SQL. */
async function figures(db: Db) {
  const index = await analysisIndex(db, consultationId);
  for (const request of [{}, { breakdown: 'ward' as const }]) {
    expect(comparable(summarise(index, request))).toEqual(await summariseBySql(db, consultationId, request));
  }
  return summarise(index)
    .total.questions.find((q) => q.key === 'pick')!
    .options.map((o) => o.count);
}

async function idOf(reference: string) {
  return (await a.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;
}

describe('two processes on one database', () => {
  it('count on B what was stored on A, as soon as A has acknowledged it', async () => {
    await store(a, 0);
    expect(await figures(a)).toEqual([1, 0]);
    expect(await figures(b)).toEqual([1, 0]);
    await store(a, 1);
    await store(a, 1);
    // No waiting: B reads the log before it answers.
    expect(await figures(b)).toEqual([1, 2]);
    await store(b, 0);
    expect(await figures(a)).toEqual([2, 2]);
  });

  it('agree on an exclusion made on A and a restore made on B', async () => {
    const { reference } = await store(a, 1);
    const id = await idOf(reference);
    expect(await figures(a)).toEqual([2, 3]);
    expect(await figures(b)).toEqual([2, 3]);
    await changeResponseStatus(a, officer, { consultationId, responseId: id, status: 'spam', reason: 'Test entry' });
    expect(await figures(b)).toEqual([2, 2]);
    expect(await figures(a)).toEqual([2, 2]);
    await changeResponseStatus(b, officer, { consultationId, responseId: id, status: 'counted', reason: 'Real after all' });
    expect(await figures(a)).toEqual([2, 3]);
    expect(await figures(b)).toEqual([2, 3]);
  });

  it('count on B the responses of a spreadsheet imported on A', async () => {
    const before = await figures(b);
    const intake = await loadIntakeConsultation(a, (await findConsultation(a, consultationId))!);
    const csv = [
      'channel,submitted_at,pick,ward',
      'paper,2026-03-01,buses,Bramhall North',
      'paper,2026-03-02,trams,Marple North',
      'workshop,2026-03-02,trams,',
    ];
    const result = await importResponses(a, intake, { fileName: 'paper.csv', bytes: new TextEncoder().encode(csv.join('\n')), actor: COMMAND_LINE });
    expect(result.status).toBe('imported');
    expect(await figures(b)).toEqual([before[0]! + 1, before[1]! + 2]);
    expect(await figures(a)).toEqual([before[0]! + 1, before[1]! + 2]);
  });

  it('keep B current between its answers, told by the change feed', async () => {
    const index = await analysisIndex(b, consultationId);
    const before = summarise(index).total.responses;
    await store(a, 0);
    // The same index object, brought up to date without B being asked for a page.
    await expect.poll(() => summarise(index).total.responses).toBe(before + 1);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('miss nothing when a later change is ready to commit before an earlier one has', async () => {
    const before = await figures(b);
    // A first transaction logs its response and holds on before committing...
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let logged!: () => void;
    const isLogged = new Promise<void>((resolve) => (logged = resolve));
    const first = inTransaction(a, async (trx) => {
      const stored = await insertResponse(trx, response(0), meta());
      await logResponseChange(trx, {
        kind: 'stored',
        consultationId,
        response: { ...response(0).fields, id: stored.id, channel: 'online', locale: 'en', answers: [] },
      });
      logged();
      await held;
    });
    await isLogged;
    // ...while a second one, on another connection, stores and tries to commit.
    let secondDone = false;
    const second = store(a, 1).then(() => (secondDone = true));
    const waitingForTheLog = async () =>
      (await sql<{ n: number }>`select count(*) as n from pg_locks where locktype = 'advisory' and not granted`.execute(a)).rows[0]!.n > 0;
    await expect.poll(async () => secondDone || (await waitingForTheLog())).toBe(true);
    // B reads the log meanwhile: it must not move past the first transaction's entry.
    await figures(b);
    commit();
    await Promise.all([first, second]);
    expect(await figures(b)).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it('clear B’s public pages after a workspace change on A', async () => {
    const [pagesA, pagesB] = [new PageCache(60_000), new PageCache(60_000)];
    const unshare = [pagesA.share(a), pagesB.share(b)];
    const page = { status: 200, headers: [] as [string, string][], body: Buffer.from('<h1>Parks</h1>') };
    pagesA.set('/en', page);
    pagesB.set('/en', page);
    pagesA.clearEverywhere();
    expect(pagesA.size).toBe(0);
    await expect.poll(() => pagesB.size).toBe(0);
    for (const stop of unshare) stop();
  });

  it('show on B a priority renamed on A', async () => {
    const themeId = await createTheme(a, COMMAND_LINE, { name: 'Getting around', description: '', translations: {} });
    const priorityId = (await createPriority(a, COMMAND_LINE, { themeId, name: 'Better buses', ambition: '', translations: {} }))!;
    await a.insertInto('consultation_priorities').values({ consultation_id: consultationId, priority_id: priorityId }).execute();
    const consultation = (await findConsultation(b, consultationId))!;
    const names = async () => (await loadConsultationDefinition(b, consultation, 'en')).priorities.map((p) => p.name);
    expect(await names()).toEqual(['Better buses']);
    const revision = frameworkRevision(b);
    await updatePriority(a, COMMAND_LINE, priorityId, { themeId, name: 'Buses every ten minutes', ambition: '', translations: {} });
    await expect.poll(() => frameworkRevision(b)).toBeGreaterThan(revision);
    expect(await names()).toEqual(['Buses every ten minutes']);
  });
});
