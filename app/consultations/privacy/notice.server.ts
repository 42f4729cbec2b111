import type { Db } from '#db/connection';
import type { Actor } from '~/platform/audit.server';
import { env } from '~/platform/env.server';
import { changeConsultationPart, type Result } from '~/consultations/change.server';
import { findConsultation } from '~/consultations/find.server';
import type { PrivacyNoticeInput } from './schema';

// A consultation's privacy notice as officers write it in the builder: one row per consultation,
// none until it is first saved. What residents read (with the retention policy and the
// installation's controller and contact) is put together in app/privacy-notices.

/** The notice as stored, in the builder form's terms; a consultation without one has the defaults. */
export async function findPrivacyNotice(db: Db, consultationId: number): Promise<PrivacyNoticeInput> {
  const row = await db.selectFrom('privacy_notices').selectAll().where('consultation_id', '=', consultationId).executeTakeFirst();
  return {
    purpose: row?.purpose ?? '',
    purposeYoung: row?.purpose_young ?? '',
    lawfulBasis: row?.lawful_basis ?? 'public_task',
    specialCategoryCondition: row?.special_category_condition ?? 'substantial_public_interest',
    controller: row?.controller ?? '',
    contact: row?.contact ?? '',
    sharedWith: row?.shared_with ?? '',
  };
}

/** Saves the notice as typed; one audit entry with how it was and how it is. */
export function savePrivacyNotice(db: Db, actor: Actor, consultationId: number, input: PrivacyNoticeInput, now = new Date()): Promise<Result> {
  const columns = {
    purpose: input.purpose,
    purpose_young: input.purposeYoung,
    lawful_basis: input.lawfulBasis,
    special_category_condition: input.specialCategoryCondition,
    controller: input.controller,
    contact: input.contact,
    shared_with: input.sharedWith,
    updated_at: now.toISOString(),
  };
  return changeConsultationPart(db, actor, consultationId, {
    find: async (trx) => ((await findConsultation(trx, consultationId)) ? findPrivacyNotice(trx, consultationId) : undefined),
    change: async (trx) => {
      await trx
        .insertInto('privacy_notices')
        .values({ consultation_id: consultationId, ...columns })
        .onConflict((oc) => oc.column('consultation_id').doUpdateSet(columns))
        .execute();
    },
    audit: (before) => ({
      action: 'consultation.privacy_notice',
      entityType: 'consultation',
      entityId: consultationId,
      summary: 'Changed the privacy notice',
      before,
      after: input,
    }),
  });
}

/** What the overview's checklist asks of a notice: why the consultation asks, and whom to contact. */
export async function privacyNoticeIsComplete(db: Db, consultationId: number): Promise<boolean> {
  const notice = await findPrivacyNotice(db, consultationId);
  return notice.purpose !== '' && (notice.contact !== '' || env().PRIVACY_CONTACT !== '');
}
