import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoDatabase, type Target } from './analysis';
import { signedInCookie } from './session';
import { freePort, startNode, stop } from './processes';
import { RssSampler } from './rss';

// The `responses` export at a million responses (issue 6), in one run:
// - our exporter (bench/export-worker.ts --mode app: what the download and `npm run export` run)
//   against a bare loop (--mode bare: the same SQL on better-sqlite3, the same columns, the same
//   csv-stringify stream), each in a process of its own whose peak RSS is sampled. They take
//   turns, ROUNDS times, and each keeps its best time, so a busy moment on the machine does not
//   decide the ratio;
// - the time to the first byte of GET /admin/consultations/ID/export/responses.csv from the
//   production server, signed in as an analyst.

const SLUG = 'one-stockport-conversation';
const ROUNDS = 2;
export const EXPORT_RATIO_TARGET = 0.8;
export const EXPORT_RSS_LIMIT_MB = 300;
export const TTFB_TARGET_MS = 1000;

export interface ExportRun {
  rows: number;
  ms: number;
  bytes: number;
  peakRssMb: number;
}

export interface ExportResult {
  responses: number;
  app: ExportRun;
  bare: ExportRun;
  ratio: number;
  ttfbMs: number;
  /** The HTTP download's first bytes, to check it is the file. */
  firstLine: string;
}

/** One export in a process of its own (node + tsx), its RSS sampled from start to exit. */
function runWorker(root: string, mode: 'app' | 'bare', database: string, out: string): Promise<ExportRun> {
  const args = ['--import', 'tsx', join('bench', 'export-worker.ts'), '--mode', mode, '--database', database, '--slug', SLUG, '--out', out];
  const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid === undefined) throw new Error(`Could not start the ${mode} export`);
  const sampler = new RssSampler(proc.pid, 100).start();
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => {
      const { peakMb } = sampler.stop();
      rmSync(out, { force: true });
      const line = /\{"rows":\d+.*\}/.exec(output);
      if (code !== 0 || !line) return reject(new Error(`The ${mode} export exited with ${code}:\n${output.slice(-3000)}`));
      resolve({ ...(JSON.parse(line[0]) as Omit<ExportRun, 'peakRssMb'>), peakRssMb: peakMb ?? 0 });
    });
  });
}

/** Time to the first byte of the download, then the download is cancelled. */
async function timeToFirstByte(root: string, tmp: string, database: string): Promise<{ ttfbMs: number; firstLine: string }> {
  const { cookie, consultationId } = await signedInCookie(database, 'analyst');
  const port = await freePort();
  const { child: app } = await startNode({
    name: 'app (export)',
    args: [join('build', 'node', 'server.js')],
    cwd: root,
    env: { NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database, SEED_DEMO: 'false', WARM_SUMMARY_INDEXES: 'false' },
    ready: /Heard is listening on/,
    logFile: join(tmp, 'app-export.log'),
  });
  try {
    const url = `http://127.0.0.1:${port}/admin/consultations/${consultationId}/export/responses.csv`;
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    if (response.status !== 200 || !response.body) throw new Error(`GET ${url} answered ${response.status}`);
    const reader = response.body.getReader();
    const first = await reader.read();
    const ttfbMs = performance.now() - started;
    await reader.cancel();
    const firstLine = new TextDecoder()
      .decode(first.value ?? new Uint8Array())
      .split('\n')[0]!
      .replace(/^\uFEFF/, '')
      .slice(0, 80);
    return { ttfbMs, firstLine };
  } finally {
    await stop(app, 15_000);
  }
}

export async function benchExportsAt(size: number, opts: { root: string; tmp: string; cacheDir: string }): Promise<ExportResult> {
  const { path: cached } = await demoDatabase(opts.cacheDir, size);
  const database = join(opts.tmp, `export-${size}.sqlite`);
  copyFileSync(cached, database);
  try {
    const runs: Record<'app' | 'bare', ExportRun[]> = { app: [], bare: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const mode of round % 2 === 1 ? (['bare', 'app'] as const) : (['app', 'bare'] as const)) {
        process.stdout.write(`  ${size.toLocaleString('en-GB')}: responses CSV, ${mode}, round ${round} ... `);
        const run = await runWorker(opts.root, mode, database, join(opts.tmp, `export-${mode}.csv`));
        runs[mode].push(run);
        console.log(`${((run.rows * 1000) / run.ms).toFixed(0)} rows/s, peak RSS ${run.peakRssMb.toFixed(0)} MB`);
      }
    }
    const best = (list: ExportRun[]) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
    const app = { ...best(runs.app), peakRssMb: Math.max(...runs.app.map((r) => r.peakRssMb)) };
    const bare = { ...best(runs.bare), peakRssMb: Math.max(...runs.bare.map((r) => r.peakRssMb)) };
    const { ttfbMs, firstLine } = await timeToFirstByte(opts.root, opts.tmp, database);
    console.log(`  ${size.toLocaleString('en-GB')}: download's first byte after ${ttfbMs.toFixed(0)} ms`);
    return { responses: size, app, bare, ratio: bare.ms / app.ms, ttfbMs, firstLine };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  }
}

export function exportsReport(
  results: ExportResult[],
  table: (h: string[], r: (string | number)[][], right?: boolean[]) => string,
): { text: string; targets: Target[] } {
  const rate = (r: ExportRun) => (r.rows * 1000) / r.ms;
  const rows = results.flatMap((r) => [
    [
      r.responses.toLocaleString('en-GB'),
      'our exporter (responses CSV)',
      rate(r.app).toFixed(0),
      (r.app.ms / 1000).toFixed(1),
      (r.app.bytes / 1e6).toFixed(0),
      r.app.peakRssMb.toFixed(0),
    ],
    [
      r.responses.toLocaleString('en-GB'),
      'bare loop, same SQL and csv-stringify',
      rate(r.bare).toFixed(0),
      (r.bare.ms / 1000).toFixed(1),
      (r.bare.bytes / 1e6).toFixed(0),
      r.bare.peakRssMb.toFixed(0),
    ],
  ]);
  const text = table(['responses', 'export', 'rows/s', 's', 'MB written', 'peak RSS MB'], rows, [true, false, true, true, true, true]);
  const targets = results.flatMap((r) => [
    {
      target: `responses CSV at ${r.responses.toLocaleString('en-GB')}: rows/s >= ${EXPORT_RATIO_TARGET}x the bare loop`,
      pass: r.ratio >= EXPORT_RATIO_TARGET,
      measured: `${r.ratio.toFixed(2)}x`,
    },
    {
      target: `responses CSV at ${r.responses.toLocaleString('en-GB')}: exporter peak RSS < ${EXPORT_RSS_LIMIT_MB} MB`,
      pass: r.app.peakRssMb < EXPORT_RSS_LIMIT_MB,
      measured: `${r.app.peakRssMb.toFixed(0)} MB`,
    },
    {
      target: `responses CSV download at ${r.responses.toLocaleString('en-GB')}: first byte < ${TTFB_TARGET_MS} ms`,
      pass: r.ttfbMs < TTFB_TARGET_MS,
      measured: `${r.ttfbMs.toFixed(0)} ms (${r.firstLine.slice(0, 30)}...)`,
    },
  ]);
  return { text, targets };
}
