import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { findConsultationBySlug } from '~/consultations/find.server';
import { findPrivacyNotice } from '~/consultations/privacy/notice.server';
import { effectiveStatus, isPublic } from '~/consultations/status';
import { env } from '~/platform/env.server';
import type { Locale } from '~/platform/i18n/config';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import { retentionDefaults } from '~/retention/defaults.server';
import { retentionDateOf, retentionPolicyOf } from '~/retention/policy';
import type { PrivacyNotice, Retention } from './notice';

// The privacy notice residents and young people read (issue 18): what the officer wrote for the
// consultation, in the reader's language, with the installation's controller and contact where
// it names none, and the retention the anonymiser will apply (app/retention), so the notice and
// the deed agree to the day.

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
    lawfulBasis: stored.lawfulBasis,
    specialCategoryCondition: stored.specialCategoryCondition,
    asksAboutYou: consultation.ask_about_you === 1,
    hasYouthVersion: consultation.youth_code !== null,
    retention: retentionOf(consultation),
    disclosureThreshold: settings.DISCLOSURE_THRESHOLD,
  };
}

/** How long the consultation's answers are kept, by the policy the anonymiser applies. */
function retentionOf(consultation: Consultation): Retention {
  const defaults = retentionDefaults();
  const policy = retentionPolicyOf(consultation, defaults);
  const date = retentionDateOf(consultation, defaults);
  return {
    months: policy.months,
    until: date ? date.toISOString().slice(0, 10) : null,
    freeText: policy.freeText,
    aboutYou: policy.aboutYou,
    anonymisedAt: consultation.anonymised_at,
  };
}
