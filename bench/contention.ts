import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoDatabase, type Target } from './analysis';
import { readShape, storedResponse } from './databases';
import { fetchFile, type FetchedFile } from './fetch-file';
import { loadUntil, uniqueId, type LoadResult } from './load';
import { signedInCookie } from './session';
import { freePort, startNode, stop, type Child } from './processes';
import { ID_PLACEHOLDER, submissionBodyTemplate } from './submission';

// Public pages while something else is busy (issue 12), on a copy of the 100,000-response demo
// database, the production server with the page cache off (so every GET is rendered):
// - during-heavy: the committee report PDF alone (its own time), then public GETs with nothing
//   else running, then the same GETs while the PDF and the 100,000-row responses Excel file are
//   made at once (signed in as an officer);
// - during-lock: public GETs with nothing else running, then while another process holds
//   SQLite's write lock (BEGIN IMMEDIATE) for 10 s; a few submissions are sent meanwhile, and
//   whether each was acknowledged and stored once the lock cleared is reported.
// The GETs come at a steady rate, as residents browsing would, so p99 shows waiting, not queueing.

export const CONTENTION_SCENARIOS = ['during-heavy', 'during-lock'] as const;
export type ContentionName = (typeof CONTENTION_SCENARIOS)[number];
export const CONTENTION_SIZE = 100_000;
export const P99_TARGET_MS = 100;
export const PDF_TARGET_MS = 2000;
const LOCK_SECONDS = 10;
const SLUG = 'one-stockport-conversation';
const PUBLIC_PATH = `/consultations/${SLUG}`;

export interface ContentionOptions {
  root: string;
  tmp: string;
  cacheDir: string;
  only: Set<string>;
  /** Public GETs per second, and the connections they share. */
  rate: number;
  connections: number;
}

export interface HeavyResult {
  pdfAlone: FetchedFile;
  quiet: LoadResult;
  during: LoadResult;
  pdf: FetchedFile;
  xlsx: FetchedFile;
  /** Public GETs answered after the PDF was asked for and before it arrived. */
  answeredWhilePdf: number;
}

export interface LockResult {
  quiet: LoadResult;
  during: LoadResult;
  lockHeldMs: number;
  submissions: { status: number | string; ms: number; stored: boolean }[];
}

export interface ContentionResult {
  responses: number;
  /** Public GETs per second asked for. */
  rate: number;
  heavy?: HeavyResult;
  lock?: LockResult;
}

const quietGets = (url: string, opts: ContentionOptions, seconds: number) =>
  loadUntil({ url, connections: opts.connections, rate: opts.rate, until: new Promise((r) => setTimeout(r, seconds * 1000)) });

async function duringHeavy(base: string, cookie: string, id: number, opts: ContentionOptions): Promise<HeavyResult> {
  const pdfPath = `/admin/consultations/${id}/report.pdf`;
  const xlsxPath = `/admin/consultations/${id}/export/responses.xlsx`;
  process.stdout.write('  during-heavy: the report PDF alone ... ');
  const pdfAlone = await fetchFile(base, pdfPath, cookie);
  if (!pdfAlone.head.startsWith('%PDF')) throw new Error(`report.pdf is not a PDF: ${pdfAlone.contentType}`);
  console.log(`${(pdfAlone.ms / 1000).toFixed(2)} s, ${(pdfAlone.bytes / 1024).toFixed(0)} KB`);

  const quiet = await quietGets(`${base}${PUBLIC_PATH}`, opts, 10);
  console.log(`  during-heavy: public GETs, nothing else running: p50 ${quiet.p50Ms} ms, p99 ${quiet.p99Ms} ms`);

  let pdfAsked = false;
  let pdfDone = false;
  let answeredWhilePdf = 0;
  const heavy = new Promise((r) => setTimeout(r, 1000)).then(() => {
    pdfAsked = true;
    const pdf = fetchFile(base, pdfPath, cookie).finally(() => (pdfDone = true));
    return Promise.all([pdf, fetchFile(base, xlsxPath, cookie)]);
  });
  process.stdout.write('  during-heavy: public GETs while the PDF and the 100,000-row Excel file are made ... ');
  const during = await loadUntil({
    url: `${base}${PUBLIC_PATH}`,
    connections: opts.connections,
    rate: opts.rate,
    until: heavy,
    onAnswer: () => {
      if (pdfAsked && !pdfDone) answeredWhilePdf += 1;
    },
  });
  const [pdf, xlsx] = await heavy;
  if (!xlsx.head.startsWith('PK')) throw new Error(`responses.xlsx is not a zip: ${xlsx.contentType}`);
  console.log(
    `p50 ${during.p50Ms} ms, p99 ${during.p99Ms} ms; ` +
      `PDF ${(pdf.ms / 1000).toFixed(1)} s, Excel ${(xlsx.ms / 1000).toFixed(1)} s (${(xlsx.bytes / 2 ** 20).toFixed(1)} MB)`,
  );
  return { pdfAlone, quiet, during, pdf, xlsx, answeredWhilePdf };
}

function holdLock(root: string, database: string, tmp: string): Promise<{ held: Promise<number> }> {
  return startNode({
    name: 'lock holder',
    args: ['--import', 'tsx', join('bench', 'lock-holder.ts'), database, String(LOCK_SECONDS)],
    cwd: root,
    env: {},
    ready: /locked/,
    logFile: join(tmp, 'lock-holder.log'),
  }).then(({ child }) => {
    const started = performance.now();
    return { held: child.exited.then(() => performance.now() - started) };
  });
}

async function duringLock(base: string, database: string, opts: ContentionOptions): Promise<LockResult> {
  const template = submissionBodyTemplate(readShape(database, SLUG), 'lock-');
  const quiet = await quietGets(`${base}${PUBLIC_PATH}`, opts, LOCK_SECONDS);
  console.log(`  during-lock: public GETs, nothing else running: p50 ${quiet.p50Ms} ms, p99 ${quiet.p99Ms} ms`);

  process.stdout.write(`  during-lock: public GETs while another process holds the write lock for ${LOCK_SECONDS} s, and 3 submissions ... `);
  const { held } = await holdLock(opts.root, database, opts.tmp);
  const keys = [1, 3, 5].map((s) => ({ key: `lock-${uniqueId()}`, at: s * 1000 }));
  const sent = keys.map(({ key, at }) =>
    new Promise((r) => setTimeout(r, at)).then(async () => {
      const started = performance.now();
      try {
        const response = await fetch(`${base}/consultations/${SLUG}/check`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: template.replace(ID_PLACEHOLDER, key.slice('lock-'.length)),
          redirect: 'manual',
          signal: AbortSignal.timeout(60_000),
        });
        await response.body?.cancel();
        return { key, status: response.status as number | string, ms: performance.now() - started };
      } catch (error) {
        return { key, status: error instanceof Error ? error.name : 'error', ms: performance.now() - started };
      }
    }),
  );
  const during = await loadUntil({ url: `${base}${PUBLIC_PATH}`, connections: opts.connections, rate: opts.rate, until: held });
  const lockHeldMs = await held;
  const answers = await Promise.all(sent);
  await new Promise((r) => setTimeout(r, 1000));
  const submissions = answers.map((a) => ({ status: a.status, ms: a.ms, stored: storedResponse(database, a.key) !== null }));
  console.log(
    `p50 ${during.p50Ms} ms, p99 ${during.p99Ms} ms; submissions ${submissions.map((s) => `${s.status}${s.stored ? ' stored' : ' not stored'}`).join(', ')}`,
  );
  return { quiet, during, lockHeldMs, submissions };
}

export async function benchContention(opts: ContentionOptions): Promise<ContentionResult> {
  const { path: cached } = await demoDatabase(opts.cacheDir, CONTENTION_SIZE);
  const database = join(opts.tmp, 'contention.sqlite');
  copyFileSync(cached, database);
  const { cookie, consultationId } = await signedInCookie(database, 'officer');
  const port = await freePort();
  let app: Child | undefined;
  try {
    ({ child: app } = await startNode({
      name: 'app (contention)',
      args: [join('build', 'node', 'server.js')],
      cwd: opts.root,
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database,
        SEED_DEMO: 'false',
        PAGE_CACHE_SECONDS: '0',
        SUBMISSIONS_PER_HOUR: '100000000',
      },
      ready: /Heard is listening on/,
      logFile: join(opts.tmp, 'app-contention.log'),
    }));
    const base = `http://127.0.0.1:${port}`;
    // The summary index is built once here, so the PDF's time is the PDF's own.
    const summary = await fetch(`${base}/admin/consultations/${consultationId}/results.json?breakdown=ward`, { headers: { cookie } });
    if (summary.status !== 200) throw new Error(`results.json answered ${summary.status}`);
    await summary.arrayBuffer();
    const result: ContentionResult = { responses: CONTENTION_SIZE, rate: opts.rate };
    if (opts.only.has('during-heavy')) result.heavy = await duringHeavy(base, cookie, consultationId, opts);
    if (opts.only.has('during-lock')) result.lock = await duringLock(base, database, opts);
    return result;
  } finally {
    if (app) await stop(app, 15_000);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  }
}

/** The tables for the terminal, and the issue's targets. */
export function contentionReport(
  r: ContentionResult | undefined,
  table: (h: string[], rows: (string | number)[][], right?: boolean[]) => string,
): { text: string; targets: Target[] } {
  if (!r || (!r.heavy && !r.lock)) return { text: '', targets: [] };
  // A connection waiting for an answer sends nothing more (coordinated omission): fewer requests than asked
  // for means the server was stalled for longer than p99 alone shows.
  const row = (label: string, l: LoadResult) => [label, l.p50Ms, l.p99Ms, `${l.requests}/${Math.round(r.rate * l.durationS)}`, l.bad];
  const rows: (string | number)[][] = [];
  const targets: Target[] = [];
  if (r.heavy) {
    const h = r.heavy;
    rows.push(row('nothing else running', h.quiet), row('while the report PDF and the responses Excel file are made', h.during));
    targets.push(
      {
        target: `public GET p99 < ${P99_TARGET_MS} ms while a PDF and a 100,000-row Excel file are made`,
        measured: `${h.during.p99Ms} ms (p50 ${h.during.p50Ms}; quiet p99 ${h.quiet.p99Ms})`,
        pass: h.during.p99Ms < P99_TARGET_MS && h.during.bad === 0,
      },
      { target: 'public GETs answered while the PDF was being made', measured: String(h.answeredWhilePdf), pass: h.answeredWhilePdf > 0 },
      {
        target: `report PDF alone < ${PDF_TARGET_MS} ms (at 100,000 responses)`,
        measured: `${h.pdfAlone.ms.toFixed(0)} ms (under load ${h.pdf.ms.toFixed(0)} ms)`,
        pass: h.pdfAlone.ms < PDF_TARGET_MS,
      },
    );
  }
  if (r.lock) {
    const l = r.lock;
    rows.push(row('nothing else running', l.quiet), row(`while another process holds the write lock (${(l.lockHeldMs / 1000).toFixed(1)} s)`, l.during));
    const lost = l.submissions.filter((s) => s.status === 303 && !s.stored).length;
    targets.push(
      {
        target: `public GET p99 < ${P99_TARGET_MS} ms during a ${LOCK_SECONDS} s external write lock`,
        measured: `${l.during.p99Ms} ms (p50 ${l.during.p50Ms}; quiet p99 ${l.quiet.p99Ms})`,
        pass: l.during.p99Ms < P99_TARGET_MS && l.during.bad === 0,
      },
      {
        target: 'submissions during the lock: every 303 stored, none a 500',
        measured: l.submissions.map((s) => `${s.status} in ${(s.ms / 1000).toFixed(1)} s, ${s.stored ? 'stored' : 'not stored'}`).join('; '),
        pass: lost === 0 && l.submissions.every((s) => s.status !== 500),
      },
    );
  }
  const heavyFiles = r.heavy
    ? `\nReport PDF alone ${(r.heavy.pdfAlone.ms / 1000).toFixed(2)} s (${(r.heavy.pdfAlone.bytes / 1024).toFixed(0)} KB); ` +
      `under load: PDF ${(r.heavy.pdf.ms / 1000).toFixed(1)} s, ` +
      `Excel ${(r.heavy.xlsx.ms / 1000).toFixed(1)} s (${(r.heavy.xlsx.bytes / 2 ** 20).toFixed(1)} MB); ` +
      `progress pages polled: PDF ${r.heavy.pdf.polls}, Excel ${r.heavy.xlsx.polls}`
    : '';
  const text = [
    `Public GET ${PUBLIC_PATH} (page cache off), ${r.rate} per second, at ${r.responses.toLocaleString('en-GB')} responses\n`,
    table(['while', 'p50 ms', 'p99 ms', 'answered/asked', 'non-2xx'], rows, [false, true, true, true, true]),
    heavyFiles,
  ].join('\n');
  return { text, targets };
}
