import { inTransaction, type Db } from '#db/connection';
import type { Consultation, ConsultationStatus, RetentionAboutYou, RetentionFreeText } from '#db/schema';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { env } from '~/platform/env.server';
import { findConsultation } from '~/consultations/find.server';
import { refuse, type Result } from '~/consultations/change.server';
import { auditedChange } from '~/platform/audited-change.server';
import { effectiveStatus, type EffectiveStatus } from '~/consultations/status';
import { keyFrom, uniqueKey } from './keys';

// Consultations as officers make them: the list, a new draft, and its details. Every change opens
// its own transaction and writes its audit entry there, and moves updated_at (the public definition
// cache is keyed by it).

export interface ConsultationRow {
  id: number;
  slug: string;
  title: string;
  status: EffectiveStatus;
  opensAt: string | null;
  closesAt: string | null;
  counted: number;
}

/** Every consultation, newest first, with how many counted responses it has. */
export async function listConsultations(db: Db, filter: { status?: EffectiveStatus }, now: Date): Promise<ConsultationRow[]> {
  const rows = await db
    .selectFrom('consultations as c')
    .select((eb) => [
      'c.id',
      'c.slug',
      'c.title',
      'c.status',
      'c.opens_at',
      'c.closes_at',
      eb
        .selectFrom('responses as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.consultation_id', '=', 'c.id')
        .where('r.status', '=', 'counted')
        .as('counted'),
    ])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: effectiveStatus(r, now),
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      counted: Number(r.counted ?? 0),
    }))
    .filter((r) => !filter.status || r.status === filter.status);
}

export interface DraftInput {
  title: string;
  slug?: string | undefined;
  summary?: string | undefined;
}

/** A new draft: its address made from the title unless the officer typed one, and never a taken one. */
export function createDraft(db: Db, actor: Actor, input: DraftInput, now = new Date()): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    const taken = (await trx.selectFrom('consultations').select('slug').execute()).map((r) => r.slug);
    let slug: string;
    if (input.slug) {
      if (taken.includes(input.slug)) return { ok: false, error: 'builder:slugTaken', field: 'slug' };
      slug = input.slug;
    } else {
      slug = uniqueKey(keyFrom(input.title, '-', 'consultation'), taken, '-');
    }
    const values = {
      slug,
      title: input.title,
      summary: input.summary ?? '',
      status: 'draft' as ConsultationStatus,
      // The installation's retention policy (issue 18), which the officer may change in the details.
      retention_free_text: env().RETENTION_FREE_TEXT,
      retention_about_you: env().RETENTION_ABOUT_YOU,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    const { id } = await trx.insertInto('consultations').values(values).returning('id').executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      actor,
      {
        action: 'consultation.create',
        entityType: 'consultation',
        entityId: id,
        consultationId: id,
        summary: `Created the draft "${input.title}"`,
        after: values,
      },
      now,
    );
    return { ok: true, id };
  });
}

export interface DetailsInput {
  title: string;
  summary: string;
  whyAsking: string;
  whatHappensNext: string;
  estimatedMinutes: number;
  opensAt: string | null;
  closesAt: string | null;
  askAboutYou: boolean;
  requiredLocales: string[];
  priorityIds: number[];
  /** Keeping responses (issue 18): months null = the installation's default; a choice left out stays as it is. */
  retention?: { months: number | null; freeText?: RetentionFreeText; aboutYou?: RetentionAboutYou };
}

export async function linkedPriorityIds(db: Db, consultationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('consultation_priorities')
    .select('priority_id')
    .where('consultation_id', '=', consultationId)
    .orderBy('priority_id')
    .execute();
  return rows.map((r) => r.priority_id);
}

export function updateDetails(db: Db, actor: Actor, id: number, input: DetailsInput, now = new Date()): Promise<Result> {
  const changes = {
    title: input.title,
    summary: input.summary,
    why_asking: input.whyAsking,
    what_happens_next: input.whatHappensNext,
    estimated_minutes: input.estimatedMinutes,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    ask_about_you: (input.askAboutYou ? 1 : 0) as 0 | 1,
    required_locales: input.requiredLocales.join(','),
    ...(input.retention && {
      retention_months: input.retention.months,
      ...(input.retention.freeText && { retention_free_text: input.retention.freeText }),
      ...(input.retention.aboutYou && { retention_about_you: input.retention.aboutYou }),
    }),
  };
  const pick = (c: Consultation) => Object.fromEntries(Object.keys(changes).map((k) => [k, c[k as keyof Consultation]]));
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actor,
      {
        // The consultation, and the priorities asked for that exist.
        find: async (t) => {
          const consultation = await findConsultation(t, id);
          if (!consultation) return undefined;
          const known = await t.selectFrom('priorities').select('id').execute();
          return { consultation, priorityIds: [...new Set(input.priorityIds)].filter((p) => known.some((k) => k.id === p)).sort((a, b) => a - b) };
        },
        missing: refuse('builder:notFound'),
        check: ({ priorityIds }) => (priorityIds.length === 0 ? refuse('builder:priorityMissing', 'priorities') : undefined),
        change: async (t, { priorityIds }) => {
          const beforePriorities = await linkedPriorityIds(t, id);
          await t
            .updateTable('consultations')
            .set({ ...changes, updated_at: now.toISOString() })
            .where('id', '=', id)
            .execute();
          await t.deleteFrom('consultation_priorities').where('consultation_id', '=', id).execute();
          await t
            .insertInto('consultation_priorities')
            .values(priorityIds.map((priority_id) => ({ consultation_id: id, priority_id })))
            .execute();
          return beforePriorities;
        },
        audit: ({ consultation: before, priorityIds }, beforePriorities) => ({
          action: 'consultation.update',
          entityType: 'consultation',
          entityId: id,
          consultationId: id,
          summary: `Changed the details of "${input.title}"`,
          before: { ...pick(before), priorities: beforePriorities },
          after: { ...changes, priorities: priorityIds },
        }),
      },
      now,
    );
    return outcome.ok ? { ok: true } : outcome;
  });
}
