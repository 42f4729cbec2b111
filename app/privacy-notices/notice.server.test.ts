import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { oneStockportConversation } from '#db/seed/demo/one-stockport';
import { seedFramework } from '#db/seed/framework';
import type { Actor } from '~/platform/audit.server';
import { missingTranslations } from '~/consultations/builder/translation-status.server';
import { publishChecks } from '~/consultations/builder/publish-checks.server';
import { publishConsultation } from '~/consultations/builder/lifecycle.server';
import { findConsultation } from '~/consultations/find.server';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { readLocale } from '../../tests/i18n/locale-keys';
import { readability } from '../../tests/readability';
import { findPrivacyNotice, savePrivacyNotice } from '~/consultations/privacy/notice.server';
import type { PrivacyNoticeInput } from '~/consultations/privacy/schema';
import { retentionDefaults } from '~/retention/defaults.server';
import { loadPrivacyNotice, requirePublicPrivacyNotice } from './notice.server';

// A consultation's privacy notice on a real database: what the officer writes, what each
// language reads (English where a text is not translated), what the young people's wording says,
// and how the translation page and the publish checklist know about it.

const actor: Actor = { userId: null, label: 'officer@test' };
const day = 86_400_000;
let db: Db;
let destroy: () => Promise<void>;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedFramework(db);
});
afterAll(() => destroy());

const notice = (values: Partial<PrivacyNoticeInput> = {}): PrivacyNoticeInput => ({
  purpose: 'To plan the new library opening hours.',
  purposeYoung: 'We want to know when you use the library.',
  lawfulBasis: 'public_task',
  specialCategoryCondition: 'substantial_public_interest',
  controller: '',
  contact: 'dpo@example.gov.uk',
  sharedWith: 'The library trust, as published figures only.',
  ...values,
});

async function consultationRow(id: number) {
  const row = await findConsultation(db, id);
  if (!row) throw new Error(`No consultation ${id}`);
  return row;
}

describe("a consultation's privacy notice", () => {
  it("before it is written: public task, substantial public interest, and the installation's controller and contact", async () => {
    const id = await createConsultation(db);
    const read = await loadPrivacyNotice(db, await consultationRow(id), 'en');
    expect(read).toMatchObject({
      purpose: '',
      purposeYoung: '',
      sharedWith: '',
      lawfulBasis: 'public_task',
      specialCategoryCondition: 'substantial_public_interest',
    });
    // Empty in a test's environment: the page names the council its interface names, and says to ask for the officer.
    expect(read).toMatchObject({ controller: '', contact: '' });
  });

  it('is saved as typed, with one audit entry saying how it was and how it is', async () => {
    const id = await createConsultation(db);
    expect(await savePrivacyNotice(db, actor, id, notice({ lawfulBasis: 'consent', specialCategoryCondition: 'explicit_consent' }))).toEqual({ ok: true });
    expect(await findPrivacyNotice(db, id)).toEqual(notice({ lawfulBasis: 'consent', specialCategoryCondition: 'explicit_consent' }));
    expect(await savePrivacyNotice(db, actor, id, notice({ contact: 'Town Hall, Stockport SK1 3XE' }))).toEqual({ ok: true });
    expect((await findPrivacyNotice(db, id)).contact).toBe('Town Hall, Stockport SK1 3XE');
    const entries = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('consultation_id', '=', id)
      .where('action', '=', 'consultation.privacy_notice')
      .orderBy('id')
      .execute();
    expect(entries).toHaveLength(2);
    expect(JSON.parse(entries[1]!.before_json!)).toMatchObject({ contact: 'dpo@example.gov.uk', lawfulBasis: 'consent' });
    expect(JSON.parse(entries[1]!.after_json!)).toMatchObject({ contact: 'Town Hall, Stockport SK1 3XE', lawfulBasis: 'public_task' });
  });

  it('is refused for a consultation that is not there, writing nothing', async () => {
    expect(await savePrivacyNotice(db, actor, 999_999, notice())).toEqual({ ok: false, error: 'builder:notFound' });
    expect(await db.selectFrom('privacy_notices').select('consultation_id').where('consultation_id', '=', 999_999).execute()).toEqual([]);
  });

  it('reads in each language, in English where a text has no translation yet', async () => {
    const id = await createConsultation(db, { translations: { locale: 'pl', title: 'Godziny otwarcia bibliotek' } });
    await savePrivacyNotice(db, actor, id, notice());
    await db
      .insertInto('translations')
      .values([
        { entity_type: 'privacy_notice', entity_id: id, field: 'purpose', locale: 'pl', value: 'Aby zaplanować nowe godziny otwarcia bibliotek.' },
        { entity_type: 'privacy_notice', entity_id: id, field: 'purpose_young', locale: 'ur', value: 'ہم جاننا چاہتے ہیں کہ آپ لائبریری کب استعمال کرتے ہیں۔' },
        // A blank translation is no translation.
        { entity_type: 'privacy_notice', entity_id: id, field: 'shared_with', locale: 'pl', value: '  ' },
      ])
      .execute();
    const row = await consultationRow(id);
    const pl = await loadPrivacyNotice(db, row, 'pl');
    expect(pl).toMatchObject({
      title: 'Godziny otwarcia bibliotek',
      purpose: 'Aby zaplanować nowe godziny otwarcia bibliotek.',
      purposeYoung: 'We want to know when you use the library.',
      sharedWith: 'The library trust, as published figures only.',
      contact: 'dpo@example.gov.uk',
    });
    const ur = await loadPrivacyNotice(db, row, 'ur');
    expect(ur).toMatchObject({
      title: 'Test consultation',
      purpose: 'To plan the new library opening hours.',
      purposeYoung: 'ہم جاننا چاہتے ہیں کہ آپ لائبریری کب استعمال کرتے ہیں۔',
    });
    expect(await loadPrivacyNotice(db, row, 'en')).toMatchObject({ title: 'Test consultation', purpose: 'To plan the new library opening hours.' });
  });

  it("states how long answers are kept: the consultation's months after it closes, else the default", async () => {
    const closesAt = '2027-01-31T23:59:59.000Z';
    const id = await createConsultation(db, { closesAt });
    expect((await loadPrivacyNotice(db, await consultationRow(id), 'en')).retention).toEqual({
      months: retentionDefaults().months,
      until: '2029-01-31',
      freeText: 'redact',
      aboutYou: 'coarsen',
      anonymisedAt: null,
    });
    await db
      .updateTable('consultations')
      .set({ retention_months: 13, retention_free_text: 'keep', retention_about_you: 'remove', anonymised_at: '2028-03-01T02:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    // The 31st of a month without one is its last day.
    expect((await loadPrivacyNotice(db, await consultationRow(id), 'en')).retention).toEqual({
      months: 13,
      until: '2028-02-29',
      freeText: 'keep',
      aboutYou: 'remove',
      anonymisedAt: '2028-03-01T02:00:00.000Z',
    });
    const open = await createConsultation(db, { closesAt: null });
    expect((await loadPrivacyNotice(db, await consultationRow(open), 'en')).retention.until).toBeNull();
  });

  it("is shown to the public only for a consultation they may see; the young people's only where there is a young people's version", async () => {
    const now = new Date();
    const slugOf = async (id: number) => (await consultationRow(id)).slug;
    const draft = await slugOf(await createConsultation(db, { status: 'draft' }));
    const upcoming = await slugOf(await createConsultation(db, { opensAt: new Date(now.getTime() + day).toISOString() }));
    const closedId = await createConsultation(db, { closesAt: new Date(now.getTime() - day).toISOString() });
    for (const slug of [draft, upcoming, 'no-such-consultation']) {
      await expect(requirePublicPrivacyNotice(db, slug, 'en', now, 'everyone')).rejects.toMatchObject({ status: 404 });
    }
    // A resident may want the notice long after answering.
    expect((await requirePublicPrivacyNotice(db, await slugOf(closedId), 'en', now, 'everyone')).slug).toBe(await slugOf(closedId));
    await expect(requirePublicPrivacyNotice(db, await slugOf(closedId), 'en', now, 'young_people')).rejects.toMatchObject({ status: 404 });
    await db.updateTable('consultations').set({ youth_code: 'PRIV1' }).where('id', '=', closedId).execute();
    expect((await requirePublicPrivacyNotice(db, await slugOf(closedId), 'en', now, 'young_people')).hasYouthVersion).toBe(true);
  });

  it('joins the texts to translate, so a required language holds publishing until they are translated', async () => {
    const id = await createConsultation(db);
    const fields = async () => (await missingTranslations(db, id, 'pl')).filter((t) => t.entityType === 'privacy_notice').map((t) => t.field);
    expect(await fields()).toEqual([]);
    await savePrivacyNotice(db, actor, id, notice({ sharedWith: '' }));
    expect(await fields()).toEqual(['purpose', 'purpose_young']);
    await db.insertInto('translations').values({ entity_type: 'privacy_notice', entity_id: id, field: 'purpose', locale: 'pl', value: 'Cel.' }).execute();
    expect(await fields()).toEqual(['purpose_young']);
  });

  it('is advised on the publish checklist while it lacks a purpose or a contact, but never refuses publishing', async () => {
    const priority = (await db.selectFrom('priorities').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const id = await createConsultation(db, {
      status: 'draft',
      opensAt: null,
      sections: [{ key: 'views', questions: [{ key: 'park', kind: 'single_choice', options: ['North', 'South'] }] }],
    });
    await db.insertInto('consultation_priorities').values({ consultation_id: id, priority_id: priority }).execute();
    const advice = async () => (await publishChecks(db, id, new Date())).find((c) => c.code === 'privacyNotice');
    expect(await advice()).toEqual({ code: 'privacyNotice', ok: false, advisory: true });
    await savePrivacyNotice(db, actor, id, notice({ contact: '' }));
    expect((await advice())?.ok).toBe(false);
    await savePrivacyNotice(db, actor, id, notice({ purpose: '' }));
    expect((await advice())?.ok).toBe(false);
    expect(await publishConsultation(db, actor, id)).toEqual({ ok: true, scheduled: false });
    await savePrivacyNotice(db, actor, id, notice());
    expect((await advice())?.ok).toBe(true);
  });
});

describe("the young people's notice", () => {
  const root = join(import.meta.dirname, '..', '..');

  it("reads at grade 5 or below in its fixed words, and so does the demo's purpose in young people's words", () => {
    const youth = readLocale(root, 'en', 'youth');
    const fixed = Object.entries(youth)
      .filter(([key]) => key.startsWith('privacyNotice.') || ['privacy.what', 'privacy.under13', 'privacy.words'].includes(key))
      .map(([, text]) => text);
    expect(fixed.length).toBeGreaterThan(15);
    for (const texts of [fixed, [oneStockportConversation.privacy!.purposeYoung.en]]) {
      const result = readability(texts);
      expect(result.grade, `grade ${result.grade.toFixed(2)}; longest: ${result.longestSentence}`).toBeLessThanOrEqual(5);
      expect(result.longestSentence.split(/\s+/).length, result.longestSentence).toBeLessThanOrEqual(20);
    }
  });

  it('says the same things as the adult notice: every lawful basis has plain words, in every language', () => {
    for (const locale of ['en', 'pl', 'ur']) {
      const youth = readLocale(root, locale, 'youth');
      const survey = readLocale(root, locale, 'survey');
      for (const basis of ['public_task', 'consent', 'legal_obligation']) {
        expect(youth[`privacyNotice.basis.${basis}`], `${locale} youth ${basis}`).toBeTruthy();
        expect(survey[`privacyNotice.basis.${basis}`], `${locale} survey ${basis}`).toBeTruthy();
      }
    }
  });
});
