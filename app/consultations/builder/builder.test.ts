import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedFramework } from '#db/seed/framework';
import type { Actor } from '~/platform/audit.server';
import { findConsultation } from '~/consultations/find.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { createTestDb } from '../../../tests/db';
import { createDraft, updateDetails, type DetailsInput } from './consultations.server';
import { closeConsultation, publishConsultation, reopenConsultation, unscheduleConsultation } from './lifecycle.server';
import { addOption, deleteOption, listOptions, setOptionHidden, updateOption } from './options.server';
import { addQuestion, deleteQuestion, listQuestions, moveQuestion, setQuestionHidden, updateQuestion } from './questions.server';
import { addSection, deleteSection, moveSection, listSections } from './sections.server';

const actor: Actor = { userId: null, label: 'officer@test' };
const day = 86_400_000;

describe('the consultation builder', () => {
  let db: Db;
  let destroy: () => Promise<void>;
  let priorityId: number;
  beforeAll(async () => {
    ({ db, destroy } = await createTestDb());
    await seedFramework(db);
    priorityId = (await db.selectFrom('priorities').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => destroy());

  const audit = (action: string) => db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();

  async function draftWithQuestions(title: string) {
    const created = await createDraft(db, actor, { title });
    if (!created.ok) throw new Error(created.error);
    const id = created.id;
    const section = await addSection(db, actor, id, { title: 'Your views', intro: '' });
    if (!section.ok) throw new Error(section.error);
    const pick = await addQuestion(db, actor, id, {
      sectionId: section.id,
      kind: 'single_choice',
      text: 'Which park?',
      hint: '',
      required: true,
      options: ['Bruntwood', 'Woodbank'],
      otherLabel: 'Somewhere else',
    });
    const agree = await addQuestion(db, actor, id, {
      sectionId: section.id,
      kind: 'agree_scale',
      text: 'Parks are clean',
      hint: '',
      required: false,
      options: [],
    });
    if (!pick.ok || !agree.ok) throw new Error('question not added');
    return { id, sectionId: section.id, pickId: pick.id, agreeId: agree.id };
  }

  const details = (over: Partial<DetailsInput> = {}): DetailsInput => ({
    title: 'Parks',
    summary: 'About parks',
    whyAsking: '',
    whatHappensNext: '',
    estimatedMinutes: 5,
    opensAt: null,
    closesAt: new Date(Date.now() + 10 * day).toISOString(),
    askAboutYou: true,
    requiredLocales: [],
    priorityIds: [priorityId],
    ...over,
  });

  it('creates a draft with a unique address made from its title, and audits it', async () => {
    const a = await createDraft(db, actor, { title: 'Our parks: have your say!' });
    const b = await createDraft(db, actor, { title: 'Our parks: have your say!' });
    if (!a.ok || !b.ok) throw new Error('not created');
    expect((await findConsultation(db, a.id))?.slug).toBe('our-parks-have-your-say');
    expect((await findConsultation(db, b.id))?.slug).toBe('our-parks-have-your-say-2');
    expect((await findConsultation(db, a.id))?.status).toBe('draft');
    expect(await createDraft(db, actor, { title: 'x', slug: 'our-parks-have-your-say' })).toMatchObject({ ok: false, error: 'builder:slugTaken' });
    expect((await audit('consultation.create'))?.entity_id).toBe(String(b.id));
  });

  it('stores questions with stable keys and options, and reorders them', async () => {
    const { id, sectionId, pickId, agreeId } = await draftWithQuestions('Keys');
    const questions = await listQuestions(db, id);
    expect(questions.map((q) => q.key)).toEqual(['which_park', 'parks_are_clean']);
    expect((await listOptions(db, pickId)).map((o) => [o.key, o.is_other])).toEqual([
      ['bruntwood', 0],
      ['woodbank', 0],
      ['other', 1],
    ]);
    expect((await listOptions(db, agreeId)).map((o) => o.key)).toEqual(['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree']);
    await updateQuestion(db, actor, id, pickId, { sectionId, kind: 'single_choice', text: 'Which park do you use?', hint: '', required: true }, undefined);
    expect((await listQuestions(db, id))[0]?.key).toBe('which_park');
    const touchedBefore = (await findConsultation(db, id))?.updated_at;
    await new Promise((r) => setTimeout(r, 5));
    await moveQuestion(db, actor, id, agreeId, 'up');
    expect((await listQuestions(db, id)).map((q) => q.id)).toEqual([agreeId, pickId]);
    expect((await findConsultation(db, id))?.updated_at).not.toBe(touchedBefore);
    const second = await addSection(db, actor, id, { title: 'About you', intro: '' });
    if (!second.ok) throw new Error();
    await moveSection(db, actor, id, second.id, 'up');
    expect((await listSections(db, id)).map((s) => s.id)).toEqual([second.id, sectionId]);
    const moves = () =>
      db
        .selectFrom('audit_events')
        .select(['action', 'entity_id', 'consultation_id', 'summary', 'before_json', 'after_json'])
        .where('consultation_id', '=', id)
        .where('action', 'in', ['question.move', 'section.move'])
        .orderBy('id')
        .execute();
    const recorded = await moves();
    expect(recorded.map((m) => [m.action, m.entity_id, m.summary])).toEqual([
      ['question.move', String(agreeId), `Moved the question "${questions[1]?.text}" up`],
      ['section.move', String(second.id), 'Moved the section "About you" up'],
    ]);
    expect(JSON.parse(recorded[1]!.after_json!).position).toBeLessThan(JSON.parse(recorded[1]!.before_json!).position);
    // Already first: nothing changes, nothing is recorded, and the consultation is not touched.
    const touchedAfterMoves = (await findConsultation(db, id))?.updated_at;
    await new Promise((r) => setTimeout(r, 5));
    expect(await moveSection(db, actor, id, second.id, 'up')).toEqual({ ok: true });
    expect(await moves()).toHaveLength(2);
    expect((await findConsultation(db, id))?.updated_at).toBe(touchedAfterMoves);
    expect(
      await addQuestion(db, actor, id, { sectionId, kind: 'ranking', text: 'Rank', hint: '', required: false, options: ['a', 'b'], rankCount: 3 }),
    ).toMatchObject({
      ok: false,
      error: 'builder:rankCountTooMany|2',
    });
    expect(
      await addQuestion(db, actor, id, { sectionId, kind: 'multiple_choice', text: 'Many', hint: '', required: false, options: ['only one'] }),
    ).toMatchObject({
      ok: false,
      error: 'builder:optionsMissing',
    });
  });

  it('refuses to publish an incomplete consultation, with every reason', async () => {
    const created = await createDraft(db, actor, { title: 'Empty' });
    if (!created.ok) throw new Error();
    const result = await publishConsultation(db, actor, created.id);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(['questions', 'closeDate', 'priority']);

    const { id } = await draftWithQuestions('Dates');
    await updateDetails(
      db,
      actor,
      id,
      details({ opensAt: new Date(Date.now() + 5 * day).toISOString(), closesAt: new Date(Date.now() - day).toISOString(), requiredLocales: ['pl'] }),
    );
    const refused = await publishConsultation(db, actor, id);
    expect(refused.ok ? [] : refused.problems.map((p) => [p.code, p.params?.count])).toEqual([
      ['closeFuture', undefined],
      ['dateOrder', undefined],
      // title, summary, section title, two questions, three options
      ['translations', 8],
    ]);
    expect((await findConsultation(db, id))?.status).toBe('draft');
  });

  it('publishes, schedules, closes early and reopens', async () => {
    const { id } = await draftWithQuestions('Lifecycle');
    expect(await updateDetails(db, actor, id, details({ priorityIds: [] }))).toMatchObject({ ok: false, error: 'builder:priorityMissing' });
    await updateDetails(db, actor, id, details({ opensAt: new Date(Date.now() + day).toISOString() }));
    expect(await publishConsultation(db, actor, id)).toEqual({ ok: true, scheduled: true });
    expect((await audit('consultation.schedule'))?.entity_id).toBe(String(id));
    expect(await unscheduleConsultation(db, actor, id)).toEqual({ ok: true });
    await updateDetails(db, actor, id, details({ opensAt: null }));
    expect(await publishConsultation(db, actor, id)).toEqual({ ok: true, scheduled: false });
    const open = await findConsultation(db, id);
    expect(open?.status).toBe('open');
    expect(open?.opens_at).not.toBeNull();

    expect(await closeConsultation(db, actor, id)).toEqual({ ok: true });
    const closed = await findConsultation(db, id);
    expect(closed?.status).toBe('closed');
    expect(Date.parse(closed?.closes_at ?? '')).toBeLessThanOrEqual(Date.now());
    expect(await reopenConsultation(db, actor, id, new Date(Date.now() - day).toISOString())).toMatchObject({ ok: false, error: 'builder:reopenPast' });
    const until = new Date(Date.now() + 3 * day).toISOString();
    expect(await reopenConsultation(db, actor, id, until)).toEqual({ ok: true });
    expect(await findConsultation(db, id)).toMatchObject({ status: 'open', closes_at: until });
  });

  it('after the first response, only hides or rewords with a reason, and residents stop being asked what is hidden', async () => {
    const { id, sectionId, pickId, agreeId } = await draftWithQuestions('Locked');
    const woodbank = (await listOptions(db, pickId))[1]!;
    await db
      .insertInto('responses')
      .values({
        consultation_id: id,
        reference: `HRD-${id}`,
        idempotency_key: `k-${id}`,
        channel: 'online',
        respondent_group: 'resident',
        locale: 'en',
        submitted_at: new Date().toISOString(),
      })
      .execute();

    expect(await deleteQuestion(db, actor, id, pickId)).toMatchObject({ ok: false, error: 'builder:deleteLocked' });
    expect(await deleteOption(db, actor, id, pickId, woodbank.id)).toMatchObject({ ok: false, error: 'builder:deleteLocked' });
    expect(await deleteSection(db, actor, id, sectionId)).toMatchObject({ ok: false, error: 'builder:deleteLocked' });
    const change = { sectionId, kind: 'multiple_choice' as const, text: 'Which park?', hint: '', required: true };
    expect(await updateQuestion(db, actor, id, pickId, change, 'typo')).toMatchObject({ ok: false, error: 'builder:meaningLocked' });
    expect(await updateOption(db, actor, id, pickId, woodbank.id, { label: 'Woodbank Park', isOther: true }, 'x')).toMatchObject({
      ok: false,
      error: 'builder:meaningLocked',
    });
    const reword = { ...change, kind: 'single_choice' as const, text: 'Which park do you visit?' };
    expect(await updateQuestion(db, actor, id, pickId, reword, undefined)).toMatchObject({ ok: false, error: 'builder:reasonMissing' });
    expect(await updateQuestion(db, actor, id, pickId, reword, 'Clearer wording')).toEqual({ ok: true });
    expect((await audit('question.reword'))?.reason).toBe('Clearer wording');
    expect(await addOption(db, actor, id, pickId, { label: 'Vernon Park', isOther: false })).toMatchObject({ ok: true });

    expect(await setQuestionHidden(db, actor, id, agreeId, true, undefined)).toMatchObject({ ok: false, error: 'builder:reasonMissing' });
    expect(await setQuestionHidden(db, actor, id, agreeId, true, 'Asked twice')).toEqual({ ok: true });
    expect(await setOptionHidden(db, actor, id, pickId, woodbank.id, true, 'Closed for works')).toEqual({ ok: true });
    expect((await audit('option.hide'))?.reason).toBe('Closed for works');
    expect((await listQuestions(db, id)).find((q) => q.id === agreeId)).toMatchObject({ hidden: 1, hidden_reason: 'Asked twice' });

    const consultation = (await findConsultation(db, id))!;
    const def = await loadConsultationDefinition(db, consultation, 'en');
    const asked = def.sections.flatMap((s) => s.questions);
    expect(asked.map((q) => q.text)).toEqual(['Which park do you visit?']);
    expect(asked[0]?.options.map((o) => o.key)).toEqual(['bruntwood', 'other', 'vernon_park']);
  });

  it('refuses option edits on a question with standard options, and on what is not in the consultation', async () => {
    const { id, pickId, agreeId } = await draftWithQuestions('Options refused');
    const standard = (await listOptions(db, agreeId))[0]!;
    const own = (await listOptions(db, pickId))[0]!;
    const label = { label: 'Renamed', isOther: false };
    // The question's kind is checked before its option is looked for: even an option id that names nothing is refused for it.
    expect(await updateOption(db, actor, id, agreeId, standard.id, label, undefined)).toEqual({ ok: false, error: 'builder:standardOptions' });
    expect(await updateOption(db, actor, id, agreeId, 999_999, label, undefined)).toEqual({ ok: false, error: 'builder:standardOptions' });
    expect(await setOptionHidden(db, actor, id, agreeId, standard.id, true, 'x')).toEqual({ ok: false, error: 'builder:standardOptions' });
    expect(await deleteOption(db, actor, id, agreeId, standard.id)).toEqual({ ok: false, error: 'builder:standardOptions' });
    expect(await updateOption(db, actor, id, pickId, 999_999, label, undefined)).toEqual({ ok: false, error: 'builder:notFound' });
    expect(await updateOption(db, actor, id, 999_999, own.id, label, undefined)).toEqual({ ok: false, error: 'builder:notFound' });
    expect(await deleteQuestion(db, actor, id + 1_000, pickId)).toEqual({ ok: false, error: 'builder:notFound' });
    expect(await setOptionHidden(db, actor, id, pickId, own.id, true, undefined)).toEqual({ ok: false, error: 'builder:reasonMissing', field: 'reason' });
    expect(await updateOption(db, actor, id, pickId, own.id, label, undefined)).toEqual({ ok: true });
    expect(await audit('option.update')).toMatchObject({ entity_type: 'option', entity_id: String(own.id), consultation_id: id });
  });
});
