import { parseArgs } from 'node:util';
import { openDatabase } from '#db/connection';
import { buildConsultationIndex } from '~/analysis/index/build.server';
import { setResponseStatus } from '~/analysis/index/consultation-index';
import { summarise, type SummaryRequest } from '~/analysis/summarise';

// Build time, memory and summary latency of the index on a seeded demo database, for the
// figures issue 5 asks for (bench/ has the full benchmark):
//   npm run db:seed -- --responses 1000000 --database /tmp/m1.sqlite --fresh
//   node --expose-gc --import tsx bench/index-measure.ts --database /tmp/m1.sqlite

const { values } = parseArgs({
  options: { database: { type: 'string' }, slug: { type: 'string', default: 'one-stockport-conversation' }, runs: { type: 'string', default: '40' } },
});
if (!values.database) throw new Error('--database PATH is required');
const runs = Number(values.runs);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, arrayBuffers: m.arrayBuffers };
};

function percentiles(run: () => unknown): { p50: number; p99: number } {
  run(); // warm up the JIT before timing
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

const db = openDatabase(values.database);
const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', values.slug).executeTakeFirstOrThrow();
const before = memory();
const started = performance.now();
const index = await buildConsultationIndex(db, id);
const buildMs = performance.now() - started;
const after = memory();
console.log(`responses indexed: ${index.size.toLocaleString('en-GB')}, closed questions: ${index.questions.length}`);
console.log(`build: ${(buildMs / 1000).toFixed(1)} s`);
console.log(
  `memory before: rss ${mb(before.rss)}, heap ${mb(before.heap)}; after: rss ${mb(after.rss)}, heap ${mb(after.heap)}, array buffers ${mb(after.arrayBuffers)}`,
);

const requests: [string, SummaryRequest][] = [
  ['all closed questions, no breakdown', {}],
  ['all closed questions by ward', { breakdown: 'ward' }],
  ['all closed questions by age band', { breakdown: 'ageBand' }],
  [
    'three-field filter (residents and older people, 3 wards, online or paper)',
    {
      filter: {
        respondentGroup: ['resident', 'older_person'],
        ward: index.coder.dictionaries.ward.values.slice(0, 3),
        channel: ['paper', 'online'],
      },
    },
  ],
  [
    'three-field filter by ethnic group',
    { filter: { ageBand: ['16_17', '18_24', '25_34'], sex: ['female'], disability: ['not_limited', null] }, breakdown: 'ethnicGroup' },
  ],
  [
    'worst case: a filter every response passes, by ward (a full scan)',
    { filter: { locale: [null, ...index.coder.dictionaries.locale.values] }, breakdown: 'ward' },
  ],
];
for (const [name, request] of requests) {
  const { p50, p99 } = percentiles(() => summarise(index, request));
  console.log(`${name}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (responses in set: ${summarise(index, request).total.responses})`);
}
// What a submission or an exclusion adds: moving one response out of and back into the totals.
const toggles = 10_000;
const toggleStarted = performance.now();
for (let i = 0; i < toggles; i++) {
  setResponseStatus(index, index.idBase + i, 'spam');
  setResponseStatus(index, index.idBase + i, 'counted');
}
console.log(`exclude + restore: ${(((performance.now() - toggleStarted) / toggles) * 1000).toFixed(1)} µs per pair`);
await db.destroy();
