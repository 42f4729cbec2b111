import { inTransaction, type Db, type Trx } from '#db/connection';
import type { Consultation, ConsultationUpdate } from '#db/schema';
import type { Actor, AuditEntry } from '~/platform/audit.server';
import { auditedChange, type Refused } from '~/platform/audited-change.server';
import { findConsultation } from './find.server';

// Changing a consultation: what a change answers, and the one shape every change to the
// consultation's own row takes (its lifecycle, its published results): find it, check its state
// allows the change, set the columns, record the audit entry, all in one transaction. Every change
// moves updated_at, which keys the public definition and page caches.

export type Result<T = object> = ({ ok: true } & T) | { ok: false; error: string; field?: string };

/** A refused change: an error key, on a form field when it has one. */
export type Refusal = Extract<Result, { ok: false }>;

export const refuse = (error: string, field?: string): Refusal => (field ? { ok: false, error, field } : { ok: false, error });

/** The columns a change sets; updated_at moves with them. */
export type ConsultationColumns = Omit<ConsultationUpdate, 'id' | 'updated_at'>;

export interface ConsultationChange<R extends Refused, After extends ConsultationColumns, Done extends object> {
  /** A refusal when the consultation's state forbids the change; nothing when it may go ahead. */
  check?: (before: Consultation, trx: Trx) => R | undefined | Promise<R | undefined>;
  /** The columns that change. */
  set: (before: Consultation) => After;
  /** What the audit log says; the entity (this consultation) is filled in here. */
  audit: (before: Consultation, after: After) => Omit<AuditEntry, 'entityType' | 'entityId' | 'consultationId'>;
  /** What a change that went ahead answers beside `ok` (publishing says whether it only scheduled). */
  result?: (before: Consultation, after: After) => Done;
}

/** Refusals that carry more than an error key (publishing's problems) say what "not found" is. */
type NotFound<R extends Refused> = Refusal extends R ? { missing?: R } : { missing: R };

/**
 * Changes one consultation's row: the transaction opens here, so the change, the check it
 * passed and its audit entry commit together. A consultation that is not there is refused with
 * `builder:notFound` (the route answers 404).
 */
export function changeConsultation<R extends Refused = Refusal, After extends ConsultationColumns = ConsultationColumns, Done extends object = object>(
  db: Db,
  actor: Actor,
  id: number,
  steps: ConsultationChange<R, After, Done> & NotFound<R>,
  now = new Date(),
): Promise<({ ok: true } & Done) | R> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actor,
      {
        find: (t) => findConsultation(t, id),
        // NotFound<R> lets `missing` be left out only when a plain refusal is an R.
        missing: (steps.missing ?? refuse('builder:notFound')) as R,
        check: steps.check,
        change: async (t, before) => {
          const after = steps.set(before);
          await t
            .updateTable('consultations')
            .set({ ...after, updated_at: now.toISOString() })
            .where('id', '=', id)
            .execute();
          return after;
        },
        audit: (before, after) => ({ ...steps.audit(before, after), entityType: 'consultation', entityId: id, consultationId: id }),
      },
      now,
    );
    if (!outcome.ok) return outcome;
    return { ok: true as const, ...(steps.result?.(outcome.before, outcome.done) as Done) };
  });
}

/** A change to something a consultation holds; the audit entry's consultation is filled in. */
export interface PartChange<Found, Done> {
  /** What is changed, within this consultation; undefined is refused with `builder:notFound`. */
  find: (trx: Trx) => Promise<Found | undefined>;
  check?: (found: Found, trx: Trx) => Refusal | undefined | Promise<Refusal | undefined>;
  change: (trx: Trx, found: Found) => Promise<Done>;
  audit: (found: Found, done: Done) => Omit<AuditEntry, 'consultationId'>;
}

/**
 * Changes something the consultation holds (a section, a question, an option) in auditedChange's
 * shape: the transaction opens here, and the consultation is touched with the change so its
 * public definition is rebuilt.
 */
export function changeConsultationPart<Found, Done = void>(
  db: Db,
  actor: Actor,
  consultationId: number,
  steps: PartChange<Found, Done>,
  now = new Date(),
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actor,
      {
        find: steps.find,
        missing: refuse('builder:notFound'),
        check: steps.check,
        change: async (t, found) => {
          const done = await steps.change(t, found);
          await touchConsultation(t, consultationId, now);
          return done;
        },
        audit: (found, done) => ({ ...steps.audit(found, done), consultationId }),
      },
      now,
    );
    return outcome.ok ? { ok: true } : outcome;
  });
}

/** Marks a consultation as changed: its public definition is rebuilt on the next request. */
export async function touchConsultation(trx: Trx, id: number, now = new Date()): Promise<void> {
  await trx.updateTable('consultations').set({ updated_at: now.toISOString() }).where('id', '=', id).execute();
}
