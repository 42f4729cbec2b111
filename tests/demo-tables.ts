import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { summariseCodedThemes } from '~/analysis/coded-themes.server';
import { DIMENSIONS, type Dimension } from '~/analysis/dimensions';
import { NOT_STATED } from '~/analysis/filters';
import { ethnicGroupOf } from '~/analysis/index/dimensions';
import type { ConsultationIndex } from '~/analysis/index/consultation-index';
import { analysisIndex } from '~/analysis/indexes.server';
import { loadResults } from '~/analysis/results.server';
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
  return { name: breakdown ?? 'overall', groups, tables, questions };
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
