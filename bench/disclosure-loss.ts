import { existsSync } from 'node:fs';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../db/seed/index';
import { DIMENSIONS } from '../app/analysis/dimensions';
import { resultRows } from '../app/analysis/results-model';
import { loadResults } from '../app/analysis/results.server';

// What disclosure control costs on the demo One Stockport conversation (issue 15): for the
// overall figures and each breakdown, how many figures are hidden, and how many shown counts
// keep their percentage. `npx tsx bench/disclosure-loss.ts [--database FILE] [--slug SLUG]`;
// the demo is seeded into FILE the first time (a minute), then reused.

const argument = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const file = argument('database') ?? 'build/disclosure-loss.sqlite';
const slug = argument('slug') ?? 'one-stockport-conversation';

const db = openDatabase(file);
const fresh = !existsSync(file);
await migrateToLatest(db);
if (fresh) await seedDemo(db, { seed: 2020 });
const consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

const lines: string[] = ['breakdown       figures  hidden  shown counts  with percent  kept'];
const totals = { figures: 0, hidden: 0, shown: 0, kept: 0 };
for (const breakdown of ['all', ...DIMENSIONS]) {
  const params = new URLSearchParams(breakdown === 'all' ? '' : { breakdown });
  const outcome = await loadResults(db, consultation, 'en', params, 10);
  if (!outcome.ok) throw new Error(`bad breakdown ${breakdown}`);
  const rows = resultRows(outcome.model);
  const answers = rows.filter((r) => r.measure !== 'no_answer');
  const shown = answers.filter((r) => !r.suppressed);
  // A count of a base of nobody has no percentage to lose.
  const kept = shown.filter((r) => r.percent !== null || r.base === 0);
  const hidden = rows.filter((r) => r.suppressed).length;
  totals.figures += rows.length;
  totals.hidden += hidden;
  totals.shown += shown.length;
  totals.kept += kept.length;
  const share = shown.length ? ((100 * kept.length) / shown.length).toFixed(1) : '-';
  lines.push(
    `${breakdown.padEnd(15)} ${String(rows.length).padStart(7)} ${String(hidden).padStart(7)} ${String(shown.length).padStart(13)} ${String(kept.length).padStart(13)} ${share.padStart(5)}%`,
  );
}
lines.push(
  `${'total'.padEnd(15)} ${String(totals.figures).padStart(7)} ${String(totals.hidden).padStart(7)} ${String(totals.shown).padStart(13)} ${String(totals.kept).padStart(13)} ${((100 * totals.kept) / totals.shown).toFixed(1).padStart(5)}%`,
);
console.log(lines.join('\n'));
await db.destroy();
process.exit(0);
