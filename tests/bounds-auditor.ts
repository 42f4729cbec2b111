import loadHighs, { type Highs } from 'highs';
import type { Hierarchy, LinkedTables } from '~/analysis/linked-disclosure';
import type { ProtectedTable } from '~/analysis/disclosure';
import type { QuestionResult } from '~/analysis/results-model';

// The bounds half of issue 15's auditor (test support, never shipped). tests/linked-auditor.ts
// finds the hidden figures that the published ones determine by linear algebra alone; this one
// also uses what every count is, a whole number ≥ 0, and asks for each hidden figure the least
// and the most it can be: the intruder's "feasibility interval" [lower, upper]. Each bound is a
// linear programme over every published table at once (HiGHS, the `highs` package: the shown
// figures are constants, the hidden ones unknowns ≥ 0, every true sum an equation, and "a person
// who chose an answer is among those who answered" an inequality). A simplex optimum at a
// whole-number vertex is the whole-number optimum too; where the vertex is fractional the bound
// is solved again with the unknowns whole (a mixed-integer programme), so the bounds are the
// exact ones an intruder with unlimited patience would find, never a relaxation wider than that.
//
// The rule, and where it comes from. Statistical offices audit a suppression pattern this way:
// tau-ARGUS (Statistics Netherlands; the method is set out in Hundepool et al., "Statistical
// Disclosure Control", Wiley 2012, on secondary cell suppression) computes for each sensitive
// cell x its feasibility interval by linear programming and calls the pattern safe when that
// interval covers the cell's protection interval [x - lower protection level, x + upper
// protection level]; its minimum-frequency rule Freq(n, p) takes, beside the threshold n, a
// "frequency safety range" p from which those levels come. The protection interval we require
// is the one our own pages promise (app/analysis/disclosure.ts): a figure from 1 to t-1 is
// hidden and labelled "fewer than t" (t = the threshold, 10 by default), and so is a zero in a
// group of fewer than t (it would say everyone in that small group answered alike). The label
// allows any value from 0 to t-1, so the tables together may say no more than that. With
// [lower, upper] the interval the published tables leave:
//   - determined: any hidden figure, sensitive or not, with lower = upper (found exactly: this
//     is what linked-auditor.ts checks, plus what non-negativity adds, e.g. hidden values in a
//     line whose hidden sum is 0);
//   - known present: a sensitive figure with lower ≥ 1, so the tables prove that somebody in a
//     small group gave that answer ("fewer than t" allows nobody);
//   - narrow: a sensitive figure with upper - lower < t - 1, so fewer than the t values "fewer
//     than t" allows remain possible: it is worked out to within the threshold (issue 15's
//     "bounded more tightly than the threshold"). Protection levels LPL = x and UPL = t-1-x in
//     tau-ARGUS's terms; "known present" is the lower half of it, reported apart because it is
//     the worse leak. Together: the interval must cover [0, t-1].
// Sensitive means what the primary rule hides: a true value from 1 to t-1, or a zero in a group
// (column) whose responses are from 1 to t-1. A secondary figure (hidden only to protect
// another) fails only when determined. The intruder here knows the tables, not the suppression
// rules: one who reasons "a hidden cell in a big group is never a zero" can learn more, which is
// outside what tau-ARGUS audits and outside this rule.

export type Term = { name: string; coefficient: number };
/** Σ coefficient × figure (= or ≤) constant, over named figures. */
export type Relation = { terms: Term[]; sense: '=' | '<='; constant?: number };
export type Figure = { name: string; value: number; shown: boolean; sensitive: boolean };

export interface PublishedTables {
  threshold: number;
  figures: Figure[];
  relations: Relation[];
}

export interface FigureBounds {
  name: string;
  value: number;
  sensitive: boolean;
  lower: number;
  /** Infinity when nothing published bounds it. */
  upper: number;
}

export type FailureKind = 'determined' | 'known present' | 'narrow';
export interface Failure extends FigureBounds {
  kind: FailureKind;
}

let runtime: Promise<Highs> | undefined;
const highs = () => (runtime ??= loadHighs());

const EPSILON = 1e-6;
const isWhole = (x: number) => Math.abs(x - Math.round(x)) < EPSILON;

/**
 * The feasibility interval of every hidden figure, from every published table at once.
 * `exact: false` (what an audit needs) skips the programmes whose answer cannot change the
 * verdict: every solution found is a whole-number point the figures could all take, so a
 * figure seen at 0 has lower bound 0, one seen at two values is not determined, and a sensitive
 * one seen from 0 to t-1 already passes; its `upper` is then the most it was seen at, a value it
 * can take (the exact upper bound is at least that).
 */
export async function hiddenBounds(tables: PublishedTables, { exact = true } = {}): Promise<FigureBounds[]> {
  const h = await highs();
  const byName = new Map(tables.figures.map((f) => [f.name, f]));
  const hidden = tables.figures.filter((f) => !f.shown);
  const column = new Map(hidden.map((f, i) => [f.name, i]));

  // Each relation with the shown figures moved to the right-hand side.
  const rows: { indices: number[]; values: number[]; lower: number; upper: number }[] = [];
  for (const relation of tables.relations) {
    const coefficients = new Map<number, number>();
    let rhs = relation.constant ?? 0;
    for (const { name, coefficient } of relation.terms) {
      const figure = byName.get(name);
      if (!figure) throw new Error(`no published figure ${name}`);
      if (figure.shown) rhs -= coefficient * figure.value;
      else coefficients.set(column.get(name)!, (coefficients.get(column.get(name)!) ?? 0) + coefficient);
    }
    const entries = [...coefficients].filter(([, c]) => c !== 0).sort(([x], [y]) => x - y);
    if (entries.length === 0) {
      const holds = relation.sense === '=' ? Math.abs(rhs) < EPSILON : rhs > -EPSILON;
      if (!holds) throw new Error(`the published figures break a relation: ${JSON.stringify(relation)}`);
      continue;
    }
    rows.push({ indices: entries.map(([j]) => j), values: entries.map(([, c]) => c), lower: relation.sense === '=' ? rhs : -h.infinity, upper: rhs });
  }

  // Unknowns no relation joins are bounded apart: one small programme per connected part.
  const parent = hidden.map((_, j) => j);
  const root = (j: number): number => (parent[j] === j ? j : (parent[j] = root(parent[j]!)));
  for (const row of rows) for (const j of row.indices) parent[root(j)] = root(row.indices[0]!);
  const parts = new Map<number, number[]>();
  hidden.forEach((_, j) => parts.set(root(j), [...(parts.get(root(j)) ?? []), j]));
  const rowsOf = new Map<number, typeof rows>();
  for (const row of rows) rowsOf.set(root(row.indices[0]!), [...(rowsOf.get(root(row.indices[0]!)) ?? []), row]);

  const result: FigureBounds[] = new Array(hidden.length);
  for (const [key, members] of parts) {
    const local = new Map(members.map((j, k) => [j, k]));
    const partRows = rowsOf.get(key) ?? [];
    const bounds = boundPart(
      h,
      members.map((j) => hidden[j]!),
      partRows.map((r) => ({ ...r, indices: r.indices.map((j) => local.get(j)!) })),
      tables.threshold,
      exact,
    );
    members.forEach((j, k) => (result[j] = bounds[k]!));
  }
  return result;
}

function boundPart(
  h: Highs,
  figures: Figure[],
  rows: { indices: number[]; values: number[]; lower: number; upper: number }[],
  threshold: number,
  exact: boolean,
): FigureBounds[] {
  const n = figures.length;
  const starts = [0];
  for (const row of rows) starts.push(starts[starts.length - 1]! + row.indices.length);
  const model = h.createModel({
    numCols: n,
    numRows: rows.length,
    colCost: new Array<number>(n).fill(0),
    colLower: new Array<number>(n).fill(0),
    colUpper: new Array<number>(n).fill(h.infinity),
    rowLower: rows.map((r) => r.lower),
    rowUpper: rows.map((r) => r.upper),
    matrix: { format: 'csr', numRows: rows.length, numCols: n, starts, indices: rows.flatMap((r) => r.indices), values: rows.flatMap((r) => r.values) },
  });
  // The least and most each figure was seen at in a whole-number solution.
  const seenLow = new Array<number>(n).fill(Infinity);
  const seenHigh = new Array<number>(n).fill(-Infinity);
  const witness = (values: Float64Array) => {
    if (!values.every(isWhole)) return;
    values.forEach((v, k) => {
      seenLow[k] = Math.min(seenLow[k]!, Math.round(v));
      seenHigh[k] = Math.max(seenHigh[k]!, Math.round(v));
    });
  };
  // The true values are one such solution.
  witness(Float64Array.from(figures, (f) => f.value));
  const holds = (values: Float64Array) =>
    rows.every((row) => {
      const x = row.indices.reduce((a, k, i) => a + row.values[i]! * values[k]!, 0);
      return x >= row.lower - EPSILON && x <= row.upper + EPSILON;
    });
  try {
    model.options.set({ output_flag: false });
    const { objectiveSense, modelStatus, variableType } = h.constants;
    const optimum = (j: number, sense: 'min' | 'max'): number => {
      model.changeColCost(j, 1);
      model.changeObjectiveSense(sense === 'min' ? objectiveSense.minimize : objectiveSense.maximize);
      try {
        model.run();
        let status = model.getModelStatus();
        if (status === modelStatus.unknown) {
          // HiGHS now and then leaves a degenerate programme (a hidden grand total, say)
          // unclassified when it starts from the last one's basis; solved afresh it is answered.
          model.clearSolver();
          model.run();
          status = model.getModelStatus();
        }
        if (sense === 'max' && (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible)) return Infinity;
        if (status !== modelStatus.optimal) throw new Error(`bound of ${figures[j]!.name}: HiGHS status ${status}`);
        const vertex = model.getSolution().colValue;
        let value = model.getObjectiveValue();
        const bound = () => (sense === 'min' ? Math.ceil(value - EPSILON) : Math.floor(value + EPSILON));
        if (vertex.every(isWhole)) witness(vertex);
        else {
          // The nearest whole point, when it is a solution, is one more witness.
          const rounded = vertex.map(Math.round);
          if (holds(rounded)) witness(rounded);
        }
        // The whole-number optimum lies between the vertex's value and the best whole solution
        // seen (the true values among them): where the two meet, it is known without solving for it.
        if (!vertex.every(isWhole) && (sense === 'min' ? seenLow[j] : seenHigh[j]) !== bound()) {
          // A fractional vertex: the whole-number optimum may be tighter, so solve for it.
          model.changeColsIntegrality({ kind: 'range', from: 0, to: n - 1 }, new Int32Array(n).fill(variableType.integer));
          try {
            model.run();
            if (model.getModelStatus() !== modelStatus.optimal) throw new Error(`integer bound of ${figures[j]!.name}: status ${model.getModelStatus()}`);
            value = model.getObjectiveValue();
            witness(model.getSolution().colValue);
          } finally {
            model.clearIntegrality();
          }
        }
        // + 0: a bound of -0 reads as 0.
        return bound() + 0;
      } finally {
        model.changeColCost(j, 0);
      }
    };
    return figures.map((figure, j) => {
      const settled = () => !exact && (figure.sensitive ? seenLow[j] === 0 && seenHigh[j]! >= threshold - 1 : seenHigh[j]! > seenLow[j]!);
      let lower = seenLow[j] === 0 ? 0 : NaN;
      if (Number.isNaN(lower) && !settled()) lower = optimum(j, 'min');
      const upper = settled() ? seenHigh[j]! : optimum(j, 'max');
      if (Number.isNaN(lower)) lower = seenLow[j]!;
      return { name: figure.name, value: figure.value, sensitive: figure.sensitive, lower, upper };
    });
  } finally {
    model.dispose();
  }
}

/** What the rule above fails, for bounds computed with threshold t. */
export function failuresOf(bounds: readonly FigureBounds[], threshold: number): Failure[] {
  return bounds.flatMap((b): Failure[] => {
    if (b.upper < b.value || b.lower > b.value) throw new Error(`${b.name}: the true value ${b.value} lies outside [${b.lower}, ${b.upper}]`);
    if (b.lower === b.upper) return [{ ...b, kind: 'determined' }];
    if (!b.sensitive) return [];
    if (b.lower >= 1) return [{ ...b, kind: 'known present' }];
    if (b.upper - b.lower < threshold - 1) return [{ ...b, kind: 'narrow' }];
    return [];
  });
}

/** The rule's failures; the bounds are exact where a failure depends on them (see hiddenBounds). */
export async function auditBounds(tables: PublishedTables, { exact = false } = {}): Promise<{ bounds: FigureBounds[]; failures: Failure[] }> {
  const bounds = await hiddenBounds(tables, { exact });
  return { bounds, failures: failuresOf(bounds, tables.threshold) };
}

const small = (value: number, threshold: number) => value > 0 && value < threshold;
const plus = (name: string): Term => ({ name, coefficient: 1 });
const minus = (name: string): Term => ({ name, coefficient: -1 });
const sumsTo = (total: string, parts: string[]): Relation => ({ terms: [minus(total), ...parts.map(plus)], sense: '=' });

/**
 * Ward, area committee and overall tables (linked-disclosure.ts), as tests/linked-auditor.ts
 * reads them: the same names and the same sums, with the true values from the hierarchy.
 */
export function linkedTables(h: Hierarchy, tables: LinkedTables): PublishedTables {
  const t = tables.threshold;
  const ks = h.committees.map((_, k) => k);
  const committeeResponses = ks.map((k) => h.committees[k]!.wards.reduce((a, w) => a + (h.wardResponses[w] ?? 0), 0));
  const allResponses = committeeResponses.reduce((a, b) => a + b, 0);
  const figures: Figure[] = [];
  const put = (name: string, cell: { kind: string } | undefined, value: number, groupResponses: number) =>
    figures.push({ name, value, shown: cell?.kind === 'shown', sensitive: small(value, t) || (value === 0 && small(groupResponses, t)) });
  put('r:all', tables.responses.overall, allResponses, allResponses);
  ks.forEach((k) => put(`r:c${k}`, tables.responses.committees[k], committeeResponses[k]!, committeeResponses[k]!));
  h.wardResponses.forEach((r, w) => put(`r:w${w}`, tables.responses.wards[w], r, r));
  h.questions.forEach((question, q) => {
    question.counts.forEach((line, l) => {
      const committeeCount = (k: number) => h.committees[k]!.wards.reduce((a, w) => a + (line[w] ?? 0), 0);
      put(
        `q${q}:${l}:all`,
        tables.questions[q]?.overall[l],
        line.reduce((a, b) => a + b, 0),
        allResponses,
      );
      ks.forEach((k) => put(`q${q}:${l}:c${k}`, tables.questions[q]?.committees[l]?.[k], committeeCount(k), committeeResponses[k]!));
      line.forEach((v, w) => put(`q${q}:${l}:w${w}`, tables.questions[q]?.wards[l]?.[w], v, h.wardResponses[w] ?? 0));
    });
  });

  const relations: Relation[] = [
    sumsTo(
      'r:all',
      ks.map((k) => `r:c${k}`),
    ),
  ];
  h.committees.forEach((c, k) =>
    relations.push(
      sumsTo(
        `r:c${k}`,
        c.wards.map((w) => `r:w${w}`),
      ),
    ),
  );
  h.questions.forEach((question, q) => {
    const lines = question.counts.map((_, l) => l);
    for (const l of lines) {
      relations.push(
        sumsTo(
          `q${q}:${l}:all`,
          ks.map((k) => `q${q}:${l}:c${k}`),
        ),
      );
      h.committees.forEach((c, k) =>
        relations.push(
          sumsTo(
            `q${q}:${l}:c${k}`,
            c.wards.map((w) => `q${q}:${l}:w${w}`),
          ),
        ),
      );
    }
    relations.push(
      sumsTo(
        'r:all',
        lines.map((l) => `q${q}:${l}:all`),
      ),
    );
    ks.forEach((k) =>
      relations.push(
        sumsTo(
          `r:c${k}`,
          lines.map((l) => `q${q}:${l}:c${k}`),
        ),
      ),
    );
    h.wardResponses.forEach((_, w) =>
      relations.push(
        sumsTo(
          `r:w${w}`,
          lines.map((l) => `q${q}:${l}:w${w}`),
        ),
      ),
    );
  });
  return { threshold: t, figures, relations };
}

/** The true counts behind one question's figures (safe-figures.ts), one per group (no All column). */
export interface QuestionTruth {
  /** counts[option][group]. */
  counts: readonly (readonly number[])[];
  noAnswer: readonly number[];
  notAsked: readonly number[];
  /** One answer each (the lines add up to the responses), or several (each answer is at most those who answered). */
  additive: boolean;
  /** A ranking's other tables, [option][group]: ranked first, in the top 3, and the sum of its ranks (which a shown mean rank gives away). */
  ranking?: { first: readonly (readonly number[])[]; top3: readonly (readonly number[])[]; rankSum: readonly (readonly number[])[] };
}

/**
 * Questions of one summary as a reader gets them from protectFamily: counts, "no answer", "not
 * asked", the groups' responses (shared by every question) and the bases, with every sum between
 * them. In a breakdown the model's first column is All, the sum of the groups.
 */
export function familyTables(
  responses: readonly number[],
  questions: readonly { q: QuestionResult; truth: QuestionTruth }[],
  threshold: number,
): PublishedTables {
  const first = questions[0]?.q;
  if (!first) throw new Error('no question to audit');
  const withAll = first.columns.length === responses.length + 1;
  if (!withAll && first.columns.length !== responses.length) throw new Error('one column per group, and All in a breakdown');
  const total = (values: readonly number[]) => (withAll ? [values.reduce((a, b) => a + b, 0), ...values] : [...values]);
  const r = total(responses);
  const columns = r.map((_, j) => j);
  const groups = withAll ? columns.slice(1) : [];
  const figures: Figure[] = [];
  const put = (name: string, shown: boolean, value: number, j: number) =>
    figures.push({ name, value, shown, sensitive: small(value, threshold) || (value === 0 && small(r[j]!, threshold)) });
  const relations: Relation[] = [];
  for (const j of columns) put(`r${j}`, !first.columns[j]!.responses.suppressed, r[j]!, j);
  if (withAll)
    relations.push(
      sumsTo(
        'r0',
        groups.map((j) => `r${j}`),
      ),
    );
  questions.forEach(({ q, truth }, k) => {
    const noAnswer = total(truth.noAnswer);
    const notAsked = total(truth.notAsked);
    const counts = truth.counts.map(total);
    const x = (i: number, j: number) => `q${k}:x${i},${j}`;
    const n = (j: number) => `q${k}:n${j}`;
    const s = (j: number) => `q${k}:s${j}`;
    for (const j of columns) {
      const c = q.columns[j]!;
      if (c.responses.suppressed !== first.columns[j]!.responses.suppressed)
        throw new Error(`${q.key}: responses of column ${j} shown in one question and hidden in another`);
      put(n(j), !c.noAnswer.suppressed, noAnswer[j]!, j);
      put(s(j), !c.notAsked.suppressed, notAsked[j]!, j);
      q.rows.forEach((row, i) => put(x(i, j), !row.cells[j]!.suppressed, counts[i]![j]!, j));
    }
    if (withAll) {
      relations.push(sumsTo(n(0), groups.map(n)), sumsTo(s(0), groups.map(s)));
      q.rows.forEach((_, i) =>
        relations.push(
          sumsTo(
            x(i, 0),
            groups.map((j) => x(i, j)),
          ),
        ),
      );
    }
    for (const j of columns) {
      // Those who answered: responses less "no answer" less "not asked".
      const answered = [plus(`r${j}`), minus(n(j)), minus(s(j))];
      if (truth.additive) relations.push(sumsTo(`r${j}`, [...q.rows.map((_, i) => x(i, j)), n(j), s(j)]));
      // Someone who chose an answer answered: each answer is at most those who did.
      else q.rows.forEach((_, i) => relations.push({ terms: [plus(x(i, j)), ...answered.map((a) => ({ ...a, coefficient: -a.coefficient }))], sense: '<=' }));
      const base = q.columns[j]!.base;
      if (!base.suppressed) relations.push({ terms: answered, sense: '=', constant: base.value });
    }
    if (q.ranking && truth.ranking) rankingTables(q, truth.ranking, k, { columns, groups, total, put, relations });
  });
  return { threshold, figures, relations };
}

/**
 * A ranking's figures beyond "ranked at all" (x): ranked first (f), in the top 3 (t), and the rank
 * sum (m), shown wherever the mean rank is (mean × ranked). Each group's sums: one first choice
 * per person who ranked anything, f ≤ t ≤ x, those who answered ≤ Σ t ≤ 3 × them, and ranks
 * from 1 to the number of items (R): first 1, the rest of the top 3 at most 3 and at least 2,
 * the others at least 4, so 4x - 2t - f ≤ m ≤ 3t - 2f + R(x - t).
 */
function rankingTables(
  q: QuestionResult,
  truth: NonNullable<QuestionTruth['ranking']>,
  k: number,
  page: {
    columns: number[];
    groups: number[];
    total: (values: readonly number[]) => number[];
    put: (name: string, shown: boolean, value: number, j: number) => void;
    relations: Relation[];
  },
): void {
  const { columns, groups, total, put, relations } = page;
  const rows = q.ranking!;
  const R = rows.length;
  const name = (kind: 'f' | 't' | 'm', i: number, j: number) => `q${k}:${kind}${i},${j}`;
  const x = (i: number, j: number) => `q${k}:x${i},${j}`;
  const term = (figure: string, coefficient: number): Term => ({ name: figure, coefficient });
  const first = truth.first.map(total);
  const top3 = truth.top3.map(total);
  const rankSum = truth.rankSum.map(total);
  rows.forEach((row, i) => {
    for (const j of columns) {
      put(name('f', i, j), !row.first[j]!.suppressed, first[i]![j]!, j);
      put(name('t', i, j), !row.top3[j]!.suppressed, top3[i]![j]!, j);
      put(name('m', i, j), !row.meanRank[j]!.suppressed, rankSum[i]![j]!, j);
      relations.push(
        { terms: [term(name('f', i, j), 1), term(name('t', i, j), -1)], sense: '<=' },
        { terms: [term(name('t', i, j), 1), term(x(i, j), -1)], sense: '<=' },
        { terms: [term(x(i, j), 4), term(name('t', i, j), -2), term(name('f', i, j), -1), term(name('m', i, j), -1)], sense: '<=' },
        { terms: [term(name('m', i, j), 1), term(name('t', i, j), R - 3), term(name('f', i, j), 2), term(x(i, j), -R)], sense: '<=' },
      );
    }
    if (groups.length)
      for (const kind of ['f', 't', 'm'] as const)
        relations.push(
          sumsTo(
            name(kind, i, 0),
            groups.map((j) => name(kind, i, j)),
          ),
        );
  });
  for (const j of columns) {
    const answered = [term(`r${j}`, 1), term(`q${k}:n${j}`, -1), term(`q${k}:s${j}`, -1)];
    const negate = (terms: Term[]) => terms.map((t) => ({ ...t, coefficient: -t.coefficient }));
    const all = (kind: 'f' | 't') => rows.map((_, i) => term(name(kind, i, j), 1));
    relations.push(
      { terms: [...all('f'), ...negate(answered)], sense: '=' },
      { terms: [...answered, ...negate(all('t'))], sense: '<=' },
      { terms: [...all('t'), ...answered.map((t) => ({ ...t, coefficient: -3 * t.coefficient }))], sense: '<=' },
    );
  }
}

/**
 * One table as protectTable (disclosure.ts) returns it, with the true counts: the extended grid
 * of cells and totals, every row and column adding up to its total.
 */
export function singleTable(cells: readonly (readonly number[])[], table: ProtectedTable): PublishedTables {
  const t = table.threshold;
  const rows = cells.length;
  const width = cells[0]?.length ?? 0;
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: width }, (_, j) => cells.reduce((a, row) => a + (row[j] ?? 0), 0));
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  const name = (i: number, j: number) => `c${i},${j}`;
  const figures: Figure[] = [];
  const put = (i: number, j: number, cell: { kind: string } | undefined, value: number) => {
    const group = j === width ? grand : columnTotals[j]!;
    figures.push({ name: name(i, j), value, shown: cell?.kind === 'shown', sensitive: small(value, t) || (value === 0 && small(group, t)) });
  };
  cells.forEach((row, i) => {
    row.forEach((v, j) => put(i, j, table.cells[i]?.[j], v));
    put(i, width, table.rowTotals[i], rowTotals[i]!);
  });
  columnTotals.forEach((v, j) => put(rows, j, table.columnTotals[j], v));
  put(rows, width, table.grandTotal, grand);
  const relations: Relation[] = [];
  for (let i = 0; i <= rows; i++)
    relations.push(
      sumsTo(
        name(i, width),
        Array.from({ length: width }, (_, j) => name(i, j)),
      ),
    );
  for (let j = 0; j <= width; j++)
    relations.push(
      sumsTo(
        name(rows, j),
        Array.from({ length: rows }, (_, i) => name(i, j)),
      ),
    );
  return { threshold: t, figures, relations };
}
