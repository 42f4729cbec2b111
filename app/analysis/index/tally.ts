import type { QuestionColumn, RankingColumn } from './columns';

// Adding answers into counts: per question, flat groups x width arrays (column 0 "no answer",
// then one per option), and per group those not asked (their route passed the question by;
// they hold no answer, so they are in column 0 too, and countsOf takes them out of it). Used by a scan over selected rows (summarise.ts) and, one row at a
// time with sign +1 or -1, to keep the running totals of rollups.ts.
//
// One small function per shape keeps each loop monomorphic, so V8 compiles it to a tight loop
// (one function for every shape ran several times slower at 100,000 responses).

export interface Tally {
  column: QuestionColumn;
  width: number;
  counts: Int32Array;
  /** Per group: responses not asked the question (also counted in column 0). */
  notAsked: Int32Array;
  rankSum?: Float64Array;
  first?: Int32Array;
  top3?: Int32Array;
}

export function createTally(column: QuestionColumn, groupCount: number): Tally {
  const width = column.options.length + 1;
  const size = groupCount * width;
  const notAsked = new Int32Array(groupCount);
  if (column.shape !== 'ranking') return { column, width, counts: new Int32Array(size), notAsked };
  return { column, width, counts: new Int32Array(size), notAsked, rankSum: new Float64Array(size), first: new Int32Array(size), top3: new Int32Array(size) };
}

function tallyCodes(codes: Uint8Array | Uint16Array, rows: Int32Array, groups: Uint8Array, width: number, counts: Int32Array, sign: number): void {
  const m = rows.length;
  for (let i = 0; i < m; i++) counts[groups[i]! * width + codes[rows[i]!]!]! += sign;
}

function tallyBits(bits: Uint32Array, words: number, rows: Int32Array, groups: Uint8Array, width: number, counts: Int32Array, sign: number): void {
  const m = rows.length;
  for (let i = 0; i < m; i++) {
    const g = groups[i]! * width;
    const at = rows[i]! * words;
    let any = 0;
    for (let w = 0; w < words; w++) {
      let x = bits[at + w]!;
      any |= x;
      while (x !== 0) {
        const low = x & -x;
        counts[g + 1 + w * 32 + (31 - Math.clz32(low))]! += sign;
        x ^= low;
      }
    }
    if (any === 0) counts[g]! += sign;
  }
}

function tallyRanks(column: RankingColumn, rows: Int32Array, groups: Uint8Array, width: number, t: Required<Tally>, sign: number): void {
  const { order, slots } = column;
  const { counts, rankSum, first, top3 } = t;
  const m = rows.length;
  for (let i = 0; i < m; i++) {
    const g = groups[i]! * width;
    const at = rows[i]! * slots;
    let any = false;
    for (let p = 0; p < slots; p++) {
      const item = order[at + p]!;
      if (item === 0) continue;
      any = true;
      const c = g + item;
      counts[c]! += sign;
      rankSum[c]! += sign * (p + 1);
      if (p === 0) first[c]! += sign;
      if (p < 3) top3[c]! += sign;
    }
    if (!any) counts[g]! += sign;
  }
}

/** Adds (sign 1) or takes away (sign -1) the answers of `rows`, each in its group, into `t`. */
export function tallyInto(t: Tally, rows: Int32Array, groups: Uint8Array, sign = 1): void {
  const { column, width } = t;
  if (column.shape === 'choice' || column.shape === 'rating') tallyCodes(column.codes, rows, groups, width, t.counts, sign);
  else if (column.shape === 'multiple') tallyBits(column.bits, column.words, rows, groups, width, t.counts, sign);
  else tallyRanks(column, rows, groups, width, t as Required<Tally>, sign);
  if (column.skipped) tallySkipped(column.skipped, rows, groups, t.notAsked, sign);
}

function tallySkipped(skipped: Uint8Array, rows: Int32Array, groups: Uint8Array, notAsked: Int32Array, sign: number): void {
  const m = rows.length;
  for (let i = 0; i < m; i++) notAsked[groups[i]!]! += sign * skipped[rows[i]!]!;
}
