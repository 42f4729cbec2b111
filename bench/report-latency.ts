import { spawn } from 'node:child_process';
import { openDatabase } from '#db/connection';
import { insertActiveUser } from '~/auth/users.server';
import { HttpClient } from '../tests/e2e/http';

// Public GET latency while committee report PDFs are made: starts `node build/node/server.js`
// (run `npm run build` first) on a copy of a demo database, signs an officer in, asks for the
// report PDF `rounds` times one after another and, meanwhile, fetches a public page (uncached)
// every 25 ms, after a first PDF that builds the summary index. Prints each PDF's time and the public pages' p50/p99/max.
// `tsx bench/report-latency.ts <demo.sqlite> [port] [rounds]`

const [database = 'data/heard.sqlite', port = '3990', rounds = '3'] = process.argv.slice(2);
const db = openDatabase(database);
const account = { email: `latency.${Date.now()}@stockport.gov.uk`, password: 'correct horse latency battery', role: 'officer' as const };
await insertActiveUser(db, { ...account, name: 'Latency' });
const consultation = await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow();
await db.destroy();

const server = spawn('node', ['build/node/server.js'], {
  env: { ...process.env, NODE_ENV: 'production', PORT: port, HOST: '127.0.0.1', DATABASE_URL: database, SEED_DEMO: 'false', PAGE_CACHE_SECONDS: '0', WARM_SUMMARY_INDEXES: 'false' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((done) => server.stdout!.on('data', (c: Buffer) => /listening/.test(c.toString()) && done()));
const base = `http://127.0.0.1:${port}`;
const officer = new HttpClient(base);
await officer.signIn(account);
// The first report builds the consultation's summary index (not this measure's subject).
const warm = performance.now();
await (await officer.get(`/admin/consultations/${consultation.id}/report.pdf`)).arrayBuffer();
console.log(`first PDF (summary index built meanwhile): ${Math.round(performance.now() - warm)} ms`);

const latencies: number[] = [];
let failures = 0;
let making = true;
const publicPages = (async () => {
  let n = 0;
  while (making) {
    const started = performance.now();
    const ok = await fetch(`${base}/consultations/one-stockport-conversation?v=${n++}`)
      .then((r) => r.arrayBuffer().then(() => r.ok))
      .catch(() => false);
    latencies.push(performance.now() - started);
    if (!ok) failures++;
    await new Promise((r) => setTimeout(r, 25));
  }
})();
for (let i = 0; i < Number(rounds); i++) {
  const started = performance.now();
  const response = await officer.get(`/admin/consultations/${consultation.id}/report.pdf`);
  const bytes = (await response.arrayBuffer()).byteLength;
  console.log(`PDF ${i + 1}: ${response.status}, ${bytes} bytes in ${Math.round(performance.now() - started)} ms`);
}
making = false;
await publicPages;
server.kill('SIGTERM');
latencies.sort((a, b) => a - b);
const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!);
console.log(`public GETs meanwhile: ${latencies.length} (${failures} failed), p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
