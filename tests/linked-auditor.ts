import type { Hierarchy, LinkedTables } from '~/analysis/linked-disclosure';
import { linkedTables, type PublishedTables } from './bounds-auditor';

// An attacker's view of published tables read together: every figure shown is known, every
// figure hidden is an unknown, and every true sum between them (a committee is its wards,
// everyone is the committees, a group's lines add up to its responses, in every question) is an
// equation. Exact elimination over the integers (BigInt, no rounding) then says which unknowns
// the equations pin down: an unknown is determined exactly when its unit vector lies in the row
// space, i.e. when a row of the reduced echelon form has its only non-zero coefficient on it.
// Inequalities ("an answer is at most those who answered") are left to bounds-auditor.ts.

/** A sparse row: coefficient by unknown, and the constant on the right-hand side. */
interface Row {
  terms: Map<number, bigint>;
  rhs: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));

function normalise(row: Row): void {
  let g = abs(row.rhs);
  for (const c of row.terms.values()) g = gcd(g, c);
  if (g > 1n) {
    for (const [j, c] of row.terms) row.terms.set(j, c / g);
    row.rhs /= g;
  }
}

/** row := row * p - pivot * f, with f = row's coefficient on the pivot's unknown: that coefficient becomes 0. */
function eliminate(row: Row, pivot: Row, column: number, onChange: (j: number, present: boolean) => void): void {
  const f = row.terms.get(column)!;
  const p = pivot.terms.get(column)!;
  for (const [j, c] of row.terms) row.terms.set(j, c * p);
  row.rhs = row.rhs * p - pivot.rhs * f;
  for (const [j, c] of pivot.terms) {
    const value = (row.terms.get(j) ?? 0n) - c * f;
    if (value === 0n) {
      if (row.terms.delete(j)) onChange(j, false);
    } else {
      if (!row.terms.has(j)) onChange(j, true);
      row.terms.set(j, value);
    }
  }
  normalise(row);
}

/**
 * Names of hidden figures the published ones determine exactly by their sums, with the value
 * they force. The reduced echelon form is kept as equations arrive, sparse (the tables' sums
 * touch a few figures each), so every table a consultation publishes can be read at once.
 */
export function determinedBySums(tables: PublishedTables): { name: string; value: bigint }[] {
  const byName = new Map(tables.figures.map((f) => [f.name, f]));
  const hidden = tables.figures.filter((f) => !f.shown);
  const column = new Map(hidden.map((f, i) => [f.name, i]));
  // Pivot rows by their pivot unknown; each pivot unknown appears in its own row only.
  const pivots = new Map<number, Row>();
  // Which pivot rows mention each unknown, to clear a new pivot's unknown from them.
  const mentions = new Map<number, Set<number>>();
  const mention = (pivot: number) => (j: number, present: boolean) => {
    if (present) mentions.set(j, (mentions.get(j) ?? new Set()).add(pivot));
    else mentions.get(j)?.delete(pivot);
  };
  for (const relation of tables.relations) {
    if (relation.sense !== '=') continue;
    const row: Row = { terms: new Map(), rhs: BigInt(relation.constant ?? 0) };
    for (const { name, coefficient } of relation.terms) {
      const figure = byName.get(name);
      if (!figure) throw new Error(`no published figure ${name}`);
      const c = BigInt(coefficient);
      if (figure.shown) row.rhs -= c * BigInt(figure.value);
      else {
        const j = column.get(name)!;
        const value = (row.terms.get(j) ?? 0n) + c;
        if (value === 0n) row.terms.delete(j);
        else row.terms.set(j, value);
      }
    }
    for (const j of [...row.terms.keys()]) {
      const pivot = pivots.get(j);
      if (pivot && row.terms.has(j)) eliminate(row, pivot, j, () => {});
    }
    if (row.terms.size === 0) {
      if (row.rhs !== 0n) throw new Error(`the published figures break a sum: ${JSON.stringify(relation)}`);
      continue;
    }
    // The unknown with the fewest other rows mentioning it: the least fill-in.
    let col = -1;
    for (const j of row.terms.keys()) if (col === -1 || (mentions.get(j)?.size ?? 0) < (mentions.get(col)?.size ?? 0)) col = j;
    for (const other of [...(mentions.get(col) ?? [])]) eliminate(pivots.get(other)!, row, col, mention(other));
    mentions.delete(col);
    pivots.set(col, row);
    for (const j of row.terms.keys()) if (j !== col) mention(col)(j, true);
  }
  const found: { name: string; value: bigint }[] = [];
  for (const [j, row] of pivots) if (row.terms.size === 1) found.push({ name: hidden[j]!.name, value: row.rhs / row.terms.get(j)! });
  return found;
}

/** Names of hidden ward, committee and overall figures the published ones determine exactly, with the value they force. */
export function determinedHiddenFigures(h: Hierarchy, tables: LinkedTables): { name: string; value: bigint }[] {
  return determinedBySums(linkedTables(h, tables));
}
