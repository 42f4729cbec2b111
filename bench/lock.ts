import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { freePort, startNode, stop } from './processes';
import { loadShape } from './shape';
import { ID_PLACEHOLDER, submissionBodyTemplate } from './submission';

// `npm run build && tsx bench/lock.ts`: public GET latency, and what happens to the residents'
// responses, while another process holds SQLite's write lock for 10 s (an import, a backup, the
// sqlite3 shell), against the same server unlocked. One GET every 100 ms, one complete response
// posted every second. Target: GET p99 under 100 ms during the lock; every response 303.

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SLUG = 'one-stockport-conversation';
const LOCK_MS = 10_000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Phase {
  phase: string;
  gets: number;
  failedGets: number;
  p50: number;
  p99: number;
  max: number;
  saves: string;
}

async function measure(url: string, body: (key: string) => string, phase: string, ms: number): Promise<Phase> {
  const latencies: number[] = [];
  let failedGets = 0;
  const saves: Promise<number>[] = [];
  const started = Date.now();
  for (let n = 0; Date.now() - started < ms; n++) {
    if (n % 10 === 0) {
      const init = { method: 'POST', redirect: 'manual' as const, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url }, body: body(`${phase}-${n}`) };
      saves.push(fetch(`${url}/consultations/${SLUG}/check`, init).then(async (r) => (await r.arrayBuffer(), r.status)));
    }
    const before = performance.now();
    // A new address each time, so the page cache does not answer for the database.
    const response = await fetch(`${url}/consultations/${SLUG}?n=${n}`);
    await response.arrayBuffer();
    latencies.push(performance.now() - before);
    if (response.status !== 200) failedGets++;
    await sleep(100);
  }
  const statuses = await Promise.all(saves);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return { phase, gets: latencies.length, failedGets, p50: at(0.5), p99: at(0.99), max: at(1), saves: [...counts].map(([s, c]) => `${c}×${s}`).join(' ') };
}

const tmp = mkdtempSync(join(tmpdir(), 'heard-bench-lock-'));
const database = join(tmp, 'app.sqlite');
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const { child } = await startNode({
  name: 'app',
  args: [join('build', 'node', 'server.js')],
  cwd: ROOT,
  env: { NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database, SUBMISSIONS_PER_HOUR: '100000000', WARM_SUMMARY_INDEXES: 'false' },
  ready: /Heard is listening on/,
  logFile: join(tmp, 'app.log'),
});
try {
  const shapeDb = new SQLite(database, { readonly: true });
  const template = submissionBodyTemplate(loadShape(shapeDb, SLUG), 'bench-lock-');
  shapeDb.close();
  const body = (key: string) => template.replace(ID_PLACEHOLDER, key);

  const rows = [await measure(url, body, 'unlocked', 5_000)];
  // The lock holder: another process, as an import would be.
  const holder = await startNode({
    name: 'lock',
    args: ['-e', `const d=new (require('better-sqlite3'))(process.argv[1]);d.exec('begin immediate');console.log('locked');setTimeout(()=>{d.exec('commit');console.log('released')},${LOCK_MS})`, database],
    env: {},
    cwd: ROOT,
    ready: /locked/,
    logFile: join(tmp, 'lock.log'),
  });
  rows.push(await measure(url, body, 'external write lock', LOCK_MS));
  await holder.child.exited;
  console.table(rows);
  const locked = rows[1]!;
  console.log(`GET p99 during the lock: ${locked.p99} ms (target < 100 ms): ${locked.p99 < 100 ? 'met' : 'NOT met'}`);
} finally {
  await stop(child);
  rmSync(tmp, { recursive: true, force: true });
}
