import { PREFER_NOT, WARD_UNKNOWN } from '~/responses/demographics';
import { NOT_STATED } from './filters';
import type { Cell, Column, QuestionResult, QuestionTest } from './results-model';
import { chiSquareTest, holmAdjust, twoProportionTest, type MethodCode } from './statistics';

// Which differences between the groups of a breakdown are statistically notable. Built only on
// figures already shown (the protected model), so no test can lean on a hidden count:
// - a group takes part only when its base is shown and it says who it is ("not stated", "prefer
//   not to say" and "I don't know" are left out: a difference there says nothing about a group
//   of people);
// - answers that exclude each other (one choice, a scale, a rating, who ranked what first) get a
//   chi-square test of independence across the groups whose figures are all shown;
// - every answer, each group whose figure for it is shown against the rest of those groups: the
//   two-proportion z-test, or Fisher's exact test when the groups are small; Holm-corrected
//   within the question. A figure hidden in one group (to protect a small number) takes that
//   group out of that answer's comparison only, not the whole question out of the tests.

export const ALPHA = 0.05;

const UNSAID = new Set([NOT_STATED, PREFER_NOT, WARD_UNKNOWN]);
const EXCLUSIVE = new Set(['single_choice', 'yes_no', 'agree_scale', 'rating', 'ranking']);

type Shown = Extract<Cell, { suppressed: false }>;

interface Tested {
  index: number;
  column: Column;
  base: number;
  cells: (Shown | undefined)[];
}

/** The rows of figures that are tested: the answers, or for a ranking who put each item first. */
function testedRows(q: QuestionResult): { key: string; label: string; cells: Cell[] }[] {
  return q.ranking ? q.ranking.map((r) => ({ key: r.key, label: r.label, cells: r.first })) : q.rows;
}

interface Comparison {
  row: number;
  group: Tested;
  /** With two groups, the other one: the same comparison seen from its side. */
  other: Tested | undefined;
  pValue: number;
  method: MethodCode;
  rate: number;
  rest: number;
}

/** Each answer's comparisons: every group showing its figure against the rest of them. */
function compareAnswers(rows: { cells: Cell[] }[], candidates: Tested[]): Comparison[] {
  const comparisons: Comparison[] = [];
  rows.forEach((_, i) => {
    const shown = candidates.filter((g) => g.cells[i] !== undefined);
    if (shown.length < 2) return;
    const chose = shown.reduce((n, g) => n + g.cells[i]!.count, 0);
    if (chose === 0) return; // nobody chose it anywhere: nothing to compare
    const answered = shown.reduce((n, g) => n + g.base, 0);
    // With two groups, "each against the rest" is one comparison, not two.
    const compared = shown.length === 2 ? shown.slice(0, 1) : shown;
    for (const group of compared) {
      const x = group.cells[i]!.count;
      const result = twoProportionTest(x, group.base, chose - x, answered - group.base);
      if (!result) continue;
      const other = shown.length === 2 ? shown[1] : undefined;
      comparisons.push({
        row: i,
        group,
        other,
        pValue: result.pValue,
        method: result.method.code,
        rate: x / group.base,
        rest: (chose - x) / (answered - group.base),
      });
    }
  });
  return comparisons;
}

/** Flags notable cells of a broken-down question in place, and returns what was tested. */
export function testQuestion(q: QuestionResult): QuestionTest {
  const rows = testedRows(q);
  const candidates: Tested[] = [];
  let groups = 0;
  q.columns.forEach((column, index) => {
    if (column.total) return;
    groups += 1;
    if (UNSAID.has(column.key) || column.base.suppressed || column.base.value === 0) return;
    const cells = rows.map((r) => {
      const cell = r.cells[index];
      return cell && !cell.suppressed ? cell : undefined;
    });
    candidates.push({ index, column, base: column.base.value, cells });
  });

  const comparisons = compareAnswers(rows, candidates);
  const tested = new Set(comparisons.flatMap((c) => (c.other ? [c.group.index, c.other.index] : [c.group.index])));
  const test: QuestionTest = { groupsTested: tested.size, groupsLeftOut: groups - tested.size, overall: null, comparisons: comparisons.length, methods: [] };
  q.test = test;

  const complete = candidates.filter((g) => g.cells.every((c) => c !== undefined));
  if (EXCLUSIVE.has(q.kind) && complete.length >= 2) {
    const chi = chiSquareTest(rows.map((_, i) => complete.map((g) => g.cells[i]!.count)));
    if (chi) {
      test.overall = {
        groups: complete.length,
        statistic: chi.statistic,
        degreesOfFreedom: chi.degreesOfFreedom,
        pValue: chi.pValue,
        reliable: chi.valid,
        notable: chi.valid && chi.pValue < ALPHA,
      };
    }
  }

  test.methods = [...new Set(comparisons.map((c) => c.method))].sort();
  const adjusted = holmAdjust(comparisons.map((c) => c.pValue));
  comparisons.forEach((c, k) => {
    const p = adjusted[k] ?? 1;
    if (p >= ALPHA || c.rate === c.rest) return;
    const direction = c.rate > c.rest ? 'higher' : 'lower';
    const flag = (group: Tested, way: 'higher' | 'lower', rate: number, rest: number) => {
      group.cells[c.row]!.notable = way;
      const row = rows[c.row]!;
      q.notable.push({
        optionKey: row.key,
        option: row.label,
        groupKey: group.column.key,
        group: group.column.label,
        direction: way,
        percent: rate * 100,
        restPercent: rest * 100,
        pValue: p,
        method: c.method,
      });
    };
    flag(c.group, direction, c.rate, c.rest);
    if (c.other) flag(c.other, direction === 'higher' ? 'lower' : 'higher', c.rest, c.rate);
  });
  q.notable.sort((a, b) => a.pValue - b.pValue);
  return test;
}
