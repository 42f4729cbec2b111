import type { Db } from '#db/connection';

// Changing a consultation: what a change answers, and marking it changed. Every change moves
// updated_at, which keys the public definition and page caches.

export type Result<T = object> = ({ ok: true } & T) | { ok: false; error: string; field?: string };

/** A refused change: an error key, on a form field when it has one. */
export type Refusal = Extract<Result, { ok: false }>;

/** Marks a consultation as changed: its public definition is rebuilt on the next request. */
export async function touchConsultation(trx: Db, id: number, now = new Date()): Promise<void> {
  await trx.updateTable('consultations').set({ updated_at: now.toISOString() }).where('id', '=', id).execute();
}
