import type { Db } from '#db/connection';
import type { ResponseStatus } from '#db/schema';
import { responseChangesAfter } from '~/responses/changes.server';
import type { AnswerSource } from './columns';
import { appendResponse, eraseRow, rowOf, setCounted, type ConsultationIndex, type IndexedResponse } from './consultation-index';
import { DIMENSION_COLUMNS } from './dimensions';

// Bringing an index up to date from the change log (issue 16): every change any process made to
// the consultation's responses after the log position the index covers. Each change applies
// once, whichever way it arrives (read here, or announced by this process right after its own
// commit):
// - a response added is appended only when the index does not hold it yet;
// - a status (exclude, restore, erase) applies only when it is newer than the last one applied
//   to that response, so an older entry read late cannot undo a newer change already applied.

export interface LogPosition {
  /** Every change up to this log entry is in the index. */
  seq: number;
  /** Status changes applied beyond `seq` (announced by this process), by response: the newest one's entry. */
  statusSeq: Map<number, number>;
}

/** A status change, applied unless a newer one for the same response already was. */
export function applyStatus(index: ConsultationIndex, at: LogPosition, responseId: number, counted: boolean, seq: number): void {
  if (seq <= at.seq || (at.statusSeq.get(responseId) ?? 0) >= seq) return;
  if (setCounted(index, responseId, counted)) at.statusSeq.set(responseId, seq);
}

/** An erasure, applied unless a newer change to the response already was (there is none: its row is gone). */
export function applyErasure(index: ConsultationIndex, at: LogPosition, responseId: number, seq: number): void {
  if (seq <= at.seq || (at.statusSeq.get(responseId) ?? 0) >= seq) return;
  if (eraseRow(index, responseId)) at.statusSeq.set(responseId, seq);
}

export const isCounted = (status: ResponseStatus) => status === 'counted';

/** Applies every change logged after `at.seq`, then moves `at.seq` to the last one read. */
export async function catchUpIndex(db: Db, index: ConsultationIndex, at: LogPosition): Promise<void> {
  for (;;) {
    const { changes, last, more } = await responseChangesAfter(db, index.consultationId, at.seq);
    // Responses first (read back with their current status), then the status changes in order.
    const added = changes.flatMap((c) => (c.kind === 'added' ? c.responseIds.filter((id) => rowOf(index, id) < 0) : []));
    if (added.length > 0) for (const response of await readResponses(db, index.consultationId, added)) appendResponse(index, response);
    for (const change of changes) {
      if (change.kind === 'status') applyStatus(index, at, change.responseId, isCounted(change.status), change.seq);
      else if (change.kind === 'erased') applyErasure(index, at, change.responseId, change.seq);
    }
    at.seq = Math.max(at.seq, last);
    for (const [id, seq] of at.statusSeq) if (seq <= at.seq) at.statusSeq.delete(id);
    if (!more) return;
  }
}

/** Responses by id, with their answers, as the index appends them. */
export async function readResponses(db: Db, consultationId: number, ids: readonly number[]) {
  const responses: (IndexedResponse & { answers: AnswerSource[]; notAsked: number[] })[] = [];
  // Chunks keep the statement within every database's limit on bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('responses')
      .select(['id', 'status', ...DIMENSION_COLUMNS])
      .where('consultation_id', '=', consultationId)
      .where('id', 'in', chunk)
      .execute();
    const answers = await db
      .selectFrom('answers')
      .select(['response_id', 'question_id', 'option_id', 'rank', 'value_number'])
      .where('response_id', 'in', chunk)
      .execute();
    const passedBy = await db.selectFrom('not_asked').select(['response_id', 'question_id']).where('response_id', 'in', chunk).execute();
    const byResponse = groupBy(answers);
    const notAskedOf = groupBy(passedBy);
    for (const row of rows)
      responses.push({ ...row, answers: byResponse.get(row.id) ?? [], notAsked: (notAskedOf.get(row.id) ?? []).map((n) => n.question_id) });
  }
  return responses;
}

function groupBy<T extends { response_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const byResponse = new Map<number, T[]>();
  for (const r of rows) {
    const list = byResponse.get(r.response_id);
    if (list) list.push(r);
    else byResponse.set(r.response_id, [r]);
  }
  return byResponse;
}
