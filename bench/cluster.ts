import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../db/seed/index';
import { demoDatabase, type Target } from './analysis';
import { readShape } from './databases';
import { load, uniqueId, type LoadResult } from './load';
import { freePort, startNode, stop, type Child } from './processes';
import { readCpuMs } from './rss';
import { signedInCookie } from './session';
import { ID_PLACEHOLDER, submissionBodyTemplate } from './submission';

// Several app processes on one database (issue 16), on SQLite and on PostgreSQL, at each size:
// - submissions per second with one process and with two (a round-robin of our own: one
//   autocannon per process, the connections split between them);
// - with two: the time from a submission's 303 on one process to its appearance in the other's
//   results.json (polled), or "never" within PROPAGATION_LIMIT_MS;
// - the full summary by ward, one request at a time;
// - cold start: from spawning a process until its first results.json answer.

const SLUG = 'one-stockport-conversation';
const SEED = 2020;
const SUMMARY = 'breakdown=ward';
const PROPAGATION_SAMPLES = 20;
const PROPAGATION_LIMIT_MS = 5000;
const POLL_MS = 20;

export interface ClusterOptions {
  root: string;
  tmp: string;
  cacheDir: string;
  sizes: number[];
  /** A PostgreSQL server (any database on it) to make the benchmark's databases on; null skips PostgreSQL. */
  postgresUrl: string | null;
  duration: number;
  warmup: number;
  connections: number;
}

type Engine = 'sqlite' | 'postgres';

export interface ClusterResult {
  engine: Engine;
  responses: number;
  databaseBuildS: number | null;
  submissions: {
    workers: number;
    reqPerSec: number;
    p50Ms: number;
    p99Ms: number;
    redirects: number;
    stored: number;
    bad: number;
    /** The app processes' CPU time (user and system, all of them) per request answered; null where /proc is missing. */
    cpuMsPerRequest: number | null;
  }[];
  propagation: { samples: number; appeared: number; p50Ms: number | null; p99Ms: number | null; limitMs: number };
  summary: { p50Ms: number; p99Ms: number; reqPerSec: number };
  coldStartMs: number | null;
  /** A process joining (or restarting) once another has saved the summary index: it loads that and replays the log since. */
  restartMs: number | null;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The demo at `size` on PostgreSQL, seeded once into a template database kept on the server (the cache). */
async function demoPostgres(serverUrl: string, size: number): Promise<{ template: string; builtS: number | null }> {
  const template = `heard_bench_demo_${size}_seed${SEED}`;
  const exists = await admin(serverUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [template])).rowCount);
  if (exists) return { template, builtS: null };
  const partial = `${template}_partial`;
  await admin(serverUrl, async (c) => {
    await c.query(`drop database if exists ${partial} with (force)`);
    await c.query(`create database ${partial}`);
  });
  process.stdout.write(`Seeding ${size.toLocaleString('en-GB')} demo responses on PostgreSQL (kept as database ${template}) ... `);
  const started = Date.now();
  const db = openDatabase(withDatabase(serverUrl, partial));
  try {
    await migrateToLatest(db);
    await seedDemo(db, { responses: size, seed: SEED });
  } finally {
    await db.destroy();
  }
  await admin(serverUrl, (c) => c.query(`alter database ${partial} rename to ${template}`));
  const builtS = (Date.now() - started) / 1000;
  console.log(`${builtS.toFixed(0)} s`);
  return { template, builtS };
}

/** A fresh copy of the cached demo for one run, and how to remove it. */
async function runDatabase(engine: Engine, size: number, opts: ClusterOptions): Promise<{ url: string; builtS: number | null; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const { path, builtS } = await demoDatabase(opts.cacheDir, size);
    const url = join(opts.tmp, `cluster-${size}.sqlite`);
    copyFileSync(path, url);
    const drop = async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${url}${suffix}`, { force: true });
    };
    return { url, builtS, drop };
  }
  const { template, builtS } = await demoPostgres(opts.postgresUrl!, size);
  const name = `heard_bench_run_${uniqueId()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
  await admin(opts.postgresUrl!, (c) => c.query(`create database ${name} template ${template}`));
  const drop = () => admin(opts.postgresUrl!, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
  return { url: withDatabase(opts.postgresUrl!, name), builtS, drop };
}

async function startApp(url: string, opts: ClusterOptions, label: string): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const { child } = await startNode({
    name: `app ${label}`,
    args: [join('build', 'node', 'server.js')],
    cwd: opts.root,
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      SEED_DEMO: 'false',
      SUBMISSIONS_PER_HOUR: '100000000',
      EXPORT_DIR: join(opts.tmp, `exports-${label}`),
    },
    ready: /Heard is listening on/,
    logFile: join(opts.tmp, `cluster-${label}.log`),
    timeoutMs: 180_000,
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function responsesCounted(base: string, consultationId: number, cookie: string): Promise<number> {
  const response = await fetch(`${base}/admin/consultations/${consultationId}/results.json`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`results.json answered ${response.status}`);
  const model = (await response.json()) as { responses: { suppressed: boolean; value?: number } };
  return model.responses.value ?? 0;
}

async function countStored(url: string, prefix: string): Promise<number> {
  const db = openDatabase(url);
  try {
    const row = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idempotency_key', 'like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}

/** Submissions spread over the processes: one autocannon each, the connections split between them. */
async function submissionsAcross(apps: { base: string; child: Child }[], template: (prefix: string) => string, url: string, opts: ClusterOptions) {
  const bases = apps.map((app) => app.base);
  const path = `/consultations/${SLUG}/check`;
  const each = Math.max(1, Math.round(opts.connections / bases.length));
  const run = (duration: number, prefix: string) =>
    Promise.all(bases.map((base) => load({ url: `${base}${path}`, connections: each, duration, method: 'POST', bodyTemplate: template(prefix) })));
  const tag = uniqueId();
  await run(opts.warmup, `cw${tag}-`);
  const cpuMs = () => apps.reduce<number | null>((total, app) => (total === null ? null : addCpu(total, readCpuMs(app.child.pid))), 0);
  const cpuBefore = cpuMs();
  const measured: LoadResult[] = await run(opts.duration, `cm${tag}-`);
  const cpuAfter = cpuMs();
  await new Promise((r) => setTimeout(r, 500));
  const stored = await countStored(url, `cm${tag}-`);
  const sum = (f: (r: LoadResult) => number) => measured.reduce((n, r) => n + f(r), 0);
  return {
    workers: bases.length,
    reqPerSec: sum((r) => r.reqPerSec),
    p50Ms: Math.max(...measured.map((r) => r.p50Ms)),
    p99Ms: Math.max(...measured.map((r) => r.p99Ms)),
    redirects: sum((r) => r.status3xx),
    stored,
    bad: sum((r) => r.bad),
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && sum((r) => r.requests) > 0 ? (cpuAfter - cpuBefore) / sum((r) => r.requests) : null,
  };
}

const addCpu = (total: number, ms: number | null) => (ms === null ? null : total + ms);

const cpuText = (ms: number | null) => (ms === null ? 'CPU not measured' : `${ms.toFixed(2)} ms CPU a request`);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;

/** From a 303 on `from` until `to`'s results count it, PROPAGATION_SAMPLES times. */
async function propagation(
  from: string,
  to: string,
  body: (key: string) => string,
  consultationId: number,
  cookie: string,
): Promise<ClusterResult['propagation']> {
  const times: number[] = [];
  for (let i = 0; i < PROPAGATION_SAMPLES; i++) {
    const before = await responsesCounted(to, consultationId, cookie);
    const posted = await fetch(`${from}/consultations/${SLUG}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body(`prop-${uniqueId()}`),
      redirect: 'manual',
    });
    await posted.arrayBuffer();
    if (posted.status !== 303) throw new Error(`A submission answered ${posted.status}`);
    const acknowledged = performance.now();
    while (performance.now() - acknowledged < PROPAGATION_LIMIT_MS) {
      if ((await responsesCounted(to, consultationId, cookie)) > before) {
        times.push(performance.now() - acknowledged);
        break;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { samples: PROPAGATION_SAMPLES, appeared: times.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), limitMs: PROPAGATION_LIMIT_MS };
}

/** From spawning a process until its first results.json answer (the summary index built, or caught up). */
async function coldStart(url: string, consultationId: number, cookie: string, opts: ClusterOptions): Promise<number> {
  const started = performance.now();
  const { child, base } = await startApp(url, opts, 'cold');
  try {
    await responsesCounted(base, consultationId, cookie);
    return performance.now() - started;
  } finally {
    await stop(child, 15_000);
  }
}

async function benchClusterOn(engine: Engine, size: number, opts: ClusterOptions, template: (prefix: string) => string): Promise<ClusterResult> {
  const { url, builtS, drop } = await runDatabase(engine, size, opts);
  const apps: Child[] = [];
  const at = `${engine} ${size.toLocaleString('en-GB')}`;
  try {
    const { cookie, consultationId } = await signedInCookie(url, 'analyst');
    // Cold start first, on a database no process has opened yet.
    process.stdout.write(`  ${at}: cold start ... `);
    const coldStartMs = await coldStart(url, consultationId, cookie, opts);
    console.log(`${(coldStartMs / 1000).toFixed(1)} s to the first results answer`);

    const a = await startApp(url, opts, `${engine}-a`);
    apps.push(a.child);
    await responsesCounted(a.base, consultationId, cookie);
    const submissions = [];
    process.stdout.write(`  ${at}: submissions, 1 process ... `);
    submissions.push(await submissionsAcross([a], template, url, opts));
    console.log(`${submissions[0]!.reqPerSec.toFixed(0)} req/s, ${cpuText(submissions[0]!.cpuMsPerRequest)}`);

    process.stdout.write(`  ${at}: full summary by ward, one at a time ... `);
    const path = `${a.base}/admin/consultations/${consultationId}/results.json?${SUMMARY}`;
    await load({ url: path, connections: 1, duration: opts.warmup, headers: { cookie } });
    const reads = await load({ url: path, connections: 1, duration: opts.duration, headers: { cookie } });
    if (reads.bad > 0) throw new Error(`The summary answered other than 2xx: ${JSON.stringify(reads.statusCodes)}`);
    console.log(`p50 ${reads.p50Ms} ms, p99 ${reads.p99Ms} ms`);

    const b = await startApp(url, opts, `${engine}-b`);
    apps.push(b.child);
    await responsesCounted(b.base, consultationId, cookie);
    process.stdout.write(`  ${at}: submissions, 2 processes ... `);
    submissions.push(await submissionsAcross([a, b], template, url, opts));
    console.log(`${submissions[1]!.reqPerSec.toFixed(0)} req/s, ${cpuText(submissions[1]!.cpuMsPerRequest)}`);

    process.stdout.write(`  ${at}: from a 303 on one process to the other's results ... `);
    const prop = await propagation(a.base, b.base, (key) => template('').replace(ID_PLACEHOLDER, key), consultationId, cookie);
    console.log(
      prop.appeared === 0
        ? `never appeared within ${prop.limitMs / 1000} s (${prop.samples} tries)`
        : `${prop.appeared}/${prop.samples} appeared, p50 ${prop.p50Ms?.toFixed(0)} ms, p99 ${prop.p99Ms?.toFixed(0)} ms`,
    );

    // A restart, or a new server joining: by now the first process has saved its summary index
    // (after its build), and every submission since is in the change log.
    process.stdout.write(`  ${at}: cold start with a saved index (a restart) ... `);
    const restartMs = await coldStart(url, consultationId, cookie, opts);
    console.log(`${(restartMs / 1000).toFixed(1)} s to the first results answer`);
    return {
      engine,
      responses: size,
      databaseBuildS: builtS,
      submissions,
      propagation: prop,
      summary: { p50Ms: reads.p50Ms, p99Ms: reads.p99Ms, reqPerSec: reads.reqPerSec },
      coldStartMs,
      restartMs,
    };
  } finally {
    for (const app of apps) await stop(app, 15_000);
    await drop();
  }
}

export async function benchCluster(opts: ClusterOptions): Promise<ClusterResult[]> {
  const results: ClusterResult[] = [];
  for (const size of opts.sizes) {
    // Question and option ids are the same in every demo database (the seed stores identical rows), so one shape serves both.
    const shape = readShape((await demoDatabase(opts.cacheDir, size)).path, SLUG);
    const template = (prefix: string) => submissionBodyTemplate(shape, prefix);
    for (const engine of ['sqlite', 'postgres'] as const) {
      if (engine === 'postgres' && !opts.postgresUrl) continue;
      results.push(await benchClusterOn(engine, size, opts, template));
    }
  }
  return results;
}

const TWO_WORKERS_TARGET = 1.5;
const PROPAGATION_P99_TARGET_MS = 1000;
const SUMMARY_P50_TARGET_MS = 50;
const COLD_START_TARGET_MS = 5000;

export function clusterReport(
  results: ClusterResult[],
  table: (h: string[], r: (string | number)[][], right?: boolean[]) => string,
): { text: string; targets: Target[] } {
  if (results.length === 0) return { text: '', targets: [] };
  const n = (x: number) => x.toLocaleString('en-GB');
  const ms = (x: number | null) => (x === null ? '–' : x.toFixed(0));
  const cpu = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  const rows = results.map((r) => {
    const [one, two] = r.submissions;
    const p = r.propagation;
    return [
      r.engine,
      n(r.responses),
      one!.reqPerSec.toFixed(0),
      two!.reqPerSec.toFixed(0),
      `${(two!.reqPerSec / one!.reqPerSec).toFixed(2)}x`,
      `${cpu(one!.cpuMsPerRequest)} / ${cpu(two!.cpuMsPerRequest)}`,
      p.appeared === 0 ? `never within ${p.limitMs / 1000} s` : `${ms(p.p50Ms)} / ${ms(p.p99Ms)} (${p.appeared}/${p.samples})`,
      `${r.summary.p50Ms} / ${r.summary.p99Ms}`,
      r.coldStartMs === null ? '–' : (r.coldStartMs / 1000).toFixed(1),
      r.restartMs === null ? '–' : (r.restartMs / 1000).toFixed(1),
      r.submissions.every((s) => s.stored >= s.redirects && s.bad === 0) ? 'OK' : 'FAIL',
    ];
  });
  const text = [
    'Several processes on one database (issue 16)\n',
    table(
      [
        'database',
        'responses',
        '1 process req/s',
        '2 processes req/s',
        '2/1',
        'CPU ms/req 1 / 2',
        'to the other process p50/p99 ms',
        'summary by ward p50/p99 ms',
        'first start s',
        'restart s',
        'stored',
      ],
      rows,
      [false, true, true, true, true, true, true, true, true, true, false],
    ),
  ].join('\n');
  const targets: Target[] = [];
  const largest = Math.max(...results.map((r) => r.responses));
  for (const r of results) {
    const at = `${r.engine}, ${n(r.responses)}`;
    const [one, two] = r.submissions;
    const p = r.propagation;
    targets.push(
      {
        target: `two processes >= ${TWO_WORKERS_TARGET}x one's submissions (${at})`,
        measured: `${(two!.reqPerSec / one!.reqPerSec).toFixed(2)}x (${two!.reqPerSec.toFixed(0)} against ${one!.reqPerSec.toFixed(0)} req/s)`,
        pass: two!.reqPerSec >= TWO_WORKERS_TARGET * one!.reqPerSec,
      },
      {
        target: `a submission in the other process's results, p99 < ${PROPAGATION_P99_TARGET_MS} ms (${at})`,
        measured: p.appeared < p.samples ? `${p.samples - p.appeared} of ${p.samples} never appeared within ${p.limitMs / 1000} s` : `p99 ${ms(p.p99Ms)} ms`,
        pass: p.appeared === p.samples && (p.p99Ms ?? Infinity) < PROPAGATION_P99_TARGET_MS,
      },
      {
        target: `every 303 stored (${at})`,
        measured: r.submissions.map((s) => `${s.stored}/${s.redirects}`).join(', '),
        pass: r.submissions.every((s) => s.stored >= s.redirects && s.bad === 0),
      },
    );
    if (r.responses === largest) {
      targets.push(
        {
          target: `full summary by ward p50 < ${SUMMARY_P50_TARGET_MS} ms (${at})`,
          measured: `${r.summary.p50Ms} ms`,
          pass: r.summary.p50Ms < SUMMARY_P50_TARGET_MS,
        },
        {
          // A process on a database some process has served before (a restart, a server added):
          // what the cold start asks for. The very first start on a database nobody has
          // served (a fresh seed) builds the index from the responses, shown beside it.
          target: `cold start (a restart, the saved index loaded) to the first results answer < ${COLD_START_TARGET_MS / 1000} s (${at})`,
          measured: `${ms(r.restartMs)} ms (first start on a database no process had served: ${ms(r.coldStartMs)} ms)`,
          pass: r.restartMs !== null && r.restartMs < COLD_START_TARGET_MS,
        },
      );
    }
  }
  return { text, targets };
}
