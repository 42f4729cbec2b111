import type { ResponseStatus } from '#db/schema';
import { createColumn, growColumn, writeAnswer, writeNotAsked, type AnswerSource, type QuestionColumn, type QuestionDefinition } from './columns';
import { DIMENSIONS, type Dimension } from '../dimensions';
import { Dictionary, createCoder, encodeDimensions, type DimensionCoder, type DimensionSource, type WardRef } from './dimensions';
import { contribute, createRollups, type Rollups } from './rollups';

// A consultation's responses held as columns of small integers, one row per response, so a
// summary is a few tight loops over typed arrays instead of a scan of the answers table
// (issue 5, "Performance"). Built once (build.server.ts), then kept current: a new response is
// appended, an exclusion or restore flips one byte and moves the running totals (rollups.ts)
// by that response's own answers, and an erasure does the same and blanks the row for good.

export interface ConsultationIndex {
  consultationId: number;
  /** Rows in use; the arrays hold `capacity`. */
  size: number;
  capacity: number;
  /** 1 when the response is in the counts (status 'counted'), see app/responses/counted.server.ts. */
  counted: Uint8Array;
  dimensions: Record<Dimension, Uint8Array>;
  coder: DimensionCoder;
  questions: QuestionColumn[];
  /** Every question of the consultation, closed or not, to tell an ignorable answer from a stale index. */
  questionIds: ReadonlySet<number>;
  columnOf: ReadonlyMap<number, QuestionColumn>;
  /** Option id -> its position within its question. */
  slotOf: ReadonlyMap<number, number>;
  /** Row of response id `idBase + i` is rowOfId[i] (-1: not here). Response ids are dense enough for this to beat a Map. */
  rowOfId: Int32Array;
  idBase: number;
  /** Running totals of the counted responses; filled after a build (buildConsultationIndex) and kept by append and status changes. */
  rollups: Rollups;
  /**
   * Responses erased since the index was built (issue 18): their rows stay, uncounted and
   * blanked, and their ids are noted, so `size` less these is the number of rows the database holds.
   */
  erased: Set<number>;
}

/** Thrown when a response does not fit the index (content changed since it was built): rebuild it. */
export class StaleIndexError extends Error {}

export interface IndexDefinition {
  consultationId: number;
  wards: readonly WardRef[];
  /** Every question of the consultation; the closed ones get a column. */
  questions: readonly QuestionDefinition[];
  closedKinds: readonly string[];
  /** Rows to make room for at once (the number of responses at build time). */
  capacity?: number;
}

export function createIndex(def: IndexDefinition): ConsultationIndex {
  const capacity = Math.max(1024, def.capacity ?? 0);
  const questions = def.questions.filter((q) => def.closedKinds.includes(q.kind)).map((q) => createColumn(q, capacity));
  const slotOf = new Map<number, number>();
  for (const q of def.questions) q.options.forEach((o, i) => slotOf.set(o.id, i));
  return {
    consultationId: def.consultationId,
    size: 0,
    capacity,
    counted: new Uint8Array(capacity),
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, new Uint8Array(capacity)])) as Record<Dimension, Uint8Array>,
    coder: createCoder(def.wards),
    questions,
    questionIds: new Set(def.questions.map((q) => q.id)),
    columnOf: new Map(questions.map((q) => [q.id, q])),
    slotOf,
    rowOfId: new Int32Array(0),
    idBase: 0,
    rollups: createRollups(questions),
    erased: new Set(),
  };
}

/**
 * An index built on a worker thread arrives as a structured copy: its arrays, maps and shared
 * references survive, but its dictionaries lose their class. This gives it back.
 */
export function reviveIndex(index: ConsultationIndex): ConsultationIndex {
  for (const d of DIMENSIONS) Object.setPrototypeOf(index.coder.dictionaries[d], Dictionary.prototype);
  // A snapshot saved before erasure existed has no note of it.
  index.erased ??= new Set();
  // One saved before routing knows nobody was routed past a question: none not asked.
  for (const c of index.questions) c.skipped ??= null;
  for (const d of DIMENSIONS) for (const t of index.rollups[d].tallies) t.notAsked ??= new Int32Array(t.counts.length / t.width);
  return index;
}

function grow(index: ConsultationIndex): void {
  const capacity = index.capacity * 2;
  const bigger = (a: Uint8Array) => {
    const next = new Uint8Array(capacity);
    next.set(a);
    return next;
  };
  index.counted = bigger(index.counted);
  for (const d of DIMENSIONS) index.dimensions[d] = bigger(index.dimensions[d]);
  for (const q of index.questions) growColumn(q, capacity);
  index.capacity = capacity;
}

/** Makes room in rowOfId for `id`, keeping existing entries; ids below the base move the base down. */
function reserveId(index: ConsultationIndex, id: number): void {
  const { rowOfId, idBase } = index;
  if (rowOfId.length === 0) {
    index.idBase = id;
    index.rowOfId = new Int32Array(1024).fill(-1);
    return;
  }
  if (id >= idBase && id < idBase + rowOfId.length) return;
  const low = Math.min(id, idBase);
  const high = Math.max(id, idBase + rowOfId.length - 1);
  const next = new Int32Array(Math.max(high - low + 1, rowOfId.length * 2)).fill(-1);
  next.set(rowOfId, idBase - low);
  index.rowOfId = next;
  index.idBase = low;
}

export function rowOf(index: ConsultationIndex, responseId: number): number {
  return index.rowOfId[responseId - index.idBase] ?? -1;
}

export interface IndexedResponse extends DimensionSource {
  id: number;
  status?: ResponseStatus;
}

/** Adds a response's row (no answers yet) and returns it; an id already here keeps its row. */
export function addRow(index: ConsultationIndex, r: IndexedResponse): { row: number; added: boolean } {
  const existing = rowOf(index, r.id);
  if (existing >= 0) return { row: existing, added: false };
  if (index.size === index.capacity) grow(index);
  const row = index.size++;
  reserveId(index, r.id);
  index.rowOfId[r.id - index.idBase] = row;
  index.counted[row] = (r.status ?? 'counted') === 'counted' ? 1 : 0;
  encodeDimensions(index.coder, index.dimensions, row, r);
  return { row, added: true };
}

/** Records an answer row against a response's row; answers to open questions are skipped. */
export function addAnswer(index: ConsultationIndex, row: number, a: AnswerSource): void {
  const column = index.columnOf.get(a.question_id);
  if (!column) {
    if (!index.questionIds.has(a.question_id)) throw new StaleIndexError(`Question ${a.question_id} is not in the index`);
    return;
  }
  if (!writeAnswer(column, row, a, index.slotOf)) throw new StaleIndexError(`Answer to question ${column.key} does not fit the index`);
}

/** Records that a response's route passed a question by; an open question's is not held here. */
export function addNotAsked(index: ConsultationIndex, row: number, questionId: number): void {
  const column = index.columnOf.get(questionId);
  if (!column) {
    if (!index.questionIds.has(questionId)) throw new StaleIndexError(`Question ${questionId} is not in the index`);
    return;
  }
  writeNotAsked(column, row, index.capacity);
}

/**
 * A response just stored (after its transaction committed), in O(its answers). Appending the
 * same response twice is harmless: a response already here is left as it is, so a build that
 * raced a submission and the submission's own append agree.
 */
export function appendResponse(index: ConsultationIndex, r: IndexedResponse & { answers: readonly AnswerSource[]; notAsked?: readonly number[] }): boolean {
  const { row, added } = addRow(index, r);
  if (!added) return false;
  // A StaleIndexError here leaves the row half-written and out of the totals: the caller drops the index and rebuilds.
  for (const a of r.answers) addAnswer(index, row, a);
  for (const questionId of r.notAsked ?? []) addNotAsked(index, row, questionId);
  if (index.counted[row] === 1) contribute(index.rollups, index.dimensions, row, 1);
  return true;
}

/** An officer excluded (spam, duplicate, test) or restored a response: O(its answers x dimensions), not O(responses). False when the response is not here. */
export function setResponseStatus(index: ConsultationIndex, responseId: number, status: ResponseStatus): boolean {
  return setCounted(index, responseId, status === 'counted');
}

/** Takes a response into the counts or out of them (an erased response is out for good: eraseRow). */
export function setCounted(index: ConsultationIndex, responseId: number, isCounted: boolean): boolean {
  const row = rowOf(index, responseId);
  if (row < 0) return false;
  const counted = isCounted ? 1 : 0;
  if (index.counted[row] !== counted) contribute(index.rollups, index.dimensions, row, counted ? 1 : -1);
  index.counted[row] = counted;
  return true;
}

/**
 * A response erased (issue 18): out of the counts for good, its row blanked (no group, no
 * answers), so neither this index nor a snapshot saved from it keeps anything of the person.
 * False when the response is not here.
 */
export function eraseRow(index: ConsultationIndex, responseId: number): boolean {
  if (!setCounted(index, responseId, false)) return false;
  const row = rowOf(index, responseId);
  for (const d of DIMENSIONS) index.dimensions[d][row] = 0;
  for (const c of index.questions) {
    if (c.shape === 'multiple') c.bits.fill(0, row * c.words, (row + 1) * c.words);
    else if (c.shape === 'ranking') c.order.fill(0, row * c.slots, (row + 1) * c.slots);
    else c.codes[row] = 0;
    if (c.skipped) c.skipped[row] = 0;
  }
  index.erased.add(responseId);
  return true;
}
