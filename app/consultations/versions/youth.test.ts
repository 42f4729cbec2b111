import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { User } from '#db/schema';
import { insertActiveUser } from '~/auth/users.server';
import { loadYouthDefinition } from '~/consultations/versions/youth-definition.server';
import { createTestDb } from '../../../tests/db';
import { createConsultation } from '../../../tests/factories';
import { listYouthItems, listYouthQuestions, moveYouthItem, removeYouthItem, saveYouthItem, setYouthCode } from './youth.server';

let db: Db;
let destroy: () => Promise<void>;
let officer: User;
let id: number;
let otherId: number;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  officer = await insertActiveUser(db, { email: 'officer@stockport.gov.uk', role: 'officer', password: 'correct horse battery staple' });
  id = await createConsultation(db, {
    status: 'draft',
    sections: [
      {
        key: 's1',
        questions: [
          { key: 'fav', kind: 'single_choice', options: ['swings', 'slide', 'zip'] },
          { key: 'safe', kind: 'agree_scale' },
          { key: 'why', kind: 'long_text' },
        ],
      },
    ],
  });
  otherId = await createConsultation(db, { status: 'draft' });
});
afterAll(() => destroy());

async function question(key: string) {
  return (await listYouthQuestions(db, id)).find((q) => q.key === key)!;
}
const optionId = async (questionKey: string, key: string) => (await question(questionKey)).options.find((o) => o.key === key)!.id;
const problemsOf = (result: Awaited<ReturnType<typeof saveYouthItem>>) => ('problems' in result ? result.problems : null);

describe('youth items', () => {
  it('refuses an answer mapped onto another question’s option, with the row named', async () => {
    const fav = await question('fav');
    const result = await saveYouthItem(db, officer, id, {
      questionId: fav.id,
      kind: 'single_choice',
      text: 'What do you like best?',
      options: [
        { label: 'Swings', optionId: await optionId('fav', 'swings') },
        { label: 'Faces', optionId: await optionId('safe', 'agree') },
      ],
    });
    expect(problemsOf(result)?.fieldErrors).toEqual({ 'options[1].optionId': ['versions:mapOtherQuestion'] });
    expect(await db.selectFrom('youth_items').selectAll().execute()).toHaveLength(0);
  });

  it('refuses an answer with no mapping, a kind that means something else, and fewer than two answers', async () => {
    const fav = await question('fav');
    const unmapped = await saveYouthItem(db, officer, id, {
      questionId: fav.id,
      kind: 'single_choice',
      text: 'Best?',
      options: [{ label: 'Swings' }, { label: 'Slide', optionId: await optionId('fav', 'slide') }],
    });
    expect(problemsOf(unmapped)?.fieldErrors).toEqual({ 'options[0].optionId': ['versions:mapMissing'] });
    const wrongKind = await saveYouthItem(db, officer, id, { questionId: fav.id, kind: 'yes_no', text: 'Best?' });
    expect(problemsOf(wrongKind)?.fieldErrors.kind).toEqual(['versions:kindIncompatible']);
    const one = await saveYouthItem(db, officer, id, {
      questionId: fav.id,
      kind: 'single_choice',
      text: 'Best?',
      options: [{ label: 'Swings', optionId: await optionId('fav', 'swings') }],
    });
    expect(problemsOf(one)?.formErrors).toEqual(['versions:tooFewOptions']);
    const foreign = await saveYouthItem(db, officer, otherId, { questionId: fav.id, kind: 'long_text', text: 'Best?' });
    expect(problemsOf(foreign)?.fieldErrors.questionId).toEqual(['versions:questionGone']);
  });

  it('stores a valid item whose answers count as the main options, and the public definition shows it', async () => {
    const fav = await question('fav');
    const result = await saveYouthItem(db, officer, id, {
      questionId: fav.id,
      kind: 'single_choice',
      text: 'What do you like best?',
      options: [
        { label: 'Swings', picture: '🎠', optionId: await optionId('fav', 'swings') },
        {},
        { label: 'Going fast', optionId: await optionId('fav', 'zip') },
        { label: 'Sliding', optionId: await optionId('fav', 'zip') },
      ],
    });
    expect('id' in result).toBe(true);
    const [item] = await listYouthItems(db, id);
    expect(item!.options.map((o) => [o.label, o.optionLabel])).toEqual([
      ['Swings', 'Label swings'],
      ['Going fast', 'Label zip'],
      ['Sliding', 'Label zip'],
    ]);
    expect(await setYouthCode(db, officer, id, 'parks')).toBeNull();
    const consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const def = await loadYouthDefinition(db, consultation, 'en');
    expect(def?.items.map((i) => i.text)).toEqual(['What do you like best?']);
    expect(def?.items[0]!.options.map((o) => o.key)).toEqual(['swings', 'zip', 'zip_2']);
    const audit = await db.selectFrom('audit_events').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['youth_item.add', 'consultation.youth_code']);
  });

  it('refuses a second youth item for the same question and a duplicate face', async () => {
    const fav = await question('fav');
    const again = await saveYouthItem(db, officer, id, { questionId: fav.id, kind: 'long_text', text: 'x' });
    expect(problemsOf(again)?.formErrors).toEqual(['versions:questionTaken']);
    const safe = await question('safe');
    const agree = await optionId('safe', 'agree');
    const faces = await saveYouthItem(db, officer, id, {
      questionId: safe.id,
      kind: 'agree_scale',
      text: 'I feel safe',
      options: [{ optionId: agree }, { optionId: agree }],
    });
    expect(problemsOf(faces)?.fieldErrors).toEqual({ 'options[1].optionId': ['versions:mapDuplicate'] });
  });

  it('edits an item keeping its answers, reorders, and removes it with its translations', async () => {
    const why = await question('why');
    const added = await saveYouthItem(db, officer, id, { questionId: why.id, kind: 'short_text', text: 'Why?' });
    if (!('id' in added)) throw new Error('not added');
    let items = await listYouthItems(db, id);
    expect(items.map((i) => i.question_id)).toEqual([(await question('fav')).id, why.id]);
    await moveYouthItem(db, officer, id, added.id, 'up');
    items = await listYouthItems(db, id);
    expect(items[0]!.id).toBe(added.id);

    const fav = items[1]!;
    const kept = fav.options[0]!;
    await db.insertInto('translations').values({ entity_type: 'youth_option', entity_id: kept.id, field: 'label', locale: 'pl', value: 'Huśtawki' }).execute();
    const edited = await saveYouthItem(
      db,
      officer,
      id,
      {
        questionId: fav.question_id,
        kind: 'single_choice',
        text: 'Best thing?',
        options: [
          { id: fav.options[2]!.id, label: 'Sliding', optionId: await optionId('fav', 'slide') },
          { id: kept.id, label: 'Swings', optionId: kept.option_id },
        ],
      },
      fav.id,
    );
    expect('id' in edited).toBe(true);
    const after = (await listYouthItems(db, id)).find((i) => i.id === fav.id)!;
    expect(after.options.map((o) => [o.id, o.optionLabel])).toEqual([
      [fav.options[2]!.id, 'Label slide'],
      [kept.id, 'Label swings'],
    ]);

    expect(await removeYouthItem(db, officer, id, fav.id)).toBe(true);
    expect(await db.selectFrom('youth_options').selectAll().where('youth_item_id', '=', fav.id).execute()).toHaveLength(0);
    expect(await db.selectFrom('translations').selectAll().where('entity_type', '=', 'youth_option').execute()).toHaveLength(0);
    expect(await removeYouthItem(db, officer, otherId, added.id)).toBe(false);
  });

  it('refuses a short code another consultation has', async () => {
    expect(await setYouthCode(db, officer, otherId, 'parks')).toEqual({ formErrors: [], fieldErrors: { code: ['versions:codeTaken'] } });
    expect(await setYouthCode(db, officer, otherId, 'parks2')).toBeNull();
  });
});
