import type { Db } from '#db/connection';
import type { ResponseStatus } from '#db/schema';

// Every change to responses that moves the counts, announced once its transaction has
// committed (so nobody hears of a response the database rolled back): a response stored, with
// what was stored so nobody has to read it back; responses stored by an import, by id; a
// response excluded from the counts or restored to them. The summary indexes keep themselves
// current from these (analysis/indexes.server.ts listens); responses sits below analysis, so it
// says what happened and never who listens.
//
// This is the seam a change log shared by several processes plugs into (issue 16): each change
// written in the same transaction with an ordered sequence, and every process's listeners
// catching up from it, while the code that changes responses keeps calling announceResponseChange.

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
}

export type ResponseChange =
  | { kind: 'stored'; consultationId: number; response: StoredResponse }
  | { kind: 'imported'; consultationId: number; responseIds: readonly number[] }
  | { kind: 'status'; consultationId: number; responseId: number; status: ResponseStatus };

export type ResponseChangeListener = (db: Db, change: ResponseChange) => void;

const listeners = new Set<ResponseChangeListener>();

/** Hears every change from now on; the function returned stops it. */
export function onResponseChange(listener: ResponseChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener, synchronously, so the officer's next page already counts the change. */
export function announceResponseChange(db: Db, change: ResponseChange): void {
  for (const listener of listeners) listener(db, change);
}
