import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackupFile } from '../../db/backup/file';
import type { BackupManifest } from '../../db/backup/manifest';
import { openDatabase, type Db } from '../../db/connection';
import { loadShape } from '../../bench/shape';
import { ID_PLACEHOLDER, submissionBodyTemplate } from '../../bench/submission';
import type { ResultsModel } from '../../app/analysis/results-model';
import { ROOT, startApp, type RunningApp } from './harness';
import { HttpClient } from './http';
import { findTemplate } from './templates';
import { addAccount, type Account } from './workspace';

// Issue 18's proof for backups: a backup taken while submissions are running restores to a
// database whose responses are the acknowledged ones at the time of the backup, and the restored
// app serves the same results. On SQLite (a copy of the demo template) and on PostgreSQL (a new
// database the server seeds). `npm run build` first.
//
// Two residents keep sending complete responses while `npm run db:backup` runs; the test notes
// for each when it was sent and when its acknowledgement (303 to /confirmation/REFERENCE) came.
// The backup is one moment somewhere between the command's start and its exit, so of the new
// responses the restored database holds exactly those the database had at that moment:
//   1. every response acknowledged before the backup command started;
//   2. no response sent after the command exited;
//   3. no hole: a restored response's every predecessor (acknowledged before it was sent) too;
// and the restored rows and answers are the original's. Then a second server on the restored
// database must answer results.json as a fresh count of it says, and (results.json and the
// results page's text) as the first server does once the responses that came after the backup
// are set aside as tests.

const SLUG = 'one-stockport-conversation';
const SECRETS = { CLIENT_HASH_SECRET: randomBytes(24).toString('hex'), DEVICE_COOKIE_SECRET: randomBytes(24).toString('hex') };
const ENV = { ...SECRETS, SUBMISSIONS_PER_HOUR: '100000', PAGE_CACHE_SECONDS: '0' };
const STREAMS = 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  sentAt: number;
  ackAt: number;
  status: number;
  reference: string | undefined;
}

function submissionTemplate(): string {
  const template = findTemplate(true);
  if (!template) throw new Error('No e2e template database: run through vitest.e2e.config.ts (its global setup makes it).');
  const reader = new SQLite(template, { readonly: true });
  try {
    return submissionBodyTemplate(loadShape(reader, SLUG), `backup-${Date.now()}-`);
  } finally {
    reader.close();
  }
}

/** Residents sending complete responses one after another on `STREAMS` connections until stopped. */
function submissionStream(baseUrl: string, body: string) {
  const sent: Sent[] = [];
  let stopped = false;
  let n = 0;
  const one = async () => {
    n += 1;
    const form = body.replace(ID_PLACEHOLDER, `stream-${n}`);
    const sentAt = performance.now();
    const response = await fetch(`${baseUrl}/consultations/${SLUG}/check`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
      body: form,
    });
    await response.arrayBuffer();
    const reference = response.headers.get('location')?.match(/\/confirmation\/(HRD-[2-9A-Z]{4}-[2-9A-Z]{4})$/)?.[1];
    sent.push({ sentAt, ackAt: performance.now(), status: response.status, reference });
  };
  const running = Array.from({ length: STREAMS }, async () => {
    while (!stopped) {
      await one();
      await sleep(20);
    }
  });
  return {
    sent,
    acknowledged: () => sent.filter((s) => s.reference).length,
    stop: async () => {
      stopped = true;
      await Promise.all(running);
    },
  };
}

/** Runs one of the db/cli commands as `npm run` would: its exit code and output. */
function runCli(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('close', (code) => done({ code, output }));
  });
}

async function referencesOf(db: Db, consultationId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('responses').select('reference').where('consultation_id', '=', consultationId).execute();
  return new Set(rows.map((r) => r.reference));
}

/** The stored responses with these references and their answers, without anything that may differ in order. */
async function storedResponses(db: Db, references: string[]) {
  const responses = await db.selectFrom('responses').selectAll().where('reference', 'in', references).orderBy('id').execute();
  const answers = await db
    .selectFrom('answers')
    .selectAll()
    .where(
      'response_id',
      'in',
      responses.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return { responses, answers };
}

async function countedInDb(db: Db, consultationId: number): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'counted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function resultsJson(client: HttpClient, consultationId: number): Promise<ResultsModel> {
  const response = await client.get(`/admin/consultations/${consultationId}/results.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as ResultsModel;
}

/** The results page's main content as a person reads it: its text, without markup, tokens or nonces. */
function pageFigures(html: string): string {
  const main = html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '';
  return main
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const countOf = (model: ResultsModel) => (model.responses.suppressed ? 'suppressed' : model.responses.value);

interface Setup {
  /** The first server, on the demo content, and its database as DATABASE_URL. */
  startFirst(): Promise<{ app: RunningApp; source: string }>;
  /** An empty place to restore into, as DATABASE_URL. */
  target: string;
  /** A server on the restored database. */
  startOn(target: string): Promise<RunningApp>;
}

/** What the backup's manifest says it holds. */
async function manifestOf(file: string): Promise<BackupManifest> {
  return (await openBackupFile(file)).manifest;
}

async function proveBackupWhileSubmitting({ startFirst, target, startOn }: Setup, backupFile: string): Promise<BackupManifest> {
  const { app: first, source } = await startFirst();
  const db = openDatabase(source);
  let second: RunningApp | undefined;
  let restoredDb: Db | undefined;
  try {
    const officer: Account = await addAccount(db, 'officer');
    const consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()).id;
    const before = await referencesOf(db, consultationId);
    const stream = submissionStream(first.url, submissionTemplate());
    while (stream.acknowledged() < 20) await sleep(50);

    const backupStart = performance.now();
    const backup = await runCli('db/cli/backup.ts', ['--database', source, '--out', backupFile]);
    const backupEnd = performance.now();
    await sleep(300);
    await stream.stop();
    expect(backup.output).toMatch(/^Backed up /);
    expect(backup.code).toBe(0);
    expect(stream.sent.filter((s) => s.status !== 303)).toEqual([]);

    const restore = await runCli('db/cli/restore.ts', [backupFile, '--database', target]);
    expect(restore.output).toContain("every table's rows match the backup's manifest");
    expect(restore.code).toBe(0);
    restoredDb = openDatabase(target);
    const restored = [...(await referencesOf(restoredDb, consultationId))].filter((r) => !before.has(r));
    const inBackup = new Set(restored);

    const ackedBefore = stream.sent.filter((s) => s.ackAt < backupStart).map((s) => s.reference!);
    const sentAfter = stream.sent.filter((s) => s.sentAt > backupEnd).map((s) => s.reference!);
    const inFlight = stream.sent.filter((s) => s.ackAt >= backupStart && s.sentAt <= backupEnd);
    const story = `${ackedBefore.length} acknowledged before the backup, ${inFlight.length} in flight while it ran (${inFlight.filter((s) => inBackup.has(s.reference!)).length} of them in it), ${sentAfter.length} sent after; ${restored.length} restored`;
    // The test means something only if responses were going in while the backup ran.
    expect(inFlight.length, story).toBeGreaterThan(0);
    expect(sentAfter.length).toBeGreaterThan(0);
    expect(
      ackedBefore.filter((r) => !inBackup.has(r)),
      'acknowledged before the backup began, missing from it',
    ).toEqual([]);
    expect(
      sentAfter.filter((r) => inBackup.has(r)),
      'sent after the backup finished, yet in it',
    ).toEqual([]);
    const ours = new Set(stream.sent.map((s) => s.reference));
    expect(
      restored.filter((r) => !ours.has(r)),
      'restored responses nobody sent',
    ).toEqual([]);
    const holes = stream.sent.flatMap((x) =>
      inBackup.has(x.reference!)
        ? stream.sent
            .filter((y) => y.ackAt < x.sentAt && !inBackup.has(y.reference!))
            .map((y) => `${y.reference} (acknowledged before ${x.reference} was sent)`)
        : [],
    );
    expect(holes, 'a restored response whose predecessor is missing').toEqual([]);
    expect(await storedResponses(restoredDb, restored)).toEqual(await storedResponses(db, restored));

    // The same results from a server on the restored database: as a fresh count of it says, and
    // as the first server's once what came after the backup is set aside.
    second = await startOn(target);
    const onSecond = new HttpClient(second.url);
    await onSecond.signIn(officer);
    const restoredModel = await resultsJson(onSecond, consultationId);
    expect(countOf(restoredModel)).toBe(await countedInDb(restoredDb, consultationId));
    expect(countOf(restoredModel)).toBe(before.size + restored.length);

    const onFirst = new HttpClient(first.url);
    await onFirst.signIn(officer);
    const after = stream.sent.map((s) => s.reference!).filter((r) => !inBackup.has(r));
    const ids = await db.selectFrom('responses').select('id').where('reference', 'in', after).execute();
    for (const { id } of ids) {
      const path = `/admin/consultations/${consultationId}/responses/${id}`;
      const excluded = await onFirst.post(path, {
        csrf: await onFirst.csrfOf(path),
        intent: 'exclude',
        status: 'test',
        reason: 'Sent after the backup (backup test)',
      });
      expect(excluded.status).toBe(303);
    }
    expect(await resultsJson(onFirst, consultationId)).toEqual(restoredModel);
    const [firstPage, secondPage] = await Promise.all([
      onFirst.get(`/admin/consultations/${consultationId}/results`),
      onSecond.get(`/admin/consultations/${consultationId}/results`),
    ]);
    expect([firstPage.status, secondPage.status]).toEqual([200, 200]);
    const figures = pageFigures(await secondPage.text());
    expect(figures).toContain(Number(countOf(restoredModel)).toLocaleString('en-GB'));
    expect(figures).toEqual(pageFigures(await firstPage.text()));
    console.log(`Backup while submitting: ${story}.`);
    return await manifestOf(backupFile);
  } finally {
    await restoredDb?.destroy();
    await db.destroy();
    await second?.stop();
    await first.stop();
  }
}

describe('a backup taken while residents submit', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('restores on SQLite to exactly the acknowledged responses, and the restored app serves the same results', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heard-backup-e2e-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await proveBackupWhileSubmitting(
      {
        // On a copy of the demo template in a folder of its own (startApp).
        startFirst: async () => {
          const app = await startApp({ env: ENV });
          return { app, source: app.databasePath };
        },
        target: join(dir, 'restored.sqlite'),
        startOn: (database) => startApp({ env: ENV, databasePath: database, seedDemo: false }),
      },
      join(dir, 'heard.backup'),
    );
  });

  it('restores on PostgreSQL to exactly the acknowledged responses (pg-boss schema included), and the restored app serves the same results', async () => {
    const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const names = [`heard_backup_${randomBytes(6).toString('hex')}`, `heard_restored_${randomBytes(6).toString('hex')}`];
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of names) await admin.query(`create database ${name}`);
    await admin.end();
    const dir = await mkdtemp(join(tmpdir(), 'heard-backup-e2e-'));
    cleanups.push(async () => {
      await rm(dir, { recursive: true, force: true });
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      for (const name of names) await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    });
    const [source, target] = names.map((name) => {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return url.toString();
    }) as [string, string];
    const manifest = await proveBackupWhileSubmitting(
      {
        // The server migrates and seeds the demo on its first start (and pg-boss makes its schema).
        startFirst: async () => ({ app: await startApp({ env: { ...ENV, DATABASE_URL: source, SEED_DEMO: 'true' } }), source }),
        target,
        startOn: (database) => startApp({ env: { ...ENV, DATABASE_URL: database, SEED_DEMO: 'false' } }),
      },
      join(dir, 'heard.backup'),
    );
    expect(Object.keys(manifest.tables).filter((t) => t.startsWith('pgboss.')).length, 'pg-boss tables in the backup').toBeGreaterThan(0);
  });
});
