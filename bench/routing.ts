import SQLite from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../db/seed/index';
import { readShape } from './databases';
import { load, uniqueId, type LoadResult } from './load';
import { freePort, killAllNow, startNode, stop, stopAll } from './processes';
import { fixed, ratio, table } from './report';
import { bodyTemplateOf, ID_PLACEHOLDER, routedSubmission, submissionEntries } from './submission';

// Routed against unrouted submissions (issue 17): does deciding a person's route on the server
// cost submissions per second? The demo One Stockport conversation as seeded (business and
// Covid-19 follow-up sections shown only after a "yes") against the same database with its rules
// removed, one production server at a time on the same machine, in two rounds (each keeping its
// best, so one busy moment on a shared machine does not decide the ratio):
// - unrouted: every question asked, all answered;
// - routed, full route: "yes" to both, so every question is asked and answered (the same rows);
// - routed, short route: "no" to both, so two sections and a question are passed by, and the
//   server stores not_asked rows for them instead of answers.
// Target: each routed figure within 10% of the unrouted one.

const SLUG = 'one-stockport-conversation';
const ROUTING_CHOICES = { full: { runs_org: 'yes', covid_affected: 'yes' }, short: { runs_org: 'no', covid_affected: 'no' } } as const;

export interface RoutingOptions {
  root: string;
  tmp: string;
  duration: number;
  warmup: number;
  connections: number;
  rounds?: number;
}

export interface RoutingVariant {
  name: 'unrouted' | 'routed-full' | 'routed-short';
  label: string;
  best: LoadResult;
  runs: number[];
  notAskedQuestions: number;
  /** not_asked rows stored per stored response of the measured runs (expected: notAskedQuestions). */
  notAskedPerResponse: number | null;
  ratio: number | null;
}

export interface RoutingResult {
  variants: RoutingVariant[];
}

async function seeded(path: string): Promise<void> {
  const db = openDatabase(path);
  try {
    await migrateToLatest(db);
    // Few demo responses: the submissions are what is measured.
    await seedDemo(db, { responses: 200 });
  } finally {
    await db.destroy();
  }
}

/** The same consultation with its rules removed: no section or question waits on an answer, no option jumps. */
function withoutRules(path: string): void {
  const db = new SQLite(path);
  try {
    const { id } = db.prepare('select id from consultations where slug = ?').get(SLUG) as { id: number };
    db.prepare('update sections set show_if = null where consultation_id = ?').run(id);
    db.prepare('update questions set show_if = null where consultation_id = ?').run(id);
    db.prepare('update options set goes_to = null where question_id in (select id from questions where consultation_id = ?)').run(id);
    // The definition cache is keyed by updated_at: move it so nothing cached survives.
    db.prepare('update consultations set updated_at = ? where id = ?').run(new Date().toISOString(), id);
  } finally {
    db.close();
  }
}

function notAskedPerResponse(path: string, prefix: string): number | null {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const like = `${prefix}%`;
    const responses = (db.prepare('select count(*) as n from responses where idempotency_key like ?').get(like) as { n: number }).n;
    const rows = (
      db.prepare('select count(*) as n from not_asked where response_id in (select id from responses where idempotency_key like ?)').get(like) as { n: number }
    ).n;
    return responses > 0 ? rows / responses : null;
  } finally {
    db.close();
  }
}

async function postOnce(url: string, body: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
  if (response.status !== 303) throw new Error(`POST ${url} answered ${response.status}, not 303: ${(await response.text()).slice(0, 300)}`);
}

export async function benchRouting(opts: RoutingOptions): Promise<RoutingResult> {
  const routedDb = join(opts.tmp, 'routed.sqlite');
  const unroutedDb = join(opts.tmp, 'unrouted.sqlite');
  await seeded(routedDb);
  copyFileSync(routedDb, unroutedDb);
  withoutRules(unroutedDb);

  const shape = readShape(routedDb, SLUG);
  const full = routedSubmission(shape, ROUTING_CHOICES.full);
  const short = routedSubmission(shape, ROUTING_CHOICES.short);
  console.log(
    `Routing: the full route asks ${shape.questions.length - full.notAsked.length} of ${shape.questions.length} questions, ` +
      `the short route ${shape.questions.length - short.notAsked.length} (passes by ${short.notAsked.join(', ')})`,
  );
  const plans = [
    { name: 'unrouted', label: 'submissions, rules removed', db: unroutedDb, entries: submissionEntries(shape), notAsked: 0 },
    { name: 'routed-full', label: 'submissions, routed, every section', db: routedDb, entries: full.entries, notAsked: full.notAsked.length },
    { name: 'routed-short', label: 'submissions, routed, two sections passed by', db: routedDb, entries: short.entries, notAsked: short.notAsked.length },
  ] as const;
  const runs = new Map<string, LoadResult[]>();

  for (let round = 1; round <= (opts.rounds ?? 2); round++) {
    for (const db of [unroutedDb, routedDb]) {
      const port = await freePort();
      const { child } = await startNode({
        name: `app (${db === routedDb ? 'routed' : 'unrouted'})`,
        args: [join('build', 'node', 'server.js')],
        cwd: opts.root,
        env: { NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db, SEED_DEMO: 'false', SUBMISSIONS_PER_HOUR: '100000000' },
        ready: /Heard is listening on/,
        logFile: join(opts.tmp, `routing-${round}-${db === routedDb ? 'routed' : 'unrouted'}.log`),
      });
      try {
        const url = `http://127.0.0.1:${port}/consultations/${SLUG}/check`;
        for (const plan of plans.filter((p) => p.db === db)) {
          await postOnce(url, bodyTemplateOf(plan.entries, `check-${plan.name}-`).replace(ID_PLACEHOLDER, uniqueId()));
          await load({
            url,
            connections: opts.connections,
            duration: opts.warmup,
            method: 'POST',
            bodyTemplate: bodyTemplateOf(plan.entries, `warm-${plan.name}-`),
          });
          const measured = await load({
            url,
            connections: opts.connections,
            duration: opts.duration,
            method: 'POST',
            bodyTemplate: bodyTemplateOf(plan.entries, `bench-${plan.name}-`),
          });
          if (measured.bad > 0) console.log(`  ${plan.label}: ${measured.bad} answers were neither 2xx nor 3xx (${JSON.stringify(measured.statusCodes)})`);
          runs.set(plan.name, [...(runs.get(plan.name) ?? []), measured]);
          console.log(`  round ${round}, ${plan.label}: ${fixed(measured.reqPerSec)} req/s, p50 ${fixed(measured.p50Ms, 1)} ms`);
        }
      } finally {
        await stop(child, 15_000);
      }
    }
  }

  const bestOf = (name: string) => (runs.get(name) ?? []).reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a));
  const unrouted = bestOf('unrouted');
  return {
    variants: plans.map((plan) => {
      const best = bestOf(plan.name);
      return {
        name: plan.name,
        label: plan.label,
        best,
        runs: (runs.get(plan.name) ?? []).map((r) => r.reqPerSec),
        notAskedQuestions: plan.notAsked,
        notAskedPerResponse: notAskedPerResponse(plan.db, `bench-${plan.name}-`),
        ratio: plan.name === 'unrouted' ? null : unrouted.reqPerSec > 0 ? best.reqPerSec / unrouted.reqPerSec : null,
      };
    }),
  };
}

/** The table, and the target as the other reports give theirs. */
export function routingReport(result: RoutingResult | undefined): { text: string; targets: { target: string; measured: string; pass: boolean }[] } {
  if (!result) return { text: '', targets: [] };
  const text =
    'Routed against unrouted submissions (issue 17; the best of each round)\n\n' +
    table(
      ['scenario', 'req/s', 'each round', 'p50 ms', 'p99 ms', 'ratio', 'not asked', 'not_asked rows/response'],
      result.variants.map((v) => [
        v.label,
        fixed(v.best.reqPerSec),
        v.runs.map((r) => fixed(r)).join(' / '),
        fixed(v.best.p50Ms, 1),
        fixed(v.best.p99Ms, 1),
        v.ratio === null ? '(baseline)' : ratio(v.ratio),
        v.notAskedQuestions,
        fixed(v.notAskedPerResponse, 2),
      ]),
    );
  const routed = result.variants.filter((v) => v.ratio !== null);
  return {
    text,
    targets: [
      {
        target: 'routed submissions/s >= 0.9x unrouted (every section; two sections passed by)',
        measured: routed.map((v) => ratio(v.ratio)).join(', '),
        pass: routed.every((v) => v.ratio !== null && v.ratio >= 0.9),
      },
      {
        target: 'a routed submission stores a not_asked row for each question its route passes by',
        measured: routed.map((v) => `${fixed(v.notAskedPerResponse, 2)}/${v.notAskedQuestions}`).join(', '),
        pass: routed.every((v) => v.notAskedPerResponse !== null && Math.abs(v.notAskedPerResponse - v.notAskedQuestions) < 1e-9),
      },
    ],
  };
}

// `npx tsx bench/routing.ts [--duration 5] [--warmup 2] [--connections 10] [--rounds 2]` (needs `npm run build`).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
    },
  });
  const tmp = mkdtempSync(join(tmpdir(), 'heard-routing-'));
  process.on('exit', () => {
    killAllNow();
    rmSync(tmp, { recursive: true, force: true });
  });
  benchRouting({
    root: resolve(dirname(fileURLToPath(import.meta.url)), '..'),
    tmp,
    duration: Number(values.duration),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
    rounds: Number(values.rounds),
  })
    .then((result) => {
      const { text, targets } = routingReport(result);
      console.log(`\n${text}\n`);
      console.log(
        table(
          ['', 'target', 'measured'],
          targets.map((t) => [t.pass ? 'PASS' : 'FAIL', t.target, t.measured]),
        ),
      );
    })
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await stopAll();
      process.exit(1);
    });
}
