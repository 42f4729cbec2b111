import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { openDatabase } from '../../db/connection';
import { loadShape } from '../../bench/shape';
import { ID_PLACEHOLDER, submissionBodyTemplate } from '../../bench/submission';
import type { ResultsModel } from '../../app/analysis/results-model';
import { openDb, ROOT, startApp, type RunningApp } from './harness';
import { ensureNginx, startNginx, testSiteConfig, type RunningNginx } from './nginx';
import { RoutedClient } from './routed-client';
import { findTemplate } from './templates';
import { addAccount, type Account } from './workspace';

// Issue 16's proof: several Heard processes on one database behind a real nginx tell the same
// truth. Two app servers (build/node/server.js, as `npm run serve` runs them; `npm run build`
// first) on one fresh PostgreSQL database: what goes in through one is what the other shows,
// once acknowledged; limits are shared; an export started on one downloads from the other and
// survives a restart. Then the same on SQLite with `npm run serve` and WORKERS=2.
//
// Through nginx every request may land anywhere; to say "through A" the test's upstream hashes
// an X-Heard-Route header (routed-client.ts) and names the server that answered in X-Heard-Upstream.
// Each app server gets its own export folder, as separate machines would.

const SLUG = 'one-stockport-conversation';
const LIMIT = 20;
/** How long a change may take to reach the other process's results (the bench measures it). */
const CATCH_UP_MS = 5_000;
const SECRETS = { CLIENT_HASH_SECRET: randomBytes(24).toString('hex'), DEVICE_COOKIE_SECRET: randomBytes(24).toString('hex') };
const COMMON_ENV = {
  ...SECRETS,
  SUBMISSIONS_PER_HOUR: String(LIMIT),
  TRUST_PROXY: 'loopback',
  EXPORT_BACKGROUND_ROWS: '1000',
  PAGE_CACHE_SECONDS: '30',
  // A killed server's export is retried this long after (60 s in production), so the test waits seconds, not a minute.
  JOB_LEASE_SECONDS: '6',
};

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `done` holds of its value or `ms` pass; the last value either way. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = CATCH_UP_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
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

/** The response count of an officer's results (results.json), as the app server that answers sees it. */
async function countedInResults(client: RoutedClient, consultationId: number): Promise<{ count: number; upstream: string }> {
  const response = await client.get(`/admin/consultations/${consultationId}/results.json`);
  if (response.status !== 200) throw new Error(`results.json through ${client.route}: ${response.status}`);
  const model = JSON.parse(response.text) as ResultsModel;
  if (model.responses.suppressed) throw new Error('The response count is suppressed');
  return { count: model.responses.value, upstream: response.upstream };
}

function submissionTemplate(): string {
  const template = findTemplate(true);
  if (!template) throw new Error('No e2e template database: run through vitest.e2e.config.ts (its global setup makes it).');
  const reader = new SQLite(template, { readonly: true });
  try {
    return submissionBodyTemplate(loadShape(reader, SLUG), `multi-${Date.now()}-`);
  } finally {
    reader.close();
  }
}

let submissions = 0;
/** A complete response sent from `client` (a fresh idempotency key each time): the status. */
async function submit(client: RoutedClient, body: string): Promise<number> {
  submissions += 1;
  const response = await client.post(`/consultations/${SLUG}/check`, new URLSearchParams(body.replace(ID_PLACEHOLDER, `${client.from}-${submissions}`)));
  return response.status;
}

async function excludeAndRestore(first: RoutedClient, second: RoutedClient, consultationId: number, responseId: number) {
  const path = `/admin/consultations/${consultationId}/responses/${responseId}`;
  const excluded = await first.postForm(path, { intent: 'exclude', status: 'spam', reason: 'Sent twice from one address' });
  expect(excluded.status).toBe(303);
  return async () => {
    const restored = await second.postForm(path, { intent: 'restore', reason: 'A real resident after all' });
    expect(restored.status).toBe(303);
  };
}

async function jobStatus(db: Db, jobId: number): Promise<string> {
  return (await db.selectFrom('export_jobs').select('status').where('id', '=', jobId).executeTakeFirstOrThrow()).status;
}

/** Asks for the big responses export (a background job) and returns its id. */
async function startExport(client: RoutedClient, consultationId: number): Promise<number> {
  const response = await client.postForm(`/admin/consultations/${consultationId}/exports`, { kind: 'responses', format: 'csv' });
  expect(response.status).toBe(303);
  const jobId = Number(String(response.headers.location).match(/\/exports\/(\d+)$/)?.[1]);
  expect(jobId).toBeGreaterThan(0);
  return jobId;
}

/** How a background export ended: its status and error once it is neither queued nor running. */
async function finishedJob(db: Db, jobId: number): Promise<{ status: string; error: string | null }> {
  await pollUntil(
    () => jobStatus(db, jobId),
    (status) => status !== 'queued' && status !== 'running',
    90_000,
  );
  // Read again a moment later: a job marked failed by another process's start and then finished
  // by its own shows as done with the error "interrupted".
  await sleep(500);
  return db.selectFrom('export_jobs').select(['status', 'error']).where('id', '=', jobId).executeTakeFirstOrThrow();
}

/** The references in a downloaded responses export, or the status when it is not a file. */
async function downloadReferences(client: RoutedClient, consultationId: number, jobId: number): Promise<{ status: number; references: string[] }> {
  const response = await client.get(`/admin/consultations/${consultationId}/exports/${jobId}/download`);
  if (response.status !== 200) return { status: response.status, references: [] };
  const rows = parse(response.text.replace(/^\uFEFF/, '')) as string[][];
  return { status: 200, references: rows.slice(1).map((r) => r[0]!) };
}

async function countedReferences(db: Db, consultationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('responses')
    .select('reference')
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'counted')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.reference);
}

/** Six wrong passwords for one account, alternating between two routes: each answer's status. */
async function guessPasswords(routes: RoutedClient[], account: Account): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    const client = routes[i % routes.length]!;
    const response = await client.postForm('/admin/sign-in', { email: account.email, password: `wrong guess ${i}`, redirectTo: '/admin' });
    statuses.push(response.status);
  }
  return statuses;
}

/** kill -9 of an app server; its folder (its own exports) goes too, as a lost machine's would. */
async function killed(app: RunningApp): Promise<void> {
  await app.crash();
  await rm(dirname(app.databasePath), { recursive: true, force: true });
}

const DONE = { status: 'done', error: null };

const UPSTREAM_HEADER = 'add_header X-Heard-Upstream $upstream_addr always;';

describe('the production nginx site', () => {
  it('passes nginx -t as written (deploy/nginx/heard.conf with heard-locations.conf)', async () => {
    ensureNginx();
    const { status, output } = await testSiteConfig();
    expect(output).toContain('test is successful');
    expect(status).toBe(0);
  });
});

describe('two app servers on one PostgreSQL behind nginx', () => {
  const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `heard_multi_${randomBytes(6).toString('hex')}`;
  const databaseUrl = (() => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  })();
  const ports = { a: 0, b: 0 };
  const apps: { a?: RunningApp; b?: RunningApp } = {};
  let nginx: RunningNginx;
  let db: Db;
  let officer: Account;
  let consultationId: number;
  let body: string;
  /** X-Heard-Route values that nginx sends to A and to B. */
  const route = { a: '', b: '' };

  const startServer = (which: 'a' | 'b', seed: boolean) =>
    startApp({ serve: true, env: { ...COMMON_ENV, DATABASE_URL: databaseUrl, SEED_DEMO: String(seed), PORT: String(ports[which]) } });

  beforeAll(async () => {
    ensureNginx();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    [ports.a, ports.b] = [await freePort(), await freePort()];
    // A migrates and seeds the demo on its first start; B starts on what A made.
    apps.a = await startServer('a', true);
    apps.b = await startServer('b', false);
    nginx = await startNginx({
      port: await freePort(),
      upstream: ['hash $http_x_heard_route consistent;', `server 127.0.0.1:${ports.a};`, `server 127.0.0.1:${ports.b};`, 'keepalive 8;'],
      serverExtra: [UPSTREAM_HEADER],
    });
    for (let i = 0; (!route.a || !route.b) && i < 200; i += 1) {
      const answer = await new RoutedClient(nginx.url, `route-${i}`).get('/');
      if (answer.upstream.endsWith(`:${ports.a}`)) route.a ||= `route-${i}`;
      if (answer.upstream.endsWith(`:${ports.b}`)) route.b ||= `route-${i}`;
    }
    if (!route.a || !route.b) throw new Error(`No route found to both app servers: ${JSON.stringify(route)}\n${await nginx.errors()}`);
    db = openDatabase(databaseUrl);
    officer = await addAccount(db, 'officer');
    consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()).id;
    body = submissionTemplate();
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([apps.a?.stop(), apps.b?.stop()]);
    await db?.destroy();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });

  /** The officer signed in through A, then the same session through B. */
  async function officerOn(): Promise<{ a: RoutedClient; b: RoutedClient }> {
    const a = new RoutedClient(nginx.url, route.a);
    await a.signIn(officer);
    return { a, b: a.via(route.b) };
  }

  it('routes by the test header, and nginx passes the proxy headers the app believes', async () => {
    const a = await new RoutedClient(nginx.url, route.a).get('/');
    const b = await new RoutedClient(nginx.url, route.b).get('/');
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.upstream).toBe(`127.0.0.1:${ports.a}`);
    expect(b.upstream).toBe(`127.0.0.1:${ports.b}`);
    // A fingerprinted file: cached by nginx after the first request, for a year by the browser.
    const asset = a.text.match(/\/assets\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const first = await new RoutedClient(nginx.url, route.a).get(asset!);
    const again = await new RoutedClient(nginx.url, route.b).get(asset!);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers['x-cache-status']).toBe('HIT');
    expect(again.headers['cache-control']).toContain('immutable');
  });

  it('counts what came in through A in the results through B, and the other way, as the database does', async () => {
    const { a, b } = await officerOn();
    const resident = new RoutedClient(nginx.url, route.a, '127.0.0.3');
    const onB = resident.via(route.b);
    // Both warm (their summary indexes built) before anything changes.
    for (const client of [a, b]) expect((await countedInResults(client, consultationId)).count).toBe(await countedInDb(db, consultationId));

    for (let i = 0; i < 5; i += 1) expect(await submit(resident, body)).toBe(303);
    const inDb = await countedInDb(db, consultationId);
    const seenByB = await pollUntil(
      () => countedInResults(b, consultationId),
      (r) => r.count === inDb,
    );
    expect(seenByB.upstream).toBe(`127.0.0.1:${ports.b}`);
    expect(`after 5 through A: B counted ${seenByB.count}, database ${inDb}`).toBe(`after 5 through A: B counted ${inDb}, database ${inDb}`);

    for (let i = 0; i < 5; i += 1) expect(await submit(resident, body)).toBe(303);
    for (let i = 0; i < 10; i += 1) expect(await submit(onB, body)).toBe(303);
    const after = await countedInDb(db, consultationId);
    const counts = {
      A: (
        await pollUntil(
          () => countedInResults(a, consultationId),
          (r) => r.count === after,
        )
      ).count,
      B: (
        await pollUntil(
          () => countedInResults(b, consultationId),
          (r) => r.count === after,
        )
      ).count,
    };
    expect(counts, `after 5 more through A and 10 through B (database ${after})`).toEqual({ A: after, B: after });
  });

  it('drops a response excluded through A from B’s results, and counts it again on A once restored through B', async () => {
    const { a, b } = await officerOn();
    const response = await db
      .selectFrom('responses')
      .select('id')
      .where('consultation_id', '=', consultationId)
      .where('status', '=', 'counted')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const before = await countedInDb(db, consultationId);
    await countedInResults(a, consultationId);
    await countedInResults(b, consultationId);

    const restore = await excludeAndRestore(a, b, consultationId, response.id);
    expect(await countedInDb(db, consultationId)).toBe(before - 1);
    const onB = await pollUntil(
      () => countedInResults(b, consultationId),
      (r) => r.count === before - 1,
    );
    expect(`excluded through A: B counted ${onB.count}, database ${before - 1}`).toBe(`excluded through A: B counted ${before - 1}, database ${before - 1}`);

    await restore();
    expect(await countedInDb(db, consultationId)).toBe(before);
    const onA = await pollUntil(
      () => countedInResults(a, consultationId),
      (r) => r.count === before,
    );
    expect(`restored through B: A counted ${onA.count}, database ${before}`).toBe(`restored through B: A counted ${before}, database ${before}`);
  });

  it('shares the response rate limit: one client gets SUBMISSIONS_PER_HOUR in all, whichever server takes them', async () => {
    const onA = new RoutedClient(nginx.url, route.a, '127.0.0.2');
    const onB = onA.via(route.b);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i += 1) statuses.push(await submit(i % 2 === 0 ? onA : onB, body));
    expect(statuses).toEqual(Array(LIMIT).fill(303));
    const past = { A: await submit(onA, body), B: await submit(onB, body) };
    expect(past, `after ${LIMIT / 2} through A and ${LIMIT / 2} through B, the limit being ${LIMIT}`).toEqual({ A: 429, B: 429 });
  });

  it('shares the sign-in slow-down: guesses through A and B count together', async () => {
    const account = await addAccount(db, 'admin');
    const guesser = new RoutedClient(nginx.url, route.a, '127.0.0.4');
    const statuses = await guessPasswords([guesser, guesser.via(route.b)], account);
    expect(statuses, '6 wrong passwords, alternately through A and B').toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('downloads from B an export started on A, after A has gone with its own disk', async () => {
    const { a, b } = await officerOn();
    const jobId = await startExport(a, consultationId);
    expect(await finishedJob(db, jobId)).toEqual(DONE);
    // A's machine goes away (stop() deletes its folder, exports and all): the file must be where B can read it.
    await apps.a!.stop();
    try {
      const fromB = await downloadReferences(b, consultationId, jobId);
      expect(fromB.status, 'the download through B once A is gone').toBe(200);
      expect(fromB.references).toEqual(await countedReferences(db, consultationId));
    } finally {
      apps.a = await startServer('a', false);
    }
  });

  it('finishes an export while the other server restarts, and while its own server is killed', async () => {
    const { a, b } = await officerOn();
    // B is killed, and starts again while A makes the file: B's start must leave A's export alone.
    await killed(apps.b!);
    const [first, restarted] = await Promise.all([startExport(a, consultationId), startServer('b', false)]);
    apps.b = restarted;
    const whenBStarted = await jobStatus(db, first);
    expect(await finishedJob(db, first), `the export on A after B restarted (it was ${whenBStarted} once B listened)`).toEqual(DONE);
    expect((await downloadReferences(b, consultationId, first)).status).toBe(200);

    // A is killed while it makes the file (or just after, if it was quick): the export is
    // finished anyway, by B or by A once it is back, and downloads through either.
    const second = await startExport(a, consultationId);
    const whenKilled = await jobStatus(db, second);
    await killed(apps.a!);
    apps.a = await startServer('a', false);
    expect(await finishedJob(db, second), `the export on A after A was killed (it was ${whenKilled} then)`).toEqual(DONE);
    for (const client of [a, b]) {
      const download = await downloadReferences(client, consultationId, second);
      expect(download.status, `the download through ${client.route === route.a ? 'A' : 'B'}`).toBe(200);
      expect(download.references).toEqual(await countedReferences(db, consultationId));
    }
  });
});

interface Supervised {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const listeningPids = (output: string) => [...output.matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1]));

/** The processes holding established connections on `port`, by ss (the app's workers, for nginx's connections to them). */
function pidsConnectedOn(port: number): Set<number> {
  const result = spawnSync('ss', ['-Htnp', 'state', 'established', `( sport = :${port} )`], { encoding: 'utf8' });
  return new Set([...result.stdout.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])));
}

describe('npm run serve with WORKERS=2 on SQLite behind nginx', () => {
  let dir = '';
  let port = 0;
  let supervisor: Supervised;
  let nginx: RunningNginx;
  let db: Db;
  let officer: Account;
  let consultationId: number;
  let body: string;

  beforeAll(async () => {
    ensureNginx();
    dir = await mkdtemp(join(tmpdir(), 'heard-multi-sqlite-'));
    const databasePath = join(dir, 'heard.sqlite');
    const template = findTemplate(true);
    if (!template) throw new Error('No e2e template database: run through vitest.e2e.config.ts.');
    await copyFile(template, databasePath);
    port = await freePort();
    const child = spawn(process.execPath, ['--enable-source-maps', 'build/node/supervisor.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...COMMON_ENV,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databasePath,
        SEED_DEMO: 'false',
        WORKERS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    supervisor = { child, output: () => output, exit: new Promise((done) => child.once('exit', (code) => done(code))) };
    for (let i = 0; listeningPids(output).length < 2; i += 1) {
      if (i > 900 || child.exitCode !== null) throw new Error(`The supervisor did not start two workers:\n${output.slice(-3000)}`);
      await sleep(100);
    }
    nginx = await startNginx({ port: await freePort(), upstream: [`server 127.0.0.1:${port};`, 'keepalive 8;'] });
    db = openDb(databasePath);
    officer = await addAccount(db, 'officer');
    consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()).id;
    body = submissionTemplate();
  });

  afterAll(async () => {
    await nginx?.stop();
    if (supervisor && supervisor.child.exitCode === null) {
      supervisor.child.kill('SIGTERM');
      await Promise.race([supervisor.exit, sleep(15_000)]);
    }
    for (const pid of supervisor ? [...supervisor.output().matchAll(/worker (\d+) started/g)].map((m) => Number(m[1])) : []) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already stopped.
      }
    }
    await db?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  /** The results' count from several connections at once (so from both workers): every answer. */
  async function countsFromBothWorkers(client: RoutedClient): Promise<number[]> {
    return Promise.all(Array.from({ length: 8 }, () => countedInResults(client, consultationId).then((r) => r.count)));
  }

  async function allAgree(client: RoutedClient, expected: number): Promise<number[]> {
    return pollUntil(
      () => countsFromBothWorkers(client),
      (counts) => counts.every((c) => c === expected),
    );
  }

  it('spreads requests over both workers, and every answer counts what the database holds', async () => {
    const officerClient = new RoutedClient(nginx.url);
    await officerClient.signIn(officer);
    await countsFromBothWorkers(officerClient);
    const workers = listeningPids(supervisor.output());
    const connected = pidsConnectedOn(port);
    expect(
      workers.filter((pid) => connected.has(pid)),
      'the workers holding nginx’s connections',
    ).toEqual(workers);

    const resident = new RoutedClient(nginx.url, '', '127.0.0.3');
    for (let i = 0; i < 10; i += 1) expect(await submit(resident, body)).toBe(303);
    const inDb = await countedInDb(db, consultationId);
    expect(await allAgree(officerClient, inDb), `database ${inDb}`).toEqual(Array(8).fill(inDb));

    const response = await db
      .selectFrom('responses')
      .select('id')
      .where('consultation_id', '=', consultationId)
      .where('status', '=', 'counted')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const restore = await excludeAndRestore(officerClient, officerClient, consultationId, response.id);
    expect(await allAgree(officerClient, inDb - 1), `excluded: database ${inDb - 1}`).toEqual(Array(8).fill(inDb - 1));
    await restore();
    expect(await allAgree(officerClient, inDb), `restored: database ${inDb}`).toEqual(Array(8).fill(inDb));
  });

  it('shares the response rate limit between the workers', async () => {
    // Twice the limit at once from one client, over several connections (so both workers).
    const flood = new RoutedClient(nginx.url, '', '127.0.0.2');
    const statuses = await Promise.all(Array.from({ length: 2 * LIMIT }, () => submit(flood, body)));
    expect(statuses.filter((s) => s === 303).length, `responses accepted of ${2 * LIMIT} sent at once, the limit being ${LIMIT}`).toBe(LIMIT);
  });

  it('shares the sign-in slow-down between the workers', async () => {
    const account = await addAccount(db, 'admin');
    const guessers = [0, 1, 2].map(() => new RoutedClient(nginx.url, '', '127.0.0.4'));
    const answers = await Promise.all(
      guessers.flatMap((guesser, g) =>
        [0, 1].map((i) => guesser.postForm('/admin/sign-in', { email: account.email, password: `wrong ${g}-${i}`, redirectTo: '/admin' })),
      ),
    );
    const right = await new RoutedClient(nginx.url, '', '127.0.0.4').postForm('/admin/sign-in', {
      email: account.email,
      password: account.password,
      redirectTo: '/admin',
    });
    // Six failures in all: the right password from a new browser waits, whichever worker it reaches.
    expect(
      { failures: answers.filter((a) => a.status === 401 || a.status === 429).length, right: right.status },
      '6 wrong passwords spread over the workers, then the right one from a new browser',
    ).toEqual({ failures: 6, right: 429 });
  });

  it('finishes an export while a worker is killed and restarted, and downloads it', async () => {
    const officerClient = new RoutedClient(nginx.url);
    await officerClient.signIn(officer);
    /** kill -9 of the newest worker; resolves once the supervisor's replacement listens. */
    const killWorker = async () => {
      const workers = listeningPids(supervisor.output());
      const victim = workers.at(-1)!;
      process.kill(victim, 'SIGKILL');
      while (alive(victim)) await sleep(20);
      return async () => {
        for (let i = 0; listeningPids(supervisor.output()).length < workers.length + 1; i += 1) {
          if (i > 900) throw new Error(`No worker replaced the killed one:\n${supervisor.output().slice(-3000)}`);
          await sleep(100);
        }
      };
    };

    // A worker dies and its replacement starts while the other worker makes the file.
    const replaced = await killWorker();
    const first = await startExport(officerClient, consultationId);
    await replaced();
    const whenReplaced = await jobStatus(db, first);
    expect(await finishedJob(db, first), `the export on the surviving worker (it was ${whenReplaced} when the new worker listened)`).toEqual(DONE);

    // The worker that may be making the file is killed.
    const second = await startExport(officerClient, consultationId);
    const whenKilled = await jobStatus(db, second);
    await (
      await killWorker()
    )();
    expect(await finishedJob(db, second), `the export after a worker was killed (it was ${whenKilled} then)`).toEqual(DONE);
    for (const jobId of [first, second]) {
      const download = await downloadReferences(officerClient, consultationId, jobId);
      expect(download.status).toBe(200);
      expect(download.references).toEqual(await countedReferences(db, consultationId));
    }
  });
});
