import type { Hierarchy, LinkedTables } from '~/analysis/linked-disclosure';

// An attacker's view of ward, committee and overall tables published together: every figure
// shown is known, every figure hidden is an unknown, and every true sum between them (a
// committee is its wards, everyone is the committees, a group's lines add up to its responses,
// in every question) is an equation. Exact Gaussian elimination over the integers (BigInt, no
// rounding) then says which unknowns the equations pin down: an unknown is determined exactly
// when its unit vector lies in the row space, i.e. when a row of the reduced echelon form has
// its only non-zero coefficient on it.

export type Term = { name: string; coefficient: 1 | -1 };

/** The true linear relations between the published figures, each as terms adding to zero. */
function relations(h: Hierarchy): Term[][] {
  const plus = (name: string): Term => ({ name, coefficient: 1 });
  const minus = (name: string): Term => ({ name, coefficient: -1 });
  const equations: Term[][] = [];
  const ks = h.committees.map((_, k) => k);
  equations.push([minus('r:all'), ...ks.map((k) => plus(`r:c${k}`))]);
  h.committees.forEach((c, k) => equations.push([minus(`r:c${k}`), ...c.wards.map((w) => plus(`r:w${w}`))]));
  h.questions.forEach((question, q) => {
    const lines = question.counts.map((_, line) => line);
    for (const line of lines) {
      equations.push([minus(`q${q}:${line}:all`), ...ks.map((k) => plus(`q${q}:${line}:c${k}`))]);
      h.committees.forEach((c, k) => equations.push([minus(`q${q}:${line}:c${k}`), ...c.wards.map((w) => plus(`q${q}:${line}:w${w}`))]));
    }
    equations.push([minus('r:all'), ...lines.map((line) => plus(`q${q}:${line}:all`))]);
    ks.forEach((k) => equations.push([minus(`r:c${k}`), ...lines.map((line) => plus(`q${q}:${line}:c${k}`))]));
    h.wardResponses.forEach((_, w) => equations.push([minus(`r:w${w}`), ...lines.map((line) => plus(`q${q}:${line}:w${w}`))]));
  });
  return equations;
}

/** Every published figure by name: its value when shown, null when hidden. */
function published(tables: LinkedTables): Map<string, bigint | null> {
  const figures = new Map<string, bigint | null>();
  const put = (name: string, cell: { kind: string; value?: number }) => figures.set(name, cell.kind === 'shown' ? BigInt(cell.value ?? 0) : null);
  put('r:all', tables.responses.overall);
  tables.responses.committees.forEach((c, k) => put(`r:c${k}`, c));
  tables.responses.wards.forEach((c, w) => put(`r:w${w}`, c));
  tables.questions.forEach((question, q) => {
    question.overall.forEach((c, line) => put(`q${q}:${line}:all`, c));
    question.committees.forEach((row, line) => row.forEach((c, k) => put(`q${q}:${line}:c${k}`, c)));
    question.wards.forEach((row, line) => row.forEach((c, w) => put(`q${q}:${line}:w${w}`, c)));
  });
  return figures;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));

/** Names of hidden figures the published ones determine exactly, with the value they force. */
export function determinedHiddenFigures(h: Hierarchy, tables: LinkedTables): { name: string; value: bigint }[] {
  return determinedFigures(published(tables), relations(h));
}

/**
 * The same for any published tables: `figures` by name, with their value when shown and null
 * when hidden, and the true sums between them, each as terms adding up to zero.
 */
export function determinedFigures(figures: ReadonlyMap<string, bigint | null>, equations: readonly Term[][]): { name: string; value: bigint }[] {
  const unknowns = [...figures].filter(([, v]) => v === null).map(([name]) => name);
  const column = new Map(unknowns.map((name, i) => [name, i]));
  const n = unknowns.length;
  // Each row: n coefficients, then the constant on the right-hand side.
  const rows: bigint[][] = [];
  for (const equation of equations) {
    const row = new Array<bigint>(n + 1).fill(0n);
    for (const { name, coefficient } of equation) {
      const value = figures.get(name);
      if (value === undefined) throw new Error(`no published figure ${name}`);
      const c = BigInt(coefficient);
      if (value === null) row[column.get(name)!]! += c;
      else row[n]! -= c * value;
    }
    if (row.slice(0, n).some((x) => x !== 0n)) rows.push(row);
  }
  const normalise = (row: bigint[]) => {
    const g = row.reduce((a, x) => gcd(a, x), 0n);
    if (g > 1n) for (let i = 0; i < row.length; i++) row[i]! /= g;
  };
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < n && rank < rows.length; col++) {
    const p = rows.findIndex((row, i) => i >= rank && row[col] !== 0n);
    if (p === -1) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (i === rank || row[col] === 0n) continue;
      const f = row[col]!;
      const pv = pivot[col]!;
      for (let j = 0; j <= n; j++) row[j] = row[j]! * pv - pivot[j]! * f;
      normalise(row);
    }
    pivots.push(col);
    rank += 1;
  }
  const found: { name: string; value: bigint }[] = [];
  for (let r = 0; r < rank; r++) {
    const row = rows[r]!;
    const nonZero = row.slice(0, n).flatMap((x, j) => (x === 0n ? [] : [j]));
    if (nonZero.length === 1) found.push({ name: unknowns[nonZero[0]!]!, value: row[n]! / row[nonZero[0]!]! });
  }
  return found;
}
