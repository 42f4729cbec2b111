import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { summariseCodedThemes } from '~/analysis/coded-themes.server';
import { DIMENSIONS, type Dimension } from '~/analysis/dimensions';
import { groupKey, NOT_STATED } from '~/analysis/filters';
import { ethnicGroupOf } from '~/analysis/index/dimensions';
import type { ConsultationIndex } from '~/analysis/index/consultation-index';
import { analysisIndex } from '~/analysis/indexes.server';
import { loadResults } from '~/analysis/results.server';
import { loadPublicFigures } from '~/analysis/public-figures.server';
import type { AreaQuestion, AreaTable } from '~/analysis/area-figures';
import type { QuestionResult } from '~/analysis/results-model';
import { summarise, type Counts, type QuestionCounts, type RankedItem } from '~/analysis/summarise';
import { familyTables, type PublishedTables, type QuestionTruth } from './bounds-auditor';
import type { Nesting, Page } from './published-tables';

// The figures a consultation publishes, read as the app publishes them (loadResults: the
// results page, its JSON, the summary export and the reports show the same protected figures),
// with the true counts beside them from the unprotected summary, for the auditors. Shared by
// tests/bounds-auditor.db.test.ts and the benchmark's disclosure step (bench/disclosure.ts).

const ADDITIVE = new Set(['single_choice', 'yes_no', 'agree_scale', 'rating']);

/** The true counts of one question, group by group, from the unprotected summary. */
export function truthOf(q: QuestionResult, groups: readonly (Counts | undefined)[]): QuestionTruth {
  const counts = groups.map((g) => g?.questions.find((c) => c.key === q.key));
  return {
    counts: q.rows.map((row) => counts.map((c) => c?.options.find((o) => o.key === row.key)?.count ?? 0)),
    noAnswer: counts.map((c) => c?.noAnswer ?? 0),
    notAsked: counts.map((c) => c?.notAsked ?? 0),
    additive: ADDITIVE.has(q.kind),
    ...(q.ranking && {
      ranking: {
        first: byItem(q, counts, (r) => r.first),
        top3: byItem(q, counts, (r) => r.top3),
        rankSum: byItem(q, counts, (r) => r.rankSum),
      },
    }),
  };
}

const byItem = (q: QuestionResult, counts: readonly (QuestionCounts | undefined)[], read: (item: RankedItem) => number) =>
  q.rows.map((row) =>
    counts.map((c) => {
      const item = c?.ranking?.find((r) => r.key === row.key);
      return item ? read(item) : 0;
    }),
  );

export interface DemoPage extends Page {
  /** The questions audited, in the order of familyTables' `q0`, `q1`…, the same on every page. */
  questions: QuestionResult[];
  /** How a report names the page: its name, or where it is published apart. */
  label: string;
}

/**
 * One page (the overall figures, or one breakdown) as published and as it truly is. `keys`
 * limits the questions; by default every counted one: the closed questions, the young people's,
 * and the coded themes of free text (which share the groups' responses with them).
 */
export async function publishedPage(
  db: Db,
  consultation: Consultation,
  breakdown: Dimension | null,
  threshold: number,
  keys?: readonly string[],
): Promise<DemoPage> {
  const params = new URLSearchParams(breakdown ? { breakdown } : {});
  const outcome = await loadResults(db, consultation, 'en', params, threshold);
  if (!outcome.ok) throw new Error(`${breakdown}: ${JSON.stringify(outcome.errors)}`);
  const index = await analysisIndex(db, consultation.id);
  const request = breakdown ? { breakdown } : {};
  const summary = summarise(index, request);
  const coded = (await summariseCodedThemes(db, index, request, summary)).summary;
  const groupsOf = (s: typeof summary) => (s.breakdown ? s.breakdown.groups.map((g) => g.counts) : [s.total]);
  const closed = groupsOf(summary);
  const themes = groupsOf(coded);
  const { model } = outcome;
  const all = [...model.questions, ...model.youth, ...model.themes].filter((q) => !keys || keys.includes(q.key));
  // Questions in a fixed order, so q0, q1… name the same question on every page.
  const questions = keys ? keys.map((k) => all.find((q) => q.key === k)).filter((q) => q !== undefined) : all.sort((a, b) => a.key.localeCompare(b.key));
  // One page's questions share the groups' responses only when they have the same columns (the coded themes do when their groups are the closed questions').
  const columns = (q: QuestionResult) => q.columns.map((c) => c.key).join();
  for (const q of questions)
    if (columns(q) !== columns(questions[0]!)) throw new Error(`${breakdown ?? 'overall'}: ${q.key} has other groups than ${questions[0]!.key}`);
  if (keys && questions.length !== keys.length) throw new Error(`${breakdown ?? 'overall'}: not every question of ${keys.join(', ')} is published`);
  const tables: PublishedTables = familyTables(
    closed.map((g) => g.responses),
    questions.map((q) => ({ q, truth: truthOf(q, q.kind === 'coded' ? alignedGroups(summary, coded, themes) : closed) })),
    threshold,
  );
  const groups = summary.breakdown ? summary.breakdown.groups.map((g) => g.value ?? NOT_STATED) : null;
  return { name: breakdown ?? 'overall', label: breakdown ?? 'overall', groups, tables, questions };
}

/** The coded themes' counts in the closed questions' groups (a group nobody's coded answer is in has none). */
function alignedGroups(summary: ReturnType<typeof summarise>, coded: ReturnType<typeof summarise>, themes: Counts[]): (Counts | undefined)[] {
  if (!summary.breakdown) return themes;
  const byValue = new Map(coded.breakdown?.groups.map((g) => [g.value, g.counts]));
  return summary.breakdown.groups.map((g) => byValue.get(g.value));
}

/** Every page a consultation publishes: the overall figures, then each breakdown. */
export async function publishedPages(db: Db, consultation: Consultation, threshold: number, keys?: readonly string[]): Promise<DemoPage[]> {
  const pages: DemoPage[] = [];
  for (const breakdown of [null, ...DIMENSIONS]) pages.push(await publishedPage(db, consultation, breakdown, threshold, keys));
  return pages;
}

/**
 * The public results by area committee and by ward, and the overall figures beside them
 * (loadPublicFigures: protected together, apart from the officers' breakdowns), as three pages
 * named like those breakdowns, so that reading them together merges the figures both show. `order` is the other
 * pages' questions, whose positions name them (q0, q1…); the public pages have fewer (no
 * rankings, no young people's, no themes).
 */
export async function publicAreaPages(db: Db, consultation: Consultation, threshold: number, order: readonly QuestionResult[]): Promise<DemoPage[]> {
  const { areas, model } = await loadPublicFigures(db, consultation, 'en', threshold);
  if (!model) throw new Error('no public figures');
  const index = await analysisIndex(db, consultation.id);
  const byWard = summarise(index, { breakdown: 'ward' });
  const byCommittee = summarise(index, { breakdown: 'areaCommittee' });
  const position = new Map(order.map((q, k) => [q.key, k]));
  const audited = areas.filter((a) => position.has(a.key));
  const page = (name: 'overall' | 'ward' | 'areaCommittee', summary: ReturnType<typeof summarise>, tableOf: (a: AreaQuestion) => AreaTable): DemoPage => {
    const groups = summary.breakdown?.groups ?? [];
    const keys = groups.map((g) => groupKey(g.value));
    const questions = audited.map((a): QuestionResult => {
      const q = order[position.get(a.key)!]!;
      const table = tableOf(a);
      if (!summary.breakdown) return { ...q, columns: table.columns, rows: table.rows, ranking: undefined };
      // Each group's column where the public pages show it, in the breakdown's order.
      const at = keys.map((key) => table.columns.findIndex((c, j) => j > 0 && c.key === key));
      if (at.some((j) => j === -1)) throw new Error(`${a.key}: a ${name} missing from the public pages`);
      const pick = <T>(values: readonly T[]) => [values[0]!, ...at.map((j) => values[j]!)];
      return { ...q, columns: pick(table.columns), rows: table.rows.map((r) => ({ ...r, cells: pick(r.cells) })), ranking: undefined };
    });
    const counts = summary.breakdown ? groups.map((g) => g.counts) : [summary.total];
    const tables = familyTables(
      counts.map((c) => c.responses),
      questions.map((q) => ({ q, truth: truthOf(q, counts) })),
      threshold,
    );
    // familyTables numbers the questions it is given: back to their places among all pages'.
    const renumber = (figure: string) => figure.replace(/^q(\d+):/, (_, k: string) => `q${position.get(audited[Number(k)]!.key)}:`);
    return {
      name,
      label: `${name} (public)`,
      groups: summary.breakdown ? keys : null,
      questions,
      tables: {
        ...tables,
        figures: tables.figures.map((f) => ({ ...f, name: renumber(f.name) })),
        relations: tables.relations.map((r) => ({ ...r, terms: r.terms.map((t) => ({ ...t, name: renumber(t.name) })) })),
      },
    };
  };
  // The ward tables come one per committee, each with the committee's column first: one table of every ward.
  const wards = (a: AreaQuestion): AreaTable => ({
    ...a.committees,
    columns: [a.committees.columns[0]!, ...a.wards.flatMap((t) => t.columns.slice(1))],
    rows: a.committees.rows.map((r, i) => ({ ...r, cells: [r.cells[0]!, ...a.wards.flatMap((t) => t.rows[i]!.cells.slice(1))] })),
  });
  // The overall figures as the public pages show them beside the areas (they hide what the areas hide).
  const overall = (a: AreaQuestion): AreaTable => {
    const q = model.questions.find((x) => x.key === a.key)!;
    return { key: q.key, label: '', columns: q.columns, rows: q.rows };
  };
  return [page('overall', summarise(index, {}), overall), page('areaCommittee', byCommittee, (a) => a.committees), page('ward', byWard, wards)];
}

/**
 * The breakdowns that nest in others, as anyone can know them: each ward is in one area
 * committee (a ward the wards table does not know, and "not stated", in none: the committee's
 * "not stated"), each detailed ethnicity in one census group. Checked against every response.
 */
export function nestingsOf(index: ConsultationIndex): Nesting[] {
  const key = (value: string | null) => value ?? NOT_STATED;
  const { dictionaries, areaOfWard } = index.coder;
  const nest = (inner: Dimension, outer: Dimension, parent: (value: string) => string | null): Nesting => {
    const parentOf = new Map<string, string>([[NOT_STATED, NOT_STATED]]);
    for (const value of dictionaries[inner].values) parentOf.set(value, key(parent(value)));
    for (let row = 0; row < index.size; row++) {
      if (index.counted[row] !== 1) continue;
      const child = key(dictionaries[inner].value(index.dimensions[inner][row]!));
      const actual = key(dictionaries[outer].value(index.dimensions[outer][row]!));
      if (parentOf.get(child) !== actual) throw new Error(`a response in ${inner} ${child} is in ${outer} ${actual}, not ${parentOf.get(child)}`);
    }
    return { inner, outer, parentOf };
  };
  return [nest('ward', 'areaCommittee', (ward) => areaOfWard.get(ward) ?? null), nest('ethnicity', 'ethnicGroup', ethnicGroupOf)];
}
