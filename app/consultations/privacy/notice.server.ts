import type { Db } from '#db/connection';
import type { Consultation, LawfulBasis, SpecialCategoryCondition } from '#db/schema';
import type { Actor } from '~/platform/audit.server';
import { env } from '~/platform/env.server';
import type { Locale } from '~/platform/i18n/config';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import { changeConsultationPart, type Result } from '~/consultations/change.server';
import { findConsultation, findConsultationBySlug } from '~/consultations/find.server';
import { effectiveStatus, isPublic } from '~/consultations/status';
import type { PrivacyNotice } from './notice';
import { retentionOf } from './retention.server';
import type { PrivacyNoticeInput } from './schema';

// A consultation's privacy notice: what the officer wrote in the builder (one row per
// consultation, none until it is first saved), and the notice residents read, in their language,
// with the installation's controller and contact where the notice names none.

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

const publicNotFound = () => new Response(null, { status: 404, statusText: 'Not Found' });

/**
 * The notice of a consultation the public may see (open, closed or with results: a resident may
 * want it long after answering), in `locale`; drafts and unopened ones are "not found", and so is
 * the young people's notice of a consultation without a young people's version.
 */
export async function requirePublicPrivacyNotice(
  db: Db,
  slug: string,
  locale: Locale,
  now: Date,
  audience: 'everyone' | 'young_people',
): Promise<PrivacyNotice> {
  const consultation = await findConsultationBySlug(db, slug);
  if (!consultation || !isPublic(effectiveStatus(consultation, now))) throw publicNotFound();
  if (audience === 'young_people' && !consultation.youth_code) throw publicNotFound();
  return loadPrivacyNotice(db, consultation, locale);
}

/** The notice as a reader of `locale` sees it: translated where it has been, English where not. */
export async function loadPrivacyNotice(db: Db, consultation: Consultation, locale: Locale): Promise<PrivacyNotice> {
  const id = consultation.id;
  const stored = await findPrivacyNotice(db, id);
  const tr = await loadTranslations(db, locale, [
    { type: 'consultation', ids: [id] },
    { type: 'privacy_notice', ids: [id] },
  ]);
  const settings = env();
  return {
    slug: consultation.slug,
    title: translated(tr, 'consultation', id, 'title', consultation.title),
    controller: stored.controller || settings.PRIVACY_CONTROLLER,
    contact: stored.contact || settings.PRIVACY_CONTACT,
    purpose: translated(tr, 'privacy_notice', id, 'purpose', stored.purpose),
    purposeYoung: translated(tr, 'privacy_notice', id, 'purpose_young', stored.purposeYoung),
    sharedWith: translated(tr, 'privacy_notice', id, 'shared_with', stored.sharedWith),
    lawfulBasis: stored.lawfulBasis as LawfulBasis,
    specialCategoryCondition: stored.specialCategoryCondition as SpecialCategoryCondition,
    asksAboutYou: consultation.ask_about_you === 1,
    hasYouthVersion: consultation.youth_code !== null,
    retention: retentionOf(consultation),
    disclosureThreshold: settings.DISCLOSURE_THRESHOLD,
  };
}
