import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { User } from '#db/schema';
import { insertActiveUser } from '~/auth/users.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { createTestDb } from '../../../tests/db';
import { createConsultation } from '../../../tests/factories';
import { listTextsToTranslate, saveTranslations, translationProgress } from './translations.server';

let db: Db;
let destroy: () => Promise<void>;
let officer: User;
let id: number;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  officer = await insertActiveUser(db, { email: 'officer@stockport.gov.uk', role: 'officer', password: 'correct horse battery staple' });
  id = await createConsultation(db, {
    status: 'draft',
    sections: [{ key: 's1', title: 'Your park', questions: [{ key: 'fav', kind: 'single_choice', options: ['swings', 'slide'] }] }],
  });
});
afterAll(() => destroy());

const missing = async (locale: string) => (await translationProgress(db, id)).find((l) => l.locale === locale)!.missing;
const text = async (name: string) => (await listTextsToTranslate(db, id, 'pl')).find((t) => t.name === name)!;

describe('saving translations', () => {
  it('counts every non-empty text as missing until it is translated', async () => {
    const texts = await listTextsToTranslate(db, id, 'pl');
    // title, summary, why, next; section title; question text; two option labels (empty hints and intros need nothing)
    expect(texts).toHaveLength(8);
    expect(await missing('pl')).toBe(8);
    expect(await missing('ur')).toBe(8);
  });

  it('stores a typed translation, lowers the missing count, moves the version on and records one audit entry', async () => {
    const before = await db.selectFrom('consultations').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow();
    const title = await text(`consultation-${id}-title`);
    const changed = await saveTranslations(
      db,
      officer,
      id,
      'pl',
      { [title.name]: '  Konsultacja testowa ', 'question-999999-text': 'not ours' },
      new Date(Date.now() + 1000),
    );
    expect(changed).toBe(1);
    expect((await text(title.name)).translation).toBe('Konsultacja testowa');
    expect(await missing('pl')).toBe(7);
    expect(await missing('ur')).toBe(8);
    const rows = await db.selectFrom('translations').selectAll().where('locale', '=', 'pl').execute();
    expect(rows).toHaveLength(1);
    const after = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.updated_at > before.updated_at).toBe(true);
    expect((await loadConsultationDefinition(db, after, 'pl')).title).toBe('Konsultacja testowa');
    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'consultation.translate').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ [title.name]: 'Konsultacja testowa' });
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({ [title.name]: null });
  });

  it('updates an existing translation in place (upsert) and leaves unsent fields alone', async () => {
    const title = `consultation-${id}-title`;
    const summary = `consultation-${id}-summary`;
    await saveTranslations(db, officer, id, 'pl', { [summary]: 'Podsumowanie' });
    await saveTranslations(db, officer, id, 'pl', { [title]: 'Nowy tytuł' });
    expect((await text(title)).translation).toBe('Nowy tytuł');
    expect((await text(summary)).translation).toBe('Podsumowanie');
    expect(await missing('pl')).toBe(6);
  });

  it('deletes a translation emptied in the form, and saves nothing (no audit) when nothing changed', async () => {
    const summary = `consultation-${id}-summary`;
    const entries = async () => (await db.selectFrom('audit_events').select('id').execute()).length;
    const auditBefore = await entries();
    expect(await saveTranslations(db, officer, id, 'pl', { [summary]: '' })).toBe(1);
    expect((await text(summary)).translation).toBe('');
    expect(await missing('pl')).toBe(7);
    expect(await saveTranslations(db, officer, id, 'pl', { [`consultation-${id}-title`]: 'Nowy tytuł' })).toBe(0);
    expect(await entries()).toBe(auditBefore + 1);
  });
});
