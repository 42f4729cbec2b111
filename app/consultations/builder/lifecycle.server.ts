import type { Db } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { effectiveStatus } from '~/consultations/status';
import { findConsultation, type Result } from './consultations.server';
import { publishChecks, type Check } from './publish-checks.server';

// Opening, scheduling, closing early and reopening. The stored status says what an officer
// decided; the dates say when (a published consultation with a future opens_at is "scheduled").

export type PublishResult = { ok: true; scheduled: boolean } | { ok: false; error: string; problems: Check[] };

export async function publishConsultation(trx: Db, actor: Actor, id: number, now = new Date()): Promise<PublishResult> {
  const before = await findConsultation(trx, id);
  if (!before) return { ok: false, error: 'builder:notFound', problems: [] };
  if (before.status !== 'draft') return { ok: false, error: 'builder:notDraft', problems: [] };
  const problems = (await publishChecks(trx, id, now)).filter((c) => !c.ok);
  if (problems.length) return { ok: false, error: 'builder:publishRefused', problems };
  const scheduled = before.opens_at !== null && before.opens_at > now.toISOString();
  const after = { status: 'open' as const, opens_at: before.opens_at ?? now.toISOString(), updated_at: now.toISOString() };
  await trx.updateTable('consultations').set(after).where('id', '=', id).execute();
  await recordAudit(
    trx,
    actor,
    {
      action: scheduled ? 'consultation.schedule' : 'consultation.publish',
      entityType: 'consultation',
      entityId: id,
      consultationId: id,
      summary: scheduled ? `Scheduled "${before.title}" to open on ${after.opens_at}` : `Published "${before.title}"`,
      before: { status: before.status, opens_at: before.opens_at },
      after: { status: after.status, opens_at: after.opens_at },
    },
    now,
  );
  return { ok: true, scheduled };
}

/** A scheduled consultation that has not opened yet goes back to being a draft. */
export async function unscheduleConsultation(trx: Db, actor: Actor, id: number, now = new Date()): Promise<Result> {
  const before = await findConsultation(trx, id);
  if (!before) return { ok: false, error: 'builder:notFound' };
  if (effectiveStatus(before, now) !== 'upcoming') return { ok: false, error: 'builder:notScheduled' };
  await trx.updateTable('consultations').set({ status: 'draft', updated_at: now.toISOString() }).where('id', '=', id).execute();
  await recordAudit(trx, actor, { action: 'consultation.unschedule', entityType: 'consultation', entityId: id, consultationId: id, summary: `Returned "${before.title}" to draft`, before: { status: before.status }, after: { status: 'draft' } }, now);
  return { ok: true };
}

export async function closeConsultation(trx: Db, actor: Actor, id: number, now = new Date()): Promise<Result> {
  const before = await findConsultation(trx, id);
  if (!before) return { ok: false, error: 'builder:notFound' };
  if (effectiveStatus(before, now) !== 'open') return { ok: false, error: 'builder:notOpen' };
  const after = { status: 'closed' as const, closes_at: now.toISOString() };
  await trx
    .updateTable('consultations')
    .set({ ...after, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  await recordAudit(
    trx,
    actor,
    { action: 'consultation.close', entityType: 'consultation', entityId: id, consultationId: id, summary: `Closed "${before.title}" early`, before: { status: before.status, closes_at: before.closes_at }, after },
    now,
  );
  return { ok: true };
}

/** A closed consultation opens again until a new closing date, which must be in the future. */
export async function reopenConsultation(trx: Db, actor: Actor, id: number, closesAt: string, now = new Date()): Promise<Result> {
  const before = await findConsultation(trx, id);
  if (!before) return { ok: false, error: 'builder:notFound' };
  if (effectiveStatus(before, now) !== 'closed') return { ok: false, error: 'builder:notClosed' };
  if (closesAt <= now.toISOString()) return { ok: false, error: 'builder:reopenPast', field: 'closes' };
  const after = { status: 'open' as const, closes_at: closesAt };
  await trx
    .updateTable('consultations')
    .set({ ...after, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  await recordAudit(
    trx,
    actor,
    { action: 'consultation.reopen', entityType: 'consultation', entityId: id, consultationId: id, summary: `Reopened "${before.title}" until ${closesAt}`, before: { status: before.status, closes_at: before.closes_at }, after },
    now,
  );
  return { ok: true };
}
