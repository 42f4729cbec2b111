import { percentageOf, type Cell as DisclosureCell } from './disclosure';
import { groupKey } from './filters';
import { ALL_RESPONSES, overallFigure, protectHierarchy, type Hierarchy, type LinkedTables } from './linked-disclosure';
import { HIDDEN, percentBaseOf, type Cell, type Column, type Count, type OptionRow, type QuestionResult, type ResultsModel } from './results-model';
import type { Summary } from './summarise';

// The public figures by ward and by area committee, and the overall figures beside them, as one
// jointly protected set (linked-disclosure.ts): a committee is its wards, everyone is the
// committees, so the three are protected together and the overall page hides what they hide.
// Pure: the server gathers the summary by ward and the overall model (public-figures.server.ts).

/** Questions whose answers exclude each other, so each group's lines add up to its responses. */
const ADDITIVE: ReadonlySet<string> = new Set(['single_choice', 'yes_no', 'agree_scale', 'rating']);

export interface AreaTable {
  key: string;
  label: string;
  /** The parent's figures first (everyone, or the committee), then each group. */
  columns: Column[];
  rows: OptionRow[];
}

export interface AreaQuestion {
  key: string;
  text: string;
  /** People could choose several answers. */
  several: boolean;
  committees: AreaTable;
  /** One table per committee: the committee, then its wards. */
  wards: AreaTable[];
}

export interface AreaInput {
  model: ResultsModel;
  /** The same responses broken down by ward. */
  byWard: Summary;
  committeeOf: (ward: string | null) => string | null;
  label: (dimension: 'ward' | 'areaCommittee', value: string | null) => string;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const asCount = (cell: DisclosureCell | undefined): Count => (cell?.kind === 'shown' ? { suppressed: false, value: cell.value } : HIDDEN);

/**
 * `noAnswer` here is everyone without an answer: a routed question's "not asked" is protected
 * in the same line (a ward's two small figures would each point at a few people), so the map
 * shows the base, those asked who answered, but not the two apart.
 */
function column(
  key: string,
  label: string,
  total: boolean,
  responses: DisclosureCell | undefined,
  noAnswer: DisclosureCell | undefined,
  routed: boolean,
): Column {
  const base: Count = responses?.kind === 'shown' && noAnswer?.kind === 'shown' ? { suppressed: false, value: responses.value - noAnswer.value } : HIDDEN;
  // As in safe-figures: when a small "no answer" hides the base, the percentages are of everyone
  // in the group; not when some were routed past the question (they would read as saying no).
  const percentOf = base.suppressed && responses?.kind === 'shown' && !routed ? 'responses' : 'answered';
  const notAsked = routed ? HIDDEN : { suppressed: false as const, value: 0 };
  return { key, label, total, responses: asCount(responses), noAnswer: routed ? HIDDEN : asCount(noAnswer), notAsked, base, percentOf };
}

function cellOf(count: DisclosureCell | undefined, base: Count): Cell {
  if (count?.kind !== 'shown') return HIDDEN;
  const p = percentageOf(count, base.suppressed ? { kind: 'suppressed' } : { kind: 'shown', value: base.value });
  if (p.kind !== 'shown') return { suppressed: false, count: count.value, percent: null, ciLow: null, ciHigh: null };
  return { suppressed: false, count: count.value, percent: p.proportion * 100, ciLow: p.interval.lower * 100, ciHigh: p.interval.upper * 100 };
}

/** A table of groups across, with each group's figures as one protected column (answers, then "no answer"). */
function table(
  key: string,
  label: string,
  options: { key: string; label: string }[],
  groups: { column: Column; lines: (DisclosureCell | undefined)[] }[],
): AreaTable {
  return {
    key,
    label,
    columns: groups.map((g) => g.column),
    rows: options.map((o, i) => ({ ...o, cells: groups.map((g) => cellOf(g.lines[i], percentBaseOf(g.column))) })),
  };
}

/** Where one line of a question (an answer, or "no answer") lives among the protected tables. */
type Place = { table: number; line: number };
interface Placed {
  q: QuestionResult;
  /** The answers' places, then "no answer"'s. */
  places: Place[];
}

type Groups = NonNullable<Summary['breakdown']>['groups'];

/**
 * The protected tables a question becomes. Answers that exclude each other are one table (every
 * answer and "no answer" add up to each group's responses). Where a person may choose several,
 * each answer is a table of its own (chose it, did not), and whether people answered at all is
 * one more: the "did not" lines are never shown, but are implied by the responses, so they are
 * protected like any other figure.
 */
function tablesOf(q: QuestionResult, groups: Groups): { key: string; counts: number[][] }[] | null {
  const perWard = groups.map((g) => ({ responses: g.counts.responses, c: g.counts.questions.find((x) => x.key === q.key) }));
  const chose = (i: number) => perWard.map(({ c }) => c?.options.find((o) => o.key === q.rows[i]?.key)?.count ?? 0);
  // Everyone without an answer, asked or not (see column()).
  const noAnswer = perWard.map(({ c, responses }) => (c ? c.noAnswer + c.notAsked : responses));
  const responses = perWard.map((w) => w.responses);
  if (ADDITIVE.has(q.kind)) {
    const counts = [...q.rows.map((_, i) => chose(i)), noAnswer];
    // A question whose lines do not add up (answers changed kind, say) is left out rather than guessed at.
    return responses.every((r, w) => sum(counts.map((line) => line[w] ?? 0)) === r) ? [{ key: q.key, counts }] : null;
  }
  if (q.kind !== 'multiple_choice') return null;
  // [shown part, the rest of the responses]: for an answer, chose it then did not; for the
  // question, answered then gave no answer.
  const split = (key: string, part: number[]) => ({ key, counts: [part, responses.map((r, w) => r - (part[w] ?? 0))] });
  const own = [
    ...q.rows.map((r, i) => split(`${q.key}:${r.key}`, chose(i))),
    split(
      `${q.key}:answered`,
      responses.map((r, w) => r - (noAnswer[w] ?? 0)),
    ),
  ];
  return own.every((t) => t.counts.every((line) => line.every((v) => v >= 0))) ? own : null;
}

export function protectAreas(input: AreaInput): { model: ResultsModel; areas: AreaQuestion[] } {
  const { model, byWard, committeeOf, label } = input;
  const groups = byWard.breakdown?.groups ?? [];
  const committeeKeys = [...new Set(groups.map((g) => committeeOf(g.value)))];
  const tables: Hierarchy['questions'][number][] = [];
  const placed: Placed[] = [];
  for (const q of model.questions) {
    const own = tablesOf(q, groups);
    if (!own) continue;
    const first = tables.length;
    tables.push(...own);
    const places =
      own.length === 1
        ? [...q.rows.map((_, line) => ({ table: first, line })), { table: first, line: q.rows.length }]
        : [...q.rows.map((_, i) => ({ table: first + i, line: 0 })), { table: first + q.rows.length, line: 1 }];
    placed.push({ q, places });
  }
  const hierarchy: Hierarchy = {
    committees: committeeKeys.map((k) => ({ key: groupKey(k), wards: groups.flatMap((g, w) => (committeeOf(g.value) === k ? [w] : [])) })),
    wardResponses: groups.map((g) => g.counts.responses),
    questions: tables,
  };
  // What the overall page hides stays hidden here.
  const already = placed.flatMap(({ q, places }) =>
    [...q.rows.map((r) => r.cells[0]?.suppressed), q.columns[0]?.noAnswer.suppressed].flatMap((hidden, i) =>
      hidden ? [overallFigure(places[i]!.table, places[i]!.line)] : [],
    ),
  );
  if (model.responses.suppressed) already.push(ALL_RESPONSES);
  const linked = protectHierarchy(hierarchy, model.threshold, already);
  const areas = placed.map((p) => areaQuestion(p, linked, hierarchy, groups, label, model.labels.all));
  const reconciled = new Map(placed.map((p) => [p.q.key, withOverall(p, linked)]));
  return { model: { ...model, questions: model.questions.map((q) => reconciled.get(q.key) ?? q) }, areas };
}

/** One column of protected figures (every answer, then "no answer") at one level of the hierarchy. */
function linesAt(linked: LinkedTables, places: Place[], at: { overall: true } | { committee: number } | { ward: number }): (DisclosureCell | undefined)[] {
  return places.map(({ table, line }) => {
    const figures = linked.questions[table];
    if ('overall' in at) return figures?.overall[line];
    if ('committee' in at) return figures?.committees[line]?.[at.committee];
    return figures?.wards[line]?.[at.ward];
  });
}

function areaQuestion({ q, places }: Placed, linked: LinkedTables, h: Hierarchy, groups: Groups, label: AreaInput['label'], allLabel: string): AreaQuestion {
  const none = q.rows.length;
  const options = q.rows.map((r) => ({ key: r.key, label: r.label }));
  const committeeGroup = (k: number) => {
    const key = h.committees[k]?.key ?? '';
    const name = label('areaCommittee', key === groupKey(null) ? null : key);
    const lines = linesAt(linked, places, { committee: k });
    return { column: column(key, name, false, linked.responses.committees[k], lines[none], !!q.routed), lines };
  };
  const overall = linesAt(linked, places, { overall: true });
  const everyone = { column: column('all', allLabel, true, linked.responses.overall, overall[none], !!q.routed), lines: overall };
  return {
    key: q.key,
    text: q.text,
    several: q.kind === 'multiple_choice',
    committees: table('committees', '', options, [everyone, ...h.committees.map((_, k) => committeeGroup(k))]),
    wards: h.committees.map((c, k) => {
      const parent = committeeGroup(k);
      const wards = c.wards.map((w) => {
        const value = groups[w]?.value ?? null;
        const lines = linesAt(linked, places, { ward: w });
        return { column: column(groupKey(value), label('ward', value), false, linked.responses.wards[w], lines[none], !!q.routed), lines };
      });
      // Under the committee's own heading, its column is everyone in it.
      return table(c.key, parent.column.label, options, [{ ...parent, column: { ...parent.column, label: allLabel, total: true } }, ...wards]);
    }),
  };
}

/** The overall question as the jointly protected overall figures show it. */
function withOverall({ q, places }: Placed, linked: LinkedTables): QuestionResult {
  const all = q.columns[0];
  if (!all) return q;
  const lines = linesAt(linked, places, { overall: true });
  const overall = column(all.key, all.label, all.total, linked.responses.overall, lines[q.rows.length], !!q.routed);
  return { ...q, columns: [overall], rows: q.rows.map((r, line) => ({ ...r, cells: [cellOf(lines[line], percentBaseOf(overall))] })) };
}
