import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createTestDb } from '../../../tests/db';
import { createConsultation } from '../../../tests/factories';
import { missingTranslations } from './translation-status.server';

describe('missingTranslations', () => {
  let db: Db;
  let destroy: () => Promise<void>;
  beforeAll(async () => ({ db, destroy } = await createTestDb()));
  afterAll(() => destroy());

  it('lists every non-empty text without a translation, and drops what has been translated', async () => {
    const id = await createConsultation(db, {
      status: 'draft',
      sections: [
        {
          key: 'main',
          title: 'Your views',
          questions: [
            { key: 'pick', kind: 'single_choice', text: 'Which one?', options: ['a', 'b'] },
            { key: 'agree', kind: 'agree_scale', text: 'Do you agree?' },
          ],
        },
      ],
    });
    const before = await missingTranslations(db, id, 'pl');
    const fields = before.map((m) => `${m.entityType}.${m.field}`);
    expect(fields).toEqual([
      'consultation.title',
      'consultation.summary',
      'consultation.why_asking',
      'consultation.what_happens_next',
      'section.title',
      'question.text',
      'option.label',
      'option.label',
      // the agree scale's answers are worded by the interface, so only its question is listed
      'question.text',
    ]);
    expect(before.find((m) => m.entityType === 'question')?.english).toBe('Which one?');

    const title = before[0]!;
    await db
      .insertInto('translations')
      .values([
        { entity_type: 'consultation', entity_id: id, field: 'title', locale: 'pl', value: 'Konsultacja' },
        { entity_type: 'consultation', entity_id: id, field: 'summary', locale: 'pl', value: '   ' },
      ])
      .execute();
    const after = await missingTranslations(db, id, 'pl');
    expect(after).toHaveLength(before.length - 1);
    expect(after.some((m) => m.entityType === 'consultation' && m.entityId === title.entityId && m.field === 'title')).toBe(false);
    // a blank translation is still missing
    expect(after.some((m) => m.field === 'summary')).toBe(true);
    // other languages are unaffected
    expect(await missingTranslations(db, id, 'ur')).toHaveLength(before.length);
  });

  it('does not ask for hidden questions or options', async () => {
    const id = await createConsultation(db, {
      sections: [
        {
          key: 's',
          questions: [
            { key: 'q', kind: 'multiple_choice', options: ['x', 'y'] },
            { key: 'gone', kind: 'short_text' },
          ],
        },
      ],
    });
    await db
      .updateTable('questions')
      .set({ hidden: 1, hidden_reason: 'no longer relevant' })
      .where('key', '=', 'gone')
      .where('consultation_id', '=', id)
      .execute();
    const q = await db.selectFrom('questions').select('id').where('key', '=', 'q').where('consultation_id', '=', id).executeTakeFirstOrThrow();
    await db.updateTable('options').set({ hidden: 1 }).where('question_id', '=', q.id).where('key', '=', 'y').execute();
    const missing = await missingTranslations(db, id, 'ur');
    expect(missing.filter((m) => m.entityType === 'question').map((m) => m.english)).toEqual(['Question q?']);
    expect(missing.filter((m) => m.entityType === 'option').map((m) => m.english)).toEqual(['Label x']);
  });
});
