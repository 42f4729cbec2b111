import { percentageOf, type Cell as DisclosureCell } from './disclosure';
import { groupKey } from './filters';
import { ALL_RESPONSES, overallFigure, protectHierarchy, type Hierarchy, type LinkedTables } from './linked-disclosure';
import { HIDDEN, type Cell, type Column, type Count, type OptionRow, type QuestionResult, type ResultsModel } from './results-model';
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

function column(key: string, label: string, total: boolean, responses: DisclosureCell | undefined, noAnswer: DisclosureCell | undefined): Column {
  const base: Count = responses?.kind === 'shown' && noAnswer?.kind === 'shown' ? { suppressed: false, value: responses.value - noAnswer.value } : HIDDEN;
  return { key, label, total, responses: asCount(responses), noAnswer: asCount(noAnswer), base };
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
    rows: options.map((o, i) => ({ ...o, cells: groups.map((g) => cellOf(g.lines[i], g.column.base)) })),
  };
}

export function protectAreas(input: AreaInput): { model: ResultsModel; areas: AreaQuestion[] } {
  const { model, byWard, committeeOf, label } = input;
  const groups = byWard.breakdown?.groups ?? [];
  const committeeKeys = [...new Set(groups.map((g) => committeeOf(g.value)))];
  const questions = model.questions.filter((q) => ADDITIVE.has(q.kind));
  const counts = questions.map((q) => {
    const lines = groups.map((g) => {
      const c = g.counts.questions.find((x) => x.key === q.key);
      return [...q.rows.map((r) => c?.options.find((o) => o.key === r.key)?.count ?? 0), c?.noAnswer ?? g.counts.responses];
    });
    return { key: q.key, counts: (lines[0] ?? []).map((_, line) => lines.map((ward) => ward[line] ?? 0)) };
  });
  // A question whose lines do not add up (answers changed kind, say) is left out rather than guessed at.
  const kept = counts.filter((q) => groups.every((g, w) => sum(q.counts.map((line) => line[w] ?? 0)) === g.counts.responses));
  const keptQuestions = questions.filter((q) => kept.some((k) => k.key === q.key));
  const hierarchy: Hierarchy = {
    committees: committeeKeys.map((k) => ({ key: groupKey(k), wards: groups.flatMap((g, w) => (committeeOf(g.value) === k ? [w] : [])) })),
    wardResponses: groups.map((g) => g.counts.responses),
    questions: kept,
  };
  // What the overall page hides stays hidden here.
  const already = keptQuestions.flatMap((q, i) => [
    ...q.rows.flatMap((r, line) => (r.cells[0]?.suppressed ? [overallFigure(i, line)] : [])),
    ...(q.columns[0]?.noAnswer.suppressed ? [overallFigure(i, q.rows.length)] : []),
  ]);
  if (model.responses.suppressed) already.push(ALL_RESPONSES);
  const linked = protectHierarchy(hierarchy, model.threshold, already);
  const areas = keptQuestions.map((q, i) => areaQuestion(q, linked, i, hierarchy, groups, label, model.labels.all));
  const reconciled = new Map(keptQuestions.map((q, i) => [q.key, withOverall(q, linked, i)]));
  return { model: { ...model, questions: model.questions.map((q) => reconciled.get(q.key) ?? q) }, areas };
}

function areaQuestion(
  q: QuestionResult,
  linked: LinkedTables,
  i: number,
  h: Hierarchy,
  groups: NonNullable<Summary['breakdown']>['groups'],
  label: AreaInput['label'],
  allLabel: string,
): AreaQuestion {
  const figures = linked.questions[i]!;
  const none = q.rows.length;
  const options = q.rows.map((r) => ({ key: r.key, label: r.label }));
  const committeeGroup = (k: number) => {
    const key = h.committees[k]?.key ?? '';
    const name = label('areaCommittee', key === groupKey(null) ? null : key);
    return { column: column(key, name, false, linked.responses.committees[k], figures.committees[none]?.[k]), lines: figures.committees.map((row) => row[k]) };
  };
  const everyone = { column: column('all', allLabel, true, linked.responses.overall, figures.overall[none]), lines: figures.overall };
  return {
    key: q.key,
    text: q.text,
    committees: table('committees', '', options, [everyone, ...h.committees.map((_, k) => committeeGroup(k))]),
    wards: h.committees.map((c, k) => {
      const parent = committeeGroup(k);
      const wards = c.wards.map((w) => {
        const value = groups[w]?.value ?? null;
        return {
          column: column(groupKey(value), label('ward', value), false, linked.responses.wards[w], figures.wards[none]?.[w]),
          lines: figures.wards.map((row) => row[w]),
        };
      });
      // Under the committee's own heading, its column is everyone in it.
      return table(c.key, parent.column.label, options, [{ ...parent, column: { ...parent.column, label: allLabel, total: true } }, ...wards]);
    }),
  };
}

/** The overall question as the jointly protected overall figures show it. */
function withOverall(q: QuestionResult, linked: LinkedTables, i: number): QuestionResult {
  const figures = linked.questions[i]!;
  const all = q.columns[0];
  if (!all) return q;
  const overall = column(all.key, all.label, all.total, linked.responses.overall, figures.overall[q.rows.length]);
  return { ...q, columns: [overall], rows: q.rows.map((r, line) => ({ ...r, cells: [cellOf(figures.overall[line], overall.base)] })) };
}
