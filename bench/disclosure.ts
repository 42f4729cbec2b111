import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { DIMENSIONS } from '../app/analysis/dimensions';
import { analysisIndex } from '../app/analysis/indexes.server';
import { resultRows, type QuestionResult } from '../app/analysis/results-model';
import { loadResults } from '../app/analysis/results.server';
import { auditBounds, type Failure, type FailureKind, type PublishedTables } from '../tests/bounds-auditor';
import { nestingsOf, publicAreaPages, publishedPages } from '../tests/demo-tables';
import { determinedBySums } from '../tests/linked-auditor';
import { linkPages, pageOf } from '../tests/published-tables';
import { demoDatabase } from './analysis';
import { fixed, table } from './report';

// What disclosure control costs and what it leaves open, on the demo One Stockport conversation
// (issue 15), measured on whatever protection the app has (app/analysis/safe-figures.ts):
// - loss: for the overall figures and each breakdown, the figures hidden and the shown counts
//   that keep their percentage (target: at least 95%);
// - leaks: every page read as the app publishes it (loadResults: the results page, its JSON,
//   the summary export and the reports show the same figures), every counted question, audited
//   by both auditors in tests/: linear algebra (linked-auditor.ts: a hidden value the sums
//   determine) and linear programming bounds (bounds-auditor.ts: determined, known present, or
//   narrowed to fewer values than "fewer than 10" allows). First each page alone, then every
//   page at once (tests/published-tables.ts: the pages share the overall figures and the
//   groups' responses; wards add up to area committees, detailed ethnicity to its group).
//   Target: nothing recoverable across all tables.

const SLUG = 'one-stockport-conversation';
/** The demo's own size (db/seed): the real published set. */
export const DEMO_RESPONSES = 3800;

export interface DisclosureOptions {
  cacheDir: string;
  tmp: string;
  responses?: number;
  threshold?: number;
  /** Audit the pages for leaks too (the loss alone takes seconds). */
  audit?: boolean;
}

export interface PageLoss {
  page: string;
  figures: number;
  hidden: number;
  shown: number;
  withPercent: number;
}

export interface Leaks {
  page: string;
  /** Hidden figures audited. */
  hidden: number;
  /** Determined by the sums alone (linked-auditor.ts). */
  bySums: number;
  determined: number;
  knownPresent: number;
  narrow: number;
}

export interface DisclosureResult {
  responses: number;
  threshold: number;
  databaseBuildS: number | null;
  loss: PageLoss[];
  /** Each page audited on its own. */
  alone: Leaks[];
  /** Every page at once, each leak counted on the page whose figure it is ("overall" for everyone's figures). */
  together: Leaks[];
  togetherTotal: Leaks | null;
  system: { figures: number; hidden: number; relations: number } | null;
  /** Worst leaks across all tables, for the reader to check by hand. */
  examples: string[];
  timingsS: { loss: number; alone: number | null; together: number | null };
}

const PUBLIC_AREAS = 'public by area, 3 pages';
const seconds = (since: number) => (performance.now() - since) / 1000;

/** A figure of linkPages in words: `runs_org yes, ward=E05000787`. */
function describe(name: string, questions: readonly QuestionResult[]): string {
  const m = /^(?:r|q(\d+):(?:(n)|(s)|([xftm])(\d+),))@(.*)$/.exec(name);
  if (!m) return name;
  const [, k, noAnswer, notAsked, measure, option, where] = m;
  const q = k === undefined ? undefined : questions[Number(k)];
  const ranked = { x: '', f: ' ranked first', t: ' in the top 3', m: ' rank sum' }[measure ?? 'x'];
  const what = !q ? 'responses' : noAnswer ? 'no answer' : notAsked ? 'not asked' : `${q.rows[Number(option)]?.key ?? `option ${option}`}${ranked}`;
  return `${q ? `${q.key} ` : ''}${what}, ${where === 'all' ? 'everyone' : where}`;
}

function leaksOf(
  page: string,
  tables: PublishedTables,
  failures: readonly Failure[],
  bySums: ReadonlySet<string>,
  belongs: (name: string) => boolean = () => true,
): Leaks {
  const mine = failures.filter((f) => belongs(f.name));
  const kind = (k: FailureKind) => mine.filter((f) => f.kind === k).length;
  return {
    page,
    hidden: tables.figures.filter((f) => !f.shown && belongs(f.name)).length,
    bySums: [...bySums].filter(belongs).length,
    determined: kind('determined'),
    knownPresent: kind('known present'),
    narrow: kind('narrow'),
  };
}

async function audit(tables: PublishedTables): Promise<{ failures: Failure[]; bySums: Set<string> }> {
  const bySums = new Set(determinedBySums(tables).map((f) => f.name));
  const { failures } = await auditBounds(tables);
  // Every value the sums determine the bounds find too (they use the same sums and more).
  for (const name of bySums)
    if (!failures.some((f) => f.name === name && f.kind === 'determined')) throw new Error(`${name}: determined by the sums, not by the bounds`);
  return { failures, bySums };
}

export async function benchDisclosure(opts: DisclosureOptions): Promise<DisclosureResult> {
  const responses = opts.responses ?? DEMO_RESPONSES;
  const threshold = opts.threshold ?? 10;
  const { path: cached, builtS } = await demoDatabase(opts.cacheDir, responses);
  // A copy: reading the results may store the index's snapshot, and the cache stays as seeded.
  const file = join(opts.tmp, `disclosure-${responses}.sqlite`);
  copyFileSync(cached, file);
  const db = openDatabase(file);
  try {
    const consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', SLUG).executeTakeFirstOrThrow();

    let started = performance.now();
    const loss: PageLoss[] = [];
    for (const breakdown of [null, ...DIMENSIONS]) {
      const outcome = await loadResults(db, consultation, 'en', new URLSearchParams(breakdown ? { breakdown } : {}), threshold);
      if (!outcome.ok) throw new Error(`bad breakdown ${breakdown}`);
      const rows = resultRows(outcome.model);
      const shown = rows.filter((r) => r.measure !== 'no_answer' && !r.suppressed);
      loss.push({
        page: breakdown ?? 'overall',
        figures: rows.length,
        hidden: rows.filter((r) => r.suppressed).length,
        shown: shown.length,
        // A count of a base of nobody has no percentage to lose.
        withPercent: shown.filter((r) => r.percent !== null || r.base === 0).length,
      });
    }
    const lossS = seconds(started);
    const result: DisclosureResult = {
      responses,
      threshold,
      databaseBuildS: builtS,
      loss,
      alone: [],
      together: [],
      togetherTotal: null,
      system: null,
      examples: [],
      timingsS: { loss: lossS, alone: null, together: null },
    };
    if (opts.audit === false) return result;

    started = performance.now();
    const pages = await publishedPages(db, consultation, threshold);
    const nestings = nestingsOf(await analysisIndex(db, consultation.id));
    for (const page of pages) {
      const { failures, bySums } = await audit(page.tables);
      result.alone.push(leaksOf(page.label, page.tables, failures, bySums));
      process.stdout.write(`${page.label}, `);
    }
    // The public results by area are one set, protected together (linked-disclosure.ts): audited as such.
    const publicPages = await publicAreaPages(db, consultation, threshold, pages[0]?.questions ?? []);
    const publicSet = linkPages(
      publicPages,
      nestings.filter((n) => n.inner === 'ward'),
    );
    const published = await audit(publicSet);
    result.alone.push(leaksOf(PUBLIC_AREAS, publicSet, published.failures, published.bySums));
    pages.push(...publicPages);
    result.timingsS.alone = seconds(started);
    console.log(`(each page alone: ${fixed(result.timingsS.alone, 1)} s)`);

    started = performance.now();
    const linked = linkPages(pages, nestings);
    const { failures, bySums } = await audit(linked);
    result.timingsS.together = seconds(started);
    result.system = { figures: linked.figures.length, hidden: linked.figures.filter((f) => !f.shown).length, relations: linked.relations.length };
    result.together = [...new Set(pages.map((p) => p.name))].map((page) => leaksOf(page, linked, failures, bySums, (name) => pageOf(name) === page));
    result.togetherTotal = leaksOf('all tables together', linked, failures, bySums);
    const order: FailureKind[] = ['determined', 'known present', 'narrow'];
    // Two of each kind, small values first (a secondary figure found out matters less).
    result.examples = order
      .flatMap((k) =>
        failures
          .filter((f) => f.kind === k)
          .sort((a, b) => Number(b.sensitive) - Number(a.sensitive) || pageOf(b.name).localeCompare(pageOf(a.name)))
          .slice(0, 2),
      )
      .map(
        (f) =>
          `${f.kind}: ${describe(f.name, pages[0]?.questions ?? [])} = ${f.value}, bounds [${f.lower}, ${f.upper}]${bySums.has(f.name) ? ' (by the sums alone)' : ''}`,
      );
    return result;
  } finally {
    await db.destroy();
  }
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–');

export function disclosureReport(result: DisclosureResult | undefined): { text: string; targets: { target: string; measured: string; pass: boolean }[] } {
  if (!result) return { text: '', targets: [] };
  const total = result.loss.reduce(
    (a, p) => ({
      page: 'total',
      figures: a.figures + p.figures,
      hidden: a.hidden + p.hidden,
      shown: a.shown + p.shown,
      withPercent: a.withPercent + p.withPercent,
    }),
    { page: 'total', figures: 0, hidden: 0, shown: 0, withPercent: 0 },
  );
  let text =
    `Disclosure control on the demo One Stockport conversation (issue 15; ${result.responses.toLocaleString('en-GB')} responses, threshold ${result.threshold}; ` +
    `${fixed(result.timingsS.loss, 1)} s)\n\n` +
    table(
      ['breakdown', 'figures', 'hidden', 'shown counts', 'with percent', 'kept'],
      [...result.loss, total].map((p) => [p.page, p.figures, p.hidden, p.shown, p.withPercent, percent(p.withPercent, p.shown)]),
      [false, true, true, true, true, true],
    );
  const targets = [
    {
      target: 'shown counts keeping their percentage >= 95% (demo, overall and every breakdown)',
      measured: `${percent(total.withPercent, total.shown)} (${total.withPercent} of ${total.shown})`,
      pass: total.shown > 0 && total.withPercent >= 0.95 * total.shown,
    },
  ];
  if (result.togetherTotal && result.system) {
    // Each page alone, added up: the overall figures count once per page that shows them.
    const aloneTotal = result.alone.reduce((a, l) => ({
      ...a,
      page: 'all tables together',
      bySums: a.bySums + l.bySums,
      determined: a.determined + l.determined,
      knownPresent: a.knownPresent + l.knownPresent,
      narrow: a.narrow + l.narrow,
    }));
    const leaks = (l: Leaks | undefined) => (l ? [l.bySums, l.determined, l.knownPresent, l.narrow] : ['–', '–', '–', '–']);
    text +=
      `\n\nHidden values recoverable: each page alone (${fixed(result.timingsS.alone, 1)} s), and every page at once ` +
      `(${result.system.figures} figures, ${result.system.hidden} hidden, ${result.system.relations} sums; ${fixed(result.timingsS.together, 1)} s).\n` +
      'by sums: determined by the sums alone (linked-auditor.ts); determined, known present, narrowed: bounds by linear programming (bounds-auditor.ts)\n\n' +
      table(
        ['breakdown', 'hidden', 'alone: by sums', 'determined', 'known present', 'narrowed', 'together: by sums', 'determined', 'known present', 'narrowed'],
        // A page published twice (the public results by area beside the officers' breakdown) is
        // one set of figures together: its second row has the page alone only.
        [...result.alone, aloneTotal].map((a) => {
          const together = a === aloneTotal ? result.togetherTotal! : result.together.find((t) => t.page === a.page);
          return [a.page, (together ?? a).hidden, ...leaks(a), ...leaks(together)];
        }),
        [false, true, true, true, true, true, true, true, true, true],
      );
    if (result.examples.length) text += `\n\nFor example (across all tables):\n${result.examples.map((e) => `  ${e}`).join('\n')}`;
    const t = result.togetherTotal;
    const recoverable = t.determined + t.knownPresent + t.narrow;
    targets.push({
      target: '0 values recoverable across all tables (determined, known present or narrowed; demo, every page at once)',
      measured: `${recoverable}: ${t.determined} determined (${t.bySums} by the sums alone), ${t.knownPresent} known present, ${t.narrow} narrowed`,
      pass: recoverable === 0,
    });
  }
  return { text, targets };
}
