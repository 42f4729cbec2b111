import type { Trx } from '#db/connection';
import { recordAudit, type Actor, type AuditEntry } from './audit.server';

// The shape every audited change takes: find what is changed, check the rules allow it, change
// it, and record the audit entry with how it was and how it is. Each step is handed the
// transaction the change runs in and the entry is written in that same one, so a change and its
// entry commit or roll back together; typed as a transaction, it cannot be called outside one.

/** A change the rules refused, or one whose subject was not there: nothing was written. */
export interface Refused {
  ok: false;
}

export interface AuditedChange<Found, Refusal extends Refused, Done> {
  /** What the change is about, as it is now; undefined when there is no such thing. */
  find: (trx: Trx) => Promise<Found | undefined>;
  /** The answer when there is nothing to change. */
  missing: Refusal;
  /** A refusal when the rules forbid the change; nothing when it may go ahead. */
  check?: (found: Found, trx: Trx) => Refusal | undefined | Promise<Refusal | undefined>;
  /** Makes the change; what it returns is handed to `audit`. */
  change: (trx: Trx, found: Found) => Promise<Done>;
  /** The audit entry, from how it was and what the change did. */
  audit: (found: Found, done: Done) => AuditEntry;
}

export async function auditedChange<Found, Refusal extends Refused, Done>(
  trx: Trx,
  actor: Actor,
  steps: AuditedChange<Found, Refusal, Done>,
  now = new Date(),
): Promise<{ ok: true; before: Found; done: Done } | Refusal> {
  const before = await steps.find(trx);
  if (before === undefined) return steps.missing;
  const refusal = await steps.check?.(before, trx);
  if (refusal) return refusal;
  const done = await steps.change(trx, before);
  await recordAudit(trx, actor, steps.audit(before, done), now);
  return { ok: true, before, done };
}
