import type { Db } from '#db/connection';
import type { Actor } from '~/platform/audit.server';
import { changeConsultation, refuse, type Result } from '~/consultations/change.server';
import { effectiveStatus } from '~/consultations/status';
import { publishChecks, type Check } from './publish-checks.server';

// Opening, scheduling, closing early and reopening. The stored status says what an officer
// decided; the dates say when (a published consultation with a future opens_at is "scheduled").
// Each opens its own transaction (changeConsultation), with its audit entry.

export type PublishResult = { ok: true; scheduled: boolean } | { ok: false; error: string; problems: Check[] };
type PublishRefusal = Extract<PublishResult, { ok: false }>;

export function publishConsultation(db: Db, actor: Actor, id: number, now = new Date()): Promise<PublishResult> {
  const scheduled = (opensAt: string | null) => opensAt !== null && opensAt > now.toISOString();
  return changeConsultation<PublishRefusal, { status: 'open'; opens_at: string }, { scheduled: boolean }>(
    db,
    actor,
    id,
    {
      missing: { ok: false, error: 'builder:notFound', problems: [] },
      check: async (before, trx) => {
        if (before.status !== 'draft') return { ok: false, error: 'builder:notDraft', problems: [] };
        const problems = (await publishChecks(trx, id, now)).filter((c) => !c.ok && !c.advisory);
        return problems.length ? { ok: false, error: 'builder:publishRefused', problems } : undefined;
      },
      set: (before) => ({ status: 'open', opens_at: before.opens_at ?? now.toISOString() }),
      audit: (before, after) => ({
        action: scheduled(before.opens_at) ? 'consultation.schedule' : 'consultation.publish',
        summary: scheduled(before.opens_at) ? `Scheduled "${before.title}" to open on ${after.opens_at}` : `Published "${before.title}"`,
        before: { status: before.status, opens_at: before.opens_at },
        after: { status: after.status, opens_at: after.opens_at },
      }),
      result: (before) => ({ scheduled: scheduled(before.opens_at) }),
    },
    now,
  );
}

/** A scheduled consultation that has not opened yet goes back to being a draft. */
export function unscheduleConsultation(db: Db, actor: Actor, id: number, now = new Date()): Promise<Result> {
  return changeConsultation(
    db,
    actor,
    id,
    {
      check: (before) => (effectiveStatus(before, now) !== 'upcoming' ? refuse('builder:notScheduled') : undefined),
      set: () => ({ status: 'draft' as const }),
      audit: (before) => ({
        action: 'consultation.unschedule',
        summary: `Returned "${before.title}" to draft`,
        before: { status: before.status },
        after: { status: 'draft' },
      }),
    },
    now,
  );
}

export function closeConsultation(db: Db, actor: Actor, id: number, now = new Date()): Promise<Result> {
  return changeConsultation(
    db,
    actor,
    id,
    {
      check: (before) => (effectiveStatus(before, now) !== 'open' ? refuse('builder:notOpen') : undefined),
      set: () => ({ status: 'closed' as const, closes_at: now.toISOString() }),
      audit: (before, after) => ({
        action: 'consultation.close',
        summary: `Closed "${before.title}" early`,
        before: { status: before.status, closes_at: before.closes_at },
        after,
      }),
    },
    now,
  );
}

/** A closed consultation opens again until a new closing date, which must be in the future. */
export function reopenConsultation(db: Db, actor: Actor, id: number, closesAt: string, now = new Date()): Promise<Result> {
  return changeConsultation(
    db,
    actor,
    id,
    {
      check: (before) => {
        if (effectiveStatus(before, now) !== 'closed') return refuse('builder:notClosed');
        if (closesAt <= now.toISOString()) return refuse('builder:reopenPast', 'closes');
        return undefined;
      },
      set: () => ({ status: 'open' as const, closes_at: closesAt }),
      audit: (before, after) => ({
        action: 'consultation.reopen',
        summary: `Reopened "${before.title}" until ${closesAt}`,
        before: { status: before.status, closes_at: before.closes_at },
        after,
      }),
    },
    now,
  );
}
