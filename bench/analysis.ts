import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../db/seed/index';
import { readShape, storedCheck, storedResponse, type StoredCheck } from './databases';
import { load, uniqueId, type LoadResult } from './load';
import { signedInCookie } from './session';
import { freePort, startNode, stop, type Child } from './processes';
import { readCpuMs, readRssKb, RssSampler } from './rss';
import { ID_PLACEHOLDER, submissionBodyTemplate } from './submission';

// "What we heard" at scale (issue 5): databases of 100,000 and 1,000,000 demo responses (the
// One Stockport conversation: 15 answers each, 2 of them free text), the app started on each,
// and measured, one after another:
// - submissions with no summary index in memory (aggregation off) and then with the index built
//   and kept current by every submission (aggregation on): the ratio on/off;
// - the index's build time and the server's memory once it holds it;
// - the full summary of every closed question broken down by one dimension, and a summary with
//   a three-field filter, through the workspace's JSON endpoint, one request at a time (p50/p99).

const SLUG = 'one-stockport-conversation';
const SEED = 2020;

export interface AnalysisOptions {
  root: string;
  tmp: string;
  cacheDir: string;
  sizes: number[];
  duration: number;
  warmup: number;
  connections: number;
}

export interface ReadScenario {
  label: string;
  path: string;
  load: LoadResult;
  peakRssMb: number | null;
}

export interface SizeResult {
  responses: number;
  databaseBuildS: number | null;
  indexBuildMs: number;
  rssBeforeIndexMb: number;
  rssAfterIndexMb: number;
  submitOff: { load: LoadResult; stored: StoredCheck; cpuMsPerRequest: number | null };
  submitOn: { load: LoadResult; stored: StoredCheck; cpuMsPerRequest: number | null };
  reads: ReadScenario[];
  peakRssMb: number;
}

/** A demo database of `size` responses, made once and kept in the cache (seeding a million takes minutes). */
export async function demoDatabase(cacheDir: string, size: number): Promise<{ path: string; builtS: number | null }> {
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `demo-${size}-seed${SEED}.sqlite`);
  if (existsSync(path)) return { path, builtS: null };
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  const started = Date.now();
  process.stdout.write(`Seeding ${size.toLocaleString('en-GB')} demo responses (kept in ${cacheDir}) ... `);
  const db = openDatabase(partial);
  try {
    await migrateToLatest(db);
    await seedDemo(db, { responses: size, seed: SEED });
    await db.destroy();
  } catch (error) {
    await db.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, path);
  const builtS = (Date.now() - started) / 1000;
  console.log(`${builtS.toFixed(0)} s`);
  return { path, builtS };
}

async function getJson(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.json();
}

async function measuredSubmissions(
  app: Child,
  url: string,
  template: (prefix: string) => string,
  database: string,
  answers: number,
  opts: AnalysisOptions,
  prefix: string,
) {
  const warm = await load({ url, connections: opts.connections, duration: opts.warmup, method: 'POST', bodyTemplate: template(`${prefix}warm-`) });
  const cpuBefore = readCpuMs(app.pid);
  const measured = await load({ url, connections: opts.connections, duration: opts.duration, method: 'POST', bodyTemplate: template(`${prefix}run-`) });
  const cpuAfter = readCpuMs(app.pid);
  await new Promise((r) => setTimeout(r, 500));
  if (warm.bad > 0 || measured.bad > 0) throw new Error(`Submissions answered other than 303: ${JSON.stringify(measured.statusCodes)}`);
  const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  return {
    load: measured,
    stored: storedCheck(database, `${prefix}run-`, measured, answers, opts.connections),
    cpuMsPerRequest: cpu !== null && measured.requests > 0 ? cpu / measured.requests : null,
  };
}

export async function benchAnalysisAt(
  size: number,
  opts: AnalysisOptions,
  paths: { summary: (id: number) => string; filtered: (id: number) => string },
): Promise<SizeResult> {
  const { path: cached, builtS } = await demoDatabase(opts.cacheDir, size);
  const database = join(opts.tmp, `analysis-${size}.sqlite`);
  copyFileSync(cached, database);
  const { cookie, consultationId } = await signedInCookie(database, 'analyst');
  const shape = readShape(database, SLUG);
  const template = (prefix: string) => submissionBodyTemplate(shape, prefix);

  const port = await freePort();
  const { child: app } = await startNode({
    name: `app (${size})`,
    args: [join('build', 'node', 'server.js')],
    cwd: opts.root,
    // No index at start: the first submissions run with aggregation off.
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database,
      SEED_DEMO: 'false',
      WARM_SUMMARY_INDEXES: 'false',
      SUBMISSIONS_PER_HOUR: '100000000',
    },
    ready: /Heard is listening on/,
    logFile: join(opts.tmp, `app-${size}.log`),
  });
  const base = `http://127.0.0.1:${port}`;
  const peak = new RssSampler(app.pid).start();
  try {
    // One submission checked end to end first: stored with all its answers.
    const key = `verify-${uniqueId()}`;
    const check = await fetch(`${base}/consultations/${SLUG}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: template('').replace(ID_PLACEHOLDER, key),
      redirect: 'manual',
    });
    if (check.status !== 303) throw new Error(`The verification submission answered ${check.status}`);
    const answers = storedResponse(database, key)?.answers.length ?? 0;
    const submitUrl = `${base}/consultations/${SLUG}/check`;

    process.stdout.write(`  ${size.toLocaleString('en-GB')}: submissions, aggregation off ... `);
    const submitOff = await measuredSubmissions(app, submitUrl, template, database, answers, opts, 'off-');
    console.log(`${submitOff.load.reqPerSec.toFixed(0)} req/s`);

    const rssBeforeIndexMb = (readRssKb(app.pid) ?? 0) / 1024;
    const started = performance.now();
    await getJson(`${base}${paths.summary(consultationId)}`, cookie);
    const indexBuildMs = performance.now() - started;
    const rssAfterIndexMb = (readRssKb(app.pid) ?? 0) / 1024;
    console.log(
      `  ${size.toLocaleString('en-GB')}: index built by the first summary request in ${(indexBuildMs / 1000).toFixed(1)} s; ` +
        `RSS ${rssBeforeIndexMb.toFixed(0)} -> ${rssAfterIndexMb.toFixed(0)} MB`,
    );

    process.stdout.write(`  ${size.toLocaleString('en-GB')}: submissions, aggregation on ... `);
    const submitOn = await measuredSubmissions(app, submitUrl, template, database, answers, opts, 'on-');
    console.log(`${submitOn.load.reqPerSec.toFixed(0)} req/s`);

    const reads: ReadScenario[] = [];
    for (const [label, path] of [
      ['full summary, all closed questions by ward', paths.summary(consultationId)],
      ['summary with a three-field filter', paths.filtered(consultationId)],
    ] as const) {
      await getJson(`${base}${path}`, cookie);
      const sampler = new RssSampler(app.pid).start();
      await load({ url: `${base}${path}`, connections: 1, duration: opts.warmup, headers: { cookie } });
      const measured = await load({ url: `${base}${path}`, connections: 1, duration: opts.duration, headers: { cookie } });
      const { peakMb } = sampler.stop();
      if (measured.bad > 0) throw new Error(`${label}: ${measured.bad} answers other than 2xx (${JSON.stringify(measured.statusCodes)})`);
      reads.push({ label, path, load: measured, peakRssMb: peakMb });
      console.log(`  ${size.toLocaleString('en-GB')}: ${label}: p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, ${measured.reqPerSec.toFixed(0)} req/s`);
    }
    return {
      responses: size,
      databaseBuildS: builtS,
      indexBuildMs,
      rssBeforeIndexMb,
      rssAfterIndexMb,
      submitOff,
      submitOn,
      reads,
      peakRssMb: peak.stop().peakMb ?? 0,
    };
  } finally {
    peak.stop();
    await stop(app, 15_000);
    rmSync(database, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  }
}

const SUMMARY_P50_TARGET_MS = 50;
const FILTERED_P50_TARGET_MS = 250;
const SUBMIT_RATIO_TARGET = 0.5;
const RSS_LIMIT_MB = 500;

export interface Target {
  target: string;
  measured: string;
  pass: boolean;
}

/** The figures as tables for the terminal, and the targets judged at the largest size. */
export function analysisReport(
  results: SizeResult[],
  table: (h: string[], r: (string | number)[][], right?: boolean[]) => string,
): { text: string; targets: Target[] } {
  const n = (x: number) => x.toLocaleString('en-GB');
  const rows = results.flatMap((r) => [
    ...r.reads.map((s) => [n(r.responses), s.label, s.load.p50Ms, s.load.p99Ms, s.load.reqPerSec.toFixed(0), (s.peakRssMb ?? 0).toFixed(0)]),
  ]);
  const submits = results.map((r) => [
    n(r.responses),
    r.submitOff.load.reqPerSec.toFixed(0),
    r.submitOn.load.reqPerSec.toFixed(0),
    (r.submitOn.load.reqPerSec / r.submitOff.load.reqPerSec).toFixed(3),
    r.submitOff.cpuMsPerRequest?.toFixed(2) ?? '–',
    r.submitOn.cpuMsPerRequest?.toFixed(2) ?? '–',
    `${r.submitOff.stored.ok && r.submitOn.stored.ok ? 'OK' : 'FAIL'} (${r.submitOn.stored.note})`,
  ]);
  const memory = results.map((r) => [
    n(r.responses),
    (r.indexBuildMs / 1000).toFixed(1),
    r.rssBeforeIndexMb.toFixed(0),
    r.rssAfterIndexMb.toFixed(0),
    r.peakRssMb.toFixed(0),
    r.databaseBuildS?.toFixed(0) ?? 'cached',
  ]);
  const text = [
    'What we heard: reads through /admin/consultations/ID/results.json, one request at a time\n',
    table(['responses', 'scenario', 'p50 ms', 'p99 ms', 'req/s', 'peak RSS MB'], rows, [true, false, true, true, true, true]),
    '\nSubmissions without and with the summary index kept current\n',
    table(['responses', 'off req/s', 'on req/s', 'on/off', 'off CPU ms/req', 'on CPU ms/req', 'stored'], submits, [true, true, true, true, true, true, false]),
    '\nIndex build and server memory\n',
    table(['responses', 'index build s', 'RSS before MB', 'RSS after MB', 'peak RSS MB', 'database seeded s'], memory, [true, true, true, true, true, true]),
  ].join('\n');
  const largest = results.at(-1);
  if (!largest) return { text, targets: [] };
  const at = `at ${n(largest.responses)}`;
  const [summary, filtered] = largest.reads;
  const submitRatio = largest.submitOn.load.reqPerSec / largest.submitOff.load.reqPerSec;
  const targets: Target[] = [
    {
      target: `full summary by one dimension p50 < ${SUMMARY_P50_TARGET_MS} ms ${at}`,
      measured: `${summary?.load.p50Ms} ms (p99 ${summary?.load.p99Ms})`,
      pass: (summary?.load.p50Ms ?? Infinity) < SUMMARY_P50_TARGET_MS,
    },
    {
      target: `three-field filter p50 < ${FILTERED_P50_TARGET_MS} ms ${at}`,
      measured: `${filtered?.load.p50Ms} ms (p99 ${filtered?.load.p99Ms})`,
      pass: (filtered?.load.p50Ms ?? Infinity) < FILTERED_P50_TARGET_MS,
    },
    {
      target: `submissions with aggregation >= ${SUBMIT_RATIO_TARGET}x without ${at}`,
      measured: `${submitRatio.toFixed(3)}x`,
      pass: submitRatio >= SUBMIT_RATIO_TARGET,
    },
    {
      target: `server peak RSS < ${RSS_LIMIT_MB} MB ${at}`,
      measured: `${largest.peakRssMb.toFixed(0)} MB`,
      pass: largest.peakRssMb > 0 && largest.peakRssMb < RSS_LIMIT_MB,
    },
    {
      target: 'every 303 stored exactly one response',
      measured: results.map((r) => `${r.submitOn.stored.responses}/${r.submitOn.stored.redirects}`).join(', '),
      pass: results.every((r) => r.submitOff.stored.ok && r.submitOn.stored.ok),
    },
  ];
  return { text, targets };
}
