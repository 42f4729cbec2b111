import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedFramework } from '#db/seed/framework';
import type { Actor } from '~/platform/audit.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { findConsultation } from '~/consultations/find.server';
import { createTestDb } from '../../../tests/db';
import { createDraft, updateDetails } from './consultations.server';
import { publishConsultation } from './lifecycle.server';
import { setOptionHidden } from './options.server';
import { publishChecks } from './publish-checks.server';
import { addQuestion, deleteQuestion, updateQuestion, type NewQuestionInput } from './questions.server';
import { editShowIf, setRoutes } from './rules.server';
import { routingOverview, ruleEditorView } from './rule-view.server';
import { addSection, deleteSection, moveSection } from './sections.server';
import { consultationTexts } from './translation-status.server';

const actor: Actor = { userId: null, label: 'officer@test' };

/** The refusal's message code and the words it names (use-error-text reads the same). */
function refusalOf(result: { ok: boolean; error?: string }) {
  expect(result.ok).toBe(false);
  const error = result.error ?? '';
  const bar = error.indexOf('|');
  return { code: bar < 0 ? error : error.slice(0, bar), params: bar < 0 ? {} : (JSON.parse(error.slice(bar + 1)) as Record<string, string>) };
}

describe('routing in the builder', () => {
  let db: Db;
  let destroy: () => Promise<void>;
  let priorityId: number;
  beforeAll(async () => {
    ({ db, destroy } = await createTestDb());
    await seedFramework(db);
    priorityId = (await db.selectFrom('priorities').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => destroy());

  /** About you (business? colours, pick) → Your business → Covid (affected?) → Last words. */
  async function survey(title: string) {
    const created = await createDraft(db, actor, { title });
    if (!created.ok) throw new Error(created.error);
    const id = created.id;
    const section = async (name: string) => {
      const s = await addSection(db, actor, id, { title: name, intro: '' });
      if (!s.ok) throw new Error(s.error);
      return s.id;
    };
    const about = await section('About you');
    const business = await section('Your business');
    const covid = await section('Covid');
    const last = await section('Last words');
    const question = async (sectionId: number, text: string, kind: NewQuestionInput['kind'], options: string[] = []) => {
      const q = await addQuestion(db, actor, id, { sectionId, kind, text, hint: '', required: false, options });
      if (!q.ok) throw new Error(q.error);
      return q.id;
    };
    return {
      id,
      sections: { about, business, covid, last },
      runs: await question(about, 'Do you run a business?', 'yes_no'),
      colours: await question(about, 'Which colours?', 'multiple_choice', ['Red', 'Blue']),
      pick: await question(about, 'Which park?', 'single_choice', ['Bruntwood', 'Woodbank']),
      turnover: await question(business, 'What is your turnover?', 'short_text'),
      affected: await question(covid, 'Were you affected by Covid?', 'yes_no'),
      followUp: await question(last, 'Anything else?', 'long_text'),
    };
  }

  const showIfOf = async (table: 'questions' | 'sections', id: number) =>
    (await db.selectFrom(table).select('show_if').where('id', '=', id).executeTakeFirstOrThrow()).show_if;

  it('saves a question rule, a section rule with "any", changes and removes conditions, and audits each', async () => {
    const s = await survey('Rules');
    const q = { type: 'question' as const, id: s.turnover };
    expect(await editShowIf(db, actor, s.id, q, { intent: 'addCondition', question: 'do_you_run_a_business', options: ['yes'] })).toEqual({ ok: true });
    expect(JSON.parse((await showIfOf('questions', s.turnover))!)).toEqual({
      match: 'all',
      conditions: [{ question: 'do_you_run_a_business', options: ['yes'] }],
    });
    const def = await loadConsultationDefinition(db, (await findConsultation(db, s.id))!, 'en');
    expect(def.sections[1]?.questions[0]?.showIf?.conditions[0]?.options).toEqual(['yes']);
    const audit = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'question.rule')
      .where('entity_id', '=', String(s.turnover))
      .executeTakeFirst();
    expect(audit?.summary).toBe('Changed when "What is your turnover?" is shown');

    const section = { type: 'section' as const, id: s.sections.covid };
    await editShowIf(db, actor, s.id, section, { intent: 'addCondition', question: 'do_you_run_a_business', options: ['yes'] });
    await editShowIf(db, actor, s.id, section, { intent: 'addCondition', question: 'which_colours', options: ['red', 'blue'] });
    expect(await editShowIf(db, actor, s.id, section, { intent: 'setMatch', match: 'any' })).toEqual({ ok: true });
    expect(JSON.parse((await showIfOf('sections', s.sections.covid))!)).toMatchObject({ match: 'any', conditions: [{}, { options: ['red', 'blue'] }] });
    await editShowIf(db, actor, s.id, section, { intent: 'removeCondition', index: 0 });
    expect(JSON.parse((await showIfOf('sections', s.sections.covid))!).conditions).toEqual([{ question: 'which_colours', options: ['red', 'blue'] }]);
    await editShowIf(db, actor, s.id, section, { intent: 'removeCondition', index: 0 });
    expect(await showIfOf('sections', s.sections.covid)).toBeNull();
    expect(await editShowIf(db, actor, s.id, section, { intent: 'removeCondition', index: 0 })).toMatchObject({ error: 'builder:routingConditionGone' });
  });

  it('routes answers to a later section or the exit page, which needs its words', async () => {
    const s = await survey('Routes');
    const refused = await setRoutes(db, actor, s.id, s.runs, { goesTo: { no: 'exit' }, exitText: ' ' });
    expect(refused).toEqual({ ok: false, error: 'builder:routingExitTextMissing', field: 'exitText' });
    expect(await setRoutes(db, actor, s.id, s.runs, { goesTo: { yes: '', no: 'covid' }, exitText: '' })).toEqual({ ok: true });
    expect(await setRoutes(db, actor, s.id, s.pick, { goesTo: { woodbank: 'exit' }, exitText: 'Thank you: that is all we ask.' })).toEqual({ ok: true });
    const options = await db.selectFrom('options').select(['key', 'goes_to']).where('question_id', 'in', [s.runs, s.pick]).orderBy('id').execute();
    expect(options).toEqual([
      { key: 'yes', goes_to: null },
      { key: 'no', goes_to: 'covid' },
      { key: 'bruntwood', goes_to: null },
      { key: 'woodbank', goes_to: 'exit' },
    ]);
    const def = await loadConsultationDefinition(db, (await findConsultation(db, s.id))!, 'en');
    expect(def.sections[0]?.questions[2]?.exitText).toBe('Thank you: that is all we ask.');
    // The exit page is translated like the question; an empty one is never asked for.
    const texts = await consultationTexts(db, s.id);
    expect(texts.filter((t) => t.field === 'exit_text').map((t) => t.entityId)).toEqual([s.pick]);
  });

  it('refuses rules on later questions, routes backwards and rules no answer can meet, saying why', async () => {
    const s = await survey('Refusals');
    const notEarlier = refusalOf(
      await editShowIf(db, actor, s.id, { type: 'question', id: s.pick }, { intent: 'addCondition', question: 'do_you_run_a_business', options: ['yes'] }),
    );
    expect(notEarlier).toEqual({ code: 'builder:routingNotEarlier', params: { target: 'Which park?', question: 'Do you run a business?' } });
    expect(await showIfOf('questions', s.pick)).toBeNull();

    const backwards = refusalOf(await setRoutes(db, actor, s.id, s.affected, { goesTo: { yes: 'your_business' }, exitText: '' }));
    expect(backwards).toEqual({
      code: 'builder:routingGoesToNotLater',
      params: { question: 'Were you affected by Covid?', option: 'yes', section: 'Your business' },
    });

    await setRoutes(db, actor, s.id, s.runs, { goesTo: { no: 'covid' }, exitText: '' });
    const routedPast = refusalOf(
      await editShowIf(
        db,
        actor,
        s.id,
        { type: 'section', id: s.sections.business },
        { intent: 'addCondition', question: 'do_you_run_a_business', options: ['no'] },
      ),
    );
    expect(routedPast).toEqual({
      code: 'builder:routingNeverMetRouted',
      params: { target: 'Your business', question: 'Do you run a business?', option: 'no' },
    });

    const target = { type: 'question' as const, id: s.followUp };
    await editShowIf(db, actor, s.id, target, { intent: 'addCondition', question: 'which_park', options: ['bruntwood'] });
    const both = refusalOf(await editShowIf(db, actor, s.id, target, { intent: 'addCondition', question: 'which_park', options: ['woodbank'] }));
    expect(both).toEqual({ code: 'builder:routingNeverMetOneAnswer', params: { target: 'Anything else?', question: 'Which park?' } });
    // "Any of these" makes the same two conditions fine.
    expect(JSON.parse((await showIfOf('questions', s.followUp))!).conditions).toHaveLength(1);

    expect(await editShowIf(db, actor, s.id, target, { intent: 'addCondition', question: 'what_is_your_turnover', options: ['x'] })).toEqual({
      ok: false,
      error: 'builder:routingQuestionMissing',
    });
  });

  it('refuses moving, deleting, hiding or changing the kind of what a rule or route uses, and keeps everything as it was', async () => {
    const s = await survey('Guards');
    await editShowIf(db, actor, s.id, { type: 'question', id: s.turnover }, { intent: 'addCondition', question: 'do_you_run_a_business', options: ['yes'] });
    await setRoutes(db, actor, s.id, s.pick, { goesTo: { woodbank: 'last_words' }, exitText: '' });
    const base = { text: 'Do you run a business?', hint: '', required: false };

    const moved = refusalOf(await updateQuestion(db, actor, s.id, s.runs, { ...base, sectionId: s.sections.last, kind: 'yes_no' }, undefined));
    expect(moved).toEqual({ code: 'builder:routingNotEarlier', params: { target: 'What is your turnover?', question: 'Do you run a business?' } });
    expect((await db.selectFrom('questions').select('section_id').where('id', '=', s.runs).executeTakeFirstOrThrow()).section_id).toBe(s.sections.about);

    const kind = refusalOf(await updateQuestion(db, actor, s.id, s.runs, { ...base, sectionId: s.sections.about, kind: 'short_text' }, undefined));
    expect(kind).toEqual({
      code: 'builder:routingUnknownOption',
      params: { target: 'What is your turnover?', question: 'Do you run a business?', option: 'yes' },
    });
    expect(await db.selectFrom('options').select('key').where('question_id', '=', s.runs).execute()).toHaveLength(2);

    const multiple = refusalOf(
      await updateQuestion(
        db,
        actor,
        s.id,
        s.pick,
        { text: 'Which park?', hint: '', required: false, sectionId: s.sections.about, kind: 'multiple_choice' },
        undefined,
      ),
    );
    expect(multiple).toEqual({ code: 'builder:routingRoutesFromMultiple', params: { question: 'Which park?' } });

    expect(refusalOf(await deleteQuestion(db, actor, s.id, s.runs))).toEqual({
      code: 'builder:routingUnknownQuestion',
      params: { target: 'What is your turnover?', question: 'Do you run a business?' },
    });
    expect(await db.selectFrom('questions').select('id').where('id', '=', s.runs).executeTakeFirst()).toBeDefined();

    await editShowIf(db, actor, s.id, { type: 'question', id: s.affected }, { intent: 'addCondition', question: 'which_colours', options: ['red'] });
    const red = await db.selectFrom('options').select('id').where('question_id', '=', s.colours).where('key', '=', 'red').executeTakeFirstOrThrow();
    expect(refusalOf(await setOptionHidden(db, actor, s.id, s.colours, red.id, true, 'not needed'))).toEqual({
      code: 'builder:routingUnknownOption',
      params: { target: 'Were you affected by Covid?', question: 'Which colours?', option: 'Red' },
    });

    expect(refusalOf(await deleteSection(db, actor, s.id, s.sections.last)).code).toBe('builder:routingGoesToUnknown');
    expect(refusalOf(await moveSection(db, actor, s.id, s.sections.business, 'up')).code).toBe('builder:routingNotEarlier');
    // An edit that leaves every rule whole goes ahead.
    expect(await moveSection(db, actor, s.id, s.sections.covid, 'up')).toEqual({ ok: true });
  });

  it('refuses to publish a consultation with a routing problem, and lists it', async () => {
    const s = await survey('Publish');
    const closesAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await updateDetails(db, actor, s.id, {
      title: 'Publish',
      summary: 'About it',
      whyAsking: '',
      whatHappensNext: '',
      estimatedMinutes: 5,
      opensAt: null,
      closesAt,
      askAboutYou: false,
      requiredLocales: [],
      priorityIds: [priorityId],
    });
    // A rule from before these checks, naming a question the form no longer has.
    await db
      .updateTable('questions')
      .set({ show_if: JSON.stringify({ match: 'all', conditions: [{ question: 'gone', options: ['yes'] }] }) })
      .where('id', '=', s.followUp)
      .execute();
    expect((await publishChecks(db, s.id, new Date())).find((c) => c.code === 'routing')).toMatchObject({ ok: false, params: { count: 1 } });
    const refused = await publishConsultation(db, actor, s.id);
    expect(refused).toMatchObject({ ok: false, error: 'builder:publishRefused' });
    // An unrelated edit still goes ahead: only a problem a change brings refuses it.
    expect(await moveSection(db, actor, s.id, s.sections.covid, 'up')).toEqual({ ok: true });
    await db.updateTable('questions').set({ show_if: null }).where('id', '=', s.followUp).execute();
    expect(await publishConsultation(db, actor, s.id)).toMatchObject({ ok: true });
  });

  it('shows rules and routes in the officer’s words, and offers a rule only the main form’s visible choice questions before it', async () => {
    const s = await survey('Words');
    await editShowIf(db, actor, s.id, { type: 'question', id: s.affected }, { intent: 'addCondition', question: 'do_you_run_a_business', options: ['yes'] });
    expect(await setRoutes(db, actor, s.id, s.pick, { goesTo: { woodbank: 'covid' }, exitText: '' })).toEqual({ ok: true });
    const shop = await addQuestion(db, actor, s.id, {
      sectionId: s.sections.business,
      kind: 'yes_no',
      text: 'Is it a shop?',
      hint: '',
      required: false,
      options: [],
    });
    if (!shop.ok) throw new Error(shop.error);
    // Young people's sections and hidden questions are no one's to route on.
    await db.updateTable('sections').set({ audience: 'young_people' }).where('id', '=', s.sections.business).execute();
    await db.updateTable('questions').set({ hidden: 1 }).where('id', '=', s.colours).execute();

    const overview = await routingOverview(db, s.id);
    expect(overview.questions[s.affected]?.rule?.conditions.map((c) => c.question?.text)).toEqual(['Do you run a business?']);
    expect(overview.questions[s.pick]?.routes).toEqual([{ option: { key: 'woodbank', label: 'Woodbank' }, section: 'Covid' }]);

    const forQuestion = await ruleEditorView(db, s.id, { type: 'question', id: s.affected });
    expect(forQuestion.rule?.conditions.map((c) => c.question?.text)).toEqual(['Do you run a business?']);
    expect(forQuestion.candidates.map((q) => q.text)).toEqual(['Do you run a business?', 'Which park?']);
    const forSection = await ruleEditorView(db, s.id, { type: 'section', id: s.sections.last });
    expect(forSection.rule).toBeNull();
    expect(forSection.candidates.map((q) => q.text)).toEqual(['Do you run a business?', 'Which park?', 'Were you affected by Covid?']);
    expect((await ruleEditorView(db, s.id, { type: 'section', id: s.sections.about })).candidates).toEqual([]);
  });

  it('offers grid words for translation before their first statement', async () => {
    const s = await survey('Grid');
    const { id: gridId } = await db
      .insertInto('grids')
      .values({ consultation_id: s.id, section_id: s.sections.last, key: 'views', text: 'How much do you agree?', hint: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('questions').set({ grid_id: gridId }).where('id', '=', s.followUp).execute();
    const texts = await consultationTexts(db, s.id);
    const at = texts.findIndex((t) => t.entityType === 'grid');
    expect(texts[at]).toMatchObject({ entityId: gridId, field: 'text', english: 'How much do you agree?' });
    expect(texts.filter((t) => t.entityType === 'grid')).toHaveLength(1);
    expect(texts[at + 1]).toMatchObject({ entityType: 'question', entityId: s.followUp });
  });
});
