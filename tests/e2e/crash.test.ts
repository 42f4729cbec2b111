import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadShape } from '../../bench/shape';
import { ID_PLACEHOLDER, submissionBodyTemplate } from '../../bench/submission';
import { openDatabase, type Db } from '../../db/connection';
import { startApp, type RunningApp } from './harness';
import { SLUGS } from './survey';

// The crash test: residents keep sending complete responses while the server is killed with
// kill -9, again and again, and started again on the same database. Every response the server
// acknowledged (303 to its reference) must be stored, with all its answers; nothing half
// stored; the database file intact.

const slug = SLUGS.oneStockport;
const CRASHES = 3;
const SENDERS = 12;
const env = { SUBMISSIONS_PER_HOUR: '100000000', WARM_SUMMARY_INDEXES: 'false' };

interface Acknowledged {
  key: string;
  reference: string;
}

let body: (key: string) => string;

beforeAll(async () => {
  // The response every sender posts, built from the demo consultation as seeded.
  const app = await startApp({ env });
  const sqlite = new SQLite(app.databasePath, { readonly: true });
  const template = submissionBodyTemplate(loadShape(sqlite, slug), '');
  sqlite.close();
  await app.stop();
  body = (key) => template.replace(ID_PLACEHOLDER, key);
});

/** Senders post responses one after another until the server dies; what it acknowledged is kept. */
async function sendUntilKilled(app: RunningApp, run: number, acknowledged: Acknowledged[]): Promise<number> {
  let sent = 0;
  let alive = true;
  const sender = async (n: number) => {
    for (let i = 0; alive; i++) {
      const key = `crash-${run}-${n}-${i}`;
      sent++;
      try {
        const response = await fetch(`${app.url}/consultations/${slug}/check`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
          body: body(key),
        });
        await response.arrayBuffer();
        const reference = /confirmation\/(HRD-[0-9A-Z-]+)$/.exec(response.headers.get('location') ?? '')?.[1];
        if (response.status === 303 && reference) acknowledged.push({ key, reference });
        else if (response.status !== 503) throw new Error(`Unexpected ${response.status} for ${key}`);
      } catch (error) {
        if (alive) throw error;
      }
    }
  };
  const senders = Array.from({ length: SENDERS }, (_, n) => sender(n));
  // Kill mid-run, once responses are flowing: a moment chosen at random.
  const before = acknowledged.length;
  const flowing = (async () => {
    while (acknowledged.length < before + 20) await new Promise((resolve) => setTimeout(resolve, 20));
  })();
  await Promise.race([flowing, Promise.all(senders).then(() => Promise.reject(new Error('The senders stopped')))]);
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
  alive = false;
  await app.crash();
  await Promise.allSettled(senders);
  return sent;
}

async function crashRepeatedly(databaseUrl: string | undefined): Promise<{ acknowledged: Acknowledged[]; app: RunningApp }> {
  const acknowledged: Acknowledged[] = [];
  const settings = (path?: string) => ({ env: databaseUrl ? { ...env, DATABASE_URL: databaseUrl } : env, databasePath: path });
  let app = await startApp(settings());
  const databasePath = app.databasePath;
  for (let run = 0; run < CRASHES; run++) {
    await sendUntilKilled(app, run, acknowledged);
    app = await startApp(settings(databasePath));
  }
  return { acknowledged, app };
}

async function expectAllStoredWhole(db: Db, acknowledged: Acknowledged[]): Promise<void> {
  const ours = await db.selectFrom('responses').select(['id', 'idempotency_key', 'reference']).where('idempotency_key', 'like', 'crash-%').execute();
  const stored = new Map(ours.map((row) => [row.idempotency_key, row.reference]));
  const lost = acknowledged.filter(({ key, reference }) => stored.get(key) !== reference);
  expect(lost).toEqual([]);
  expect(acknowledged.length).toBeGreaterThanOrEqual(CRASHES * 20);

  // Each response stored has its answers, exactly as many as the first; no answer lacks its response.
  const counts = await db
    .selectFrom('responses')
    .leftJoin('answers', 'answers.response_id', 'responses.id')
    .select(['responses.id', (eb) => eb.fn.count<number>('answers.id').as('answers')])
    .where('responses.idempotency_key', 'like', 'crash-%')
    .groupBy('responses.id')
    .execute();
  const expected = counts[0]!.answers;
  expect(expected).toBeGreaterThan(0);
  expect(counts.filter((row) => Number(row.answers) !== Number(expected))).toEqual([]);
  const orphans = await db
    .selectFrom('answers')
    .leftJoin('responses', 'responses.id', 'answers.response_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('responses.id', 'is', null)
    .executeTakeFirstOrThrow();
  expect(Number(orphans.n)).toBe(0);
  console.log(`Crash test: ${acknowledged.length} acknowledged, ${ours.length} stored, none partial`);
}

describe('crash test: kill -9 under load, restart on the same database', () => {
  it('SQLite: every acknowledged response is stored whole, and the file is intact', async () => {
    const { acknowledged, app } = await crashRepeatedly(undefined);
    const db = openDatabase(app.databasePath);
    try {
      await expectAllStoredWhole(db, acknowledged);
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      await db.destroy();
      await app.stop();
      await rm(dirname(app.databasePath), { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL: every acknowledged response is stored whole', async () => {
    const server = process.env.TEST_DATABASE_URL!;
    const name = `heard_crash_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    try {
      const { acknowledged, app } = await crashRepeatedly(url.toString());
      await app.stop();
      const db = openDatabase(url.toString());
      try {
        await expectAllStoredWhole(db, acknowledged);
      } finally {
        await db.destroy();
        await rm(dirname(app.databasePath), { recursive: true, force: true });
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
