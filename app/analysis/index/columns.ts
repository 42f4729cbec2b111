import type { QuestionKind } from '#db/schema';
import { DEFAULT_RATING_MAX } from '~/consultations/question-kinds';

// One closed question's answers as a column of small integers, one slot (or a few) per response.
// Each shape is the smallest that still answers every summary exactly:
// - choice (single_choice, yes_no, agree_scale): option position + 1, 0 = no answer;
// - rating: the value 1..max, 0 = no answer;
// - multiple: a bitset of option positions, `words` 32-bit words per response;
// - ranking: per rank 1..slots the option given it (position + 1, 0 = none), `slots` bytes per
//   response: rank_count is usually 3 of many items, so this beats a byte per item.

export const CLOSED_KINDS: readonly QuestionKind[] = ['single_choice', 'multiple_choice', 'yes_no', 'agree_scale', 'rating', 'ranking'];

/** An answer as stored (or about to be): the fields the index reads. */
export interface AnswerSource {
  question_id: number;
  option_id?: number | null;
  rank?: number | null;
  value_number?: number | null;
}

export interface OptionRef {
  /** null for a rating's values, which have no option rows. */
  optionId: number | null;
  key: string;
}

interface Base {
  id: number;
  key: string;
  kind: QuestionKind;
  options: OptionRef[];
  /**
   * 1 where the response's route passed the question by ("not asked", the not_asked table);
   * its answer slots are then empty. null until the first such response, so an unrouted
   * question costs nothing, in memory, in a snapshot or in a summary; absent in a snapshot
   * saved before routing (reviveIndex makes it null: nobody was routed past anything).
   */
  skipped: Uint8Array | null;
}
export type ChoiceColumn = Base & { shape: 'choice'; codes: Uint8Array | Uint16Array };
export type RatingColumn = Base & { shape: 'rating'; codes: Uint8Array };
export type MultipleColumn = Base & { shape: 'multiple'; words: number; bits: Uint32Array };
export type RankingColumn = Base & { shape: 'ranking'; slots: number; order: Uint8Array };
export type QuestionColumn = ChoiceColumn | RatingColumn | MultipleColumn | RankingColumn;

export interface QuestionDefinition {
  id: number;
  key: string;
  kind: QuestionKind;
  rating_max: number | null;
  rank_count?: number | null;
  /** In display order, hidden ones included: stored answers keep their options. */
  options: { id: number; key: string }[];
}

export function createColumn(q: QuestionDefinition, capacity: number): QuestionColumn {
  const base = { id: q.id, key: q.key, kind: q.kind, options: q.options.map((o) => ({ optionId: o.id, key: o.key })), skipped: null };
  const k = q.options.length;
  switch (q.kind) {
    case 'multiple_choice': {
      const words = Math.max(1, Math.ceil(k / 32));
      return { ...base, shape: 'multiple', words, bits: new Uint32Array(capacity * words) };
    }
    case 'ranking': {
      if (k > 255) throw new Error(`Ranking question ${q.key} has more than 255 items`);
      const slots = Math.min(k, q.rank_count ?? k);
      return { ...base, shape: 'ranking', slots, order: new Uint8Array(capacity * slots) };
    }
    case 'rating': {
      const max = q.rating_max ?? DEFAULT_RATING_MAX;
      const options = Array.from({ length: max }, (_, i) => ({ optionId: null, key: String(i + 1) }));
      return { ...base, options, shape: 'rating', codes: new Uint8Array(capacity) };
    }
    default:
      return { ...base, shape: 'choice', codes: k < 255 ? new Uint8Array(capacity) : new Uint16Array(capacity) };
  }
}

/** Slots per response, for growing a column. */
function stride(c: QuestionColumn): number {
  return c.shape === 'multiple' ? c.words : c.shape === 'ranking' ? c.slots : 1;
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array>(a: T, length: number): T {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
}

export function growColumn(c: QuestionColumn, capacity: number): void {
  const n = capacity * stride(c);
  if (c.skipped) c.skipped = grown(c.skipped, capacity);
  if (c.shape === 'multiple') c.bits = grown(c.bits, n);
  else if (c.shape === 'ranking') c.order = grown(c.order, n);
  else c.codes = grown(c.codes, n);
}

/**
 * Records one answer row of response `row`. `slotOf` maps an option id to its position.
 * Returns false when the answer does not fit what the index knows (an option added since it
 * was built, a rating beyond the scale): the caller treats the index as stale.
 */
export function writeAnswer(c: QuestionColumn, row: number, a: AnswerSource, slotOf: ReadonlyMap<number, number>): boolean {
  if (c.shape === 'rating') {
    const v = a.value_number;
    if (v == null) return true;
    if (!Number.isInteger(v) || v < 1 || v > c.options.length) return false;
    c.codes[row] = v;
    return true;
  }
  const slot = a.option_id == null ? undefined : slotOf.get(a.option_id);
  if (slot === undefined) return a.option_id == null;
  switch (c.shape) {
    case 'choice':
      c.codes[row] = slot + 1;
      return true;
    case 'multiple': {
      const w = row * c.words + (slot >>> 5);
      c.bits[w] = (c.bits[w] ?? 0) | (1 << (slot & 31));
      return true;
    }
    case 'ranking': {
      const rank = a.rank ?? 0;
      if (!Number.isInteger(rank) || rank < 1 || rank > c.slots) return false;
      c.order[row * c.slots + rank - 1] = slot + 1;
      return true;
    }
  }
}

/** Records that response `row` was not asked question `c` (its route passed it by). */
export function writeNotAsked(c: QuestionColumn, row: number, capacity: number): void {
  c.skipped ??= new Uint8Array(capacity);
  c.skipped[row] = 1;
}
