import type { Db, Trx } from '#db/connection';
import type { ResponseStatus } from '#db/schema';
import { appendChange, readChanges, type LoggedChange } from '~/platform/change-log.server';

// Every change to responses that moves the counts: a response stored, with what was stored so
// nobody has to read it back; responses stored by an import, by id; a response excluded from
// the counts or restored to them; a response erased (erasure/erase.server.ts, issue 18).
//
// Each is written twice over. In its transaction, to the change log (logResponseChange), so every
// process, this one included, can catch up from the database (issue 16); and once committed,
// announced to this process's listeners (announceResponseChange), so its own next page counts the
// change without a read. The summary indexes hear both (analysis/indexes.server.ts) and apply a
// change once whichever way it comes. Responses sits below analysis: it says what happened, never
// who listens.

/** A stored response as the counts need it: its grouping columns and its answer rows. */
export interface StoredResponse {
  id: number;
  status?: ResponseStatus;
  age_band?: string | null;
  sex?: string | null;
  ethnicity?: string | null;
  disability?: string | null;
  carer?: string | null;
  ward_code?: string | null;
  respondent_group: string;
  channel: string;
  locale: string;
  answers: readonly { question_id: number; option_id?: number | null; rank?: number | null; value_number?: number | null }[];
  /** The questions the response's route passed by (not_asked rows). */
  notAsked?: readonly number[];
}

export type ResponseChange =
  | { kind: 'stored'; consultationId: number; response: StoredResponse }
  | { kind: 'imported'; consultationId: number; responseIds: readonly number[] }
  | { kind: 'status'; consultationId: number; responseId: number; status: ResponseStatus }
  | { kind: 'erased'; consultationId: number; responseId: number };

/** A change as another process reads it from the log: responses added are read back by id. */
export type LoggedResponseChange = { seq: number } & (
  { kind: 'added'; responseIds: readonly number[] } | { kind: 'status'; responseId: number; status: ResponseStatus } | { kind: 'erased'; responseId: number }
);

/** Runs ids as [from, to] ranges: an import's ids are mostly consecutive, so a 100,000-row file logs a few numbers. */
function toRanges(ids: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else if (!last || id > last[1]) ranges.push([id, id]);
  }
  return ranges;
}

function fromRanges(ranges: readonly [number, number][]): number[] {
  const ids: number[] = [];
  for (const [from, to] of ranges) for (let id = from; id <= to; id++) ids.push(id);
  return ids;
}

/** Writes the change to the log in its transaction (last, see appendChange); returns its sequence number for the announcement. */
export function logResponseChange(trx: Trx, change: ResponseChange): Promise<number> {
  const { consultationId } = change;
  switch (change.kind) {
    case 'stored':
      return appendChange(trx, { kind: 'stored', consultationId, responseId: change.response.id });
    case 'imported':
      return appendChange(trx, { kind: 'imported', consultationId, detail: { ranges: toRanges(change.responseIds) } });
    case 'status':
      return appendChange(trx, { kind: 'status', consultationId, responseId: change.responseId, detail: { status: change.status } });
    case 'erased':
      return appendChange(trx, { kind: 'erased', consultationId, responseId: change.responseId });
  }
}

function decode(entry: LoggedChange): LoggedResponseChange | null {
  const { seq, responseId, detail } = entry;
  switch (entry.kind) {
    case 'stored':
      return responseId == null ? null : { seq, kind: 'added', responseIds: [responseId] };
    case 'imported':
      return { seq, kind: 'added', responseIds: fromRanges((detail as { ranges: [number, number][] }).ranges) };
    case 'status':
      return responseId == null ? null : { seq, kind: 'status', responseId, status: (detail as { status: ResponseStatus }).status };
    case 'erased':
      return responseId == null ? null : { seq, kind: 'erased', responseId };
    default:
      return null;
  }
}

/** The changes to a consultation's responses logged after `after`, oldest first, in pages of `limit` entries. */
export async function responseChangesAfter(
  db: Db,
  consultationId: number,
  after: number,
  limit = 1_000,
): Promise<{ changes: LoggedResponseChange[]; last: number; more: boolean }> {
  const entries = await readChanges(db, after, { consultationId, limit });
  const changes = entries.map(decode).filter((c): c is LoggedResponseChange => c !== null);
  return { changes, last: entries[entries.length - 1]?.seq ?? after, more: entries.length === limit };
}

/** Whether a log entry (as a feed delivers it) is a change to responses. */
export function isResponseChange(entry: LoggedChange): boolean {
  return entry.consultationId != null && (entry.kind === 'stored' || entry.kind === 'imported' || entry.kind === 'status' || entry.kind === 'erased');
}

export type ResponseChangeListener = (db: Db, change: ResponseChange, seq: number) => void;

const listeners = new Set<ResponseChangeListener>();

/** Hears every change this process commits from now on; the function returned stops it. */
export function onResponseChange(listener: ResponseChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Once committed: tells every listener, synchronously, so the officer's next page already counts the change. */
export function announceResponseChange(db: Db, change: ResponseChange, seq: number): void {
  for (const listener of listeners) listener(db, change, seq);
}
