import { parseWithZod } from '@conform-to/zod/v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { User } from '#db/schema';
import { actorOf } from '~/platform/audit.server';
import { insertActiveUser } from '~/auth/users.server';
import { tFor } from '~/platform/i18n/i18n.server';
import { changeResponseStatus } from '~/responses/moderation/status.server';
import { createTestDb } from '../../../tests/db';
import { createConsultation } from '../../../tests/factories';
import { addAnswer, addCodebookTheme, addFrameworkTheme, addPriority, addWard, code, questionIdOf, type Respondent } from '../../../tests/quotes';
import { findAnswerToQuote, listQuotableAnswers } from './answers.server';
import { creditText } from './credit';
import { pickQuote, removeQuote } from './picking.server';
import { listShownQuotes } from './queries.server';
import { pickQuoteSchema } from './schemas';

let db: Db;
let destroy: () => Promise<void>;
let officer: User;
let consultationId: number;
let otherConsultationId: number;
let storyId: number;
let themeId: number;
let otherThemeId: number;
let priorityId: number;
let reddish: string;

const MILLIE = 'Looking after our mental health is more important than ever. The parks helped me through lockdown.';
const en = tFor('en', 'quotes');
const millie = (): Respondent => ({ quote_consent: 1, quote_credit: 'name_age_area', quote_name: 'Millie', age_band: '16_17', ward_code: reddish });
const countRows = async (table: 'quotes' | 'audit_events') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const shown = async () => listShownQuotes(db, { consultationId }, 'en');

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  officer = await insertActiveUser(db, { email: 'officer@stockport.gov.uk', name: 'Olive Officer', role: 'officer', password: 'correct horse battery staple' });
  const sections = [
    {
      key: 'main',
      questions: [
        { key: 'story', kind: 'long_text' as const },
        { key: 'idea', kind: 'short_text' as const },
        { key: 'colour', kind: 'single_choice' as const, options: ['red', 'green'] },
      ],
    },
  ];
  consultationId = await createConsultation(db, { sections });
  otherConsultationId = await createConsultation(db, { sections });
  storyId = await questionIdOf(db, consultationId, 'story');
  priorityId = await addPriority(db, await addFrameworkTheme(db), 'A healthy and happy Stockport');
  themeId = await addCodebookTheme(db, consultationId, 'Mental health', priorityId);
  otherThemeId = await addCodebookTheme(db, otherConsultationId, 'Someone else’s theme');
  reddish = await addWard(db, 'Reddish North');
});
afterAll(() => destroy());

describe('picking a quote', () => {
  it('stores the quote for a theme with its audit entry, and shows it credited as the respondent chose', async () => {
    const { answerId } = await addAnswer(db, consultationId, storyId, MILLIE, millie());
    const audits = await countRows('audit_events');
    const result = await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId, excerpt: MILLIE });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id : 0;
    const row = await db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      consultation_id: consultationId,
      answer_id: answerId,
      theme_id: themeId,
      priority_id: null,
      text: MILLIE,
      picked_by: officer.id,
    });
    const audit = await db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'quote').where('entity_id', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'quote.pick', user_id: officer.id, consultation_id: consultationId });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ answer_id: answerId, theme_id: themeId, text: MILLIE });
    expect(await countRows('audit_events')).toBe(audits + 1);

    const quote = (await shown()).find((q) => q.id === id)!;
    expect(quote.theme?.name).toBe('Mental health');
    expect(creditText(quote.credit, en)).toBe('Millie, aged 16 to 17, Reddish North');
  });

  it('takes a priority, or a theme and a priority together, and an excerpt that is one unbroken part of the answer', async () => {
    const { answerId } = await addAnswer(db, consultationId, storyId, MILLIE, millie());
    const result = await pickQuote(db, actorOf(officer), {
      consultationId,
      answerId,
      themeId,
      priorityId,
      excerpt: '  mental health is more important\r\nthan ever. ',
    });
    expect(result.ok).toBe(true);
    const row = await db
      .selectFrom('quotes')
      .selectAll()
      .where('id', '=', result.ok ? result.id : 0)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ theme_id: themeId, priority_id: priorityId, text: 'mental health is more important\nthan ever.' });
    const priorityOnly = await pickQuote(db, actorOf(officer), { consultationId, answerId, priorityId, excerpt: 'The parks helped me through lockdown.' });
    expect(priorityOnly.ok).toBe(true);
  });

  it('refuses an answer whose respondent did not agree to be quoted, storing nothing', async () => {
    const { answerId } = await addAnswer(db, consultationId, storyId, 'Please do not quote me on this.', { quote_consent: 0 });
    const [quotes, audits] = [await countRows('quotes'), await countRows('audit_events')];
    const result = await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId, excerpt: 'Please do not quote me on this.' });
    expect(result).toEqual({ ok: false, error: 'quotes:noConsent' });
    expect(await countRows('quotes')).toBe(quotes);
    expect(await countRows('audit_events')).toBe(audits);
  });

  it('refuses answers of excluded responses, other consultations and closed questions', async () => {
    const spam = await addAnswer(db, consultationId, storyId, 'Cheap pills here', { ...millie(), status: 'spam' });
    expect(await pickQuote(db, actorOf(officer), { consultationId, answerId: spam.answerId, themeId, excerpt: 'Cheap pills here' })).toEqual({
      ok: false,
      error: 'quotes:notCounted',
    });
    const elsewhere = await addAnswer(db, otherConsultationId, await questionIdOf(db, otherConsultationId, 'story'), 'Elsewhere', millie());
    expect(await pickQuote(db, actorOf(officer), { consultationId, answerId: elsewhere.answerId, themeId, excerpt: 'Elsewhere' })).toEqual({
      ok: false,
      error: 'quotes:answerMissing',
    });
    const colour = await questionIdOf(db, consultationId, 'colour');
    const closed = await addAnswer(db, consultationId, colour, null, millie());
    expect((await findAnswerToQuote(db, consultationId, closed.answerId)).ok).toBe(false);
  });

  it('refuses an excerpt stitched from separate words, a missing target and another consultation’s theme', async () => {
    const { answerId } = await addAnswer(db, consultationId, storyId, MILLIE, millie());
    const quotes = await countRows('quotes');
    expect(await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId, excerpt: 'Looking after our parks' })).toEqual({
      ok: false,
      error: 'quotes:notExcerpt',
      field: 'excerpt',
    });
    expect(await pickQuote(db, actorOf(officer), { consultationId, answerId, excerpt: MILLIE })).toEqual({
      ok: false,
      error: 'quotes:targetMissing',
      field: 'themeId',
    });
    expect(await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId: otherThemeId, excerpt: MILLIE })).toEqual({
      ok: false,
      error: 'quotes:themeUnknown',
      field: 'themeId',
    });
    expect(await pickQuote(db, actorOf(officer), { consultationId, answerId, priorityId: 999_999, excerpt: MILLIE })).toEqual({
      ok: false,
      error: 'quotes:priorityUnknown',
      field: 'priorityId',
    });
    expect(await countRows('quotes')).toBe(quotes);
  });

  it('refuses the same answer picked twice for the same theme and priority', async () => {
    const { answerId } = await addAnswer(db, consultationId, storyId, MILLIE, millie());
    expect((await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId, excerpt: MILLIE })).ok).toBe(true);
    expect(await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId, excerpt: 'The parks' })).toEqual({
      ok: false,
      error: 'quotes:alreadyPicked',
    });
  });

  it('checks the form with the answer’s own words: a stitched excerpt and a missing target are field errors', () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries({ intent: 'pick', ...fields })) data.set(name, value);
      return parseWithZod(data, { schema: pickQuoteSchema(MILLIE) });
    };
    expect(form({ themeId: '3', excerpt: 'The parks helped me' }).status).toBe('success');
    const stitched = form({ themeId: '3', excerpt: 'Looking after the parks' });
    expect(stitched.status === 'error' && stitched.error).toMatchObject({ excerpt: ['quotes:notExcerpt'] });
    const noTarget = form({ themeId: '', priorityId: '', excerpt: MILLIE });
    expect(noTarget.status === 'error' && noTarget.error).toMatchObject({ themeId: ['quotes:targetMissing'] });
    const empty = form({ priorityId: '4', excerpt: '   ' });
    expect(empty.status === 'error' && empty.error).toMatchObject({ excerpt: ['quotes:excerptMissing'] });
  });
});

describe('quotes as they are shown', () => {
  it('disappear when their response is kept out of the counts, and come back when it is restored', async () => {
    const { responseId, answerId } = await addAnswer(db, consultationId, storyId, 'The buses are never on time.', millie());
    const result = await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId, excerpt: 'The buses are never on time.' });
    const id = result.ok ? result.id : 0;
    expect((await shown()).map((q) => q.id)).toContain(id);
    await changeResponseStatus(db, officer, { consultationId, responseId, status: 'spam', reason: 'Posted by a script' });
    expect((await shown()).map((q) => q.id)).not.toContain(id);
    expect(await listShownQuotes(db, { priorityIds: [priorityId] }, 'en')).not.toContainEqual(expect.objectContaining({ id }));
    await changeResponseStatus(db, officer, { consultationId, responseId, status: 'counted', reason: 'A real resident' });
    expect((await shown()).map((q) => q.id)).toContain(id);
  });

  it('disappear when consent is withdrawn', async () => {
    const { responseId, answerId } = await addAnswer(db, consultationId, storyId, 'I changed my mind about being quoted.', millie());
    const result = await pickQuote(db, actorOf(officer), { consultationId, answerId, priorityId, excerpt: 'I changed my mind' });
    const id = result.ok ? result.id : 0;
    expect((await shown()).map((q) => q.id)).toContain(id);
    await db.updateTable('responses').set({ quote_consent: 0 }).where('id', '=', responseId).execute();
    expect((await shown()).map((q) => q.id)).not.toContain(id);
  });

  it('never name an under-13, whatever is stored', async () => {
    const child = {
      quote_consent: 1,
      quote_credit: 'name_age_area',
      quote_name: 'Alfie',
      age_band: '11_12',
      postcode_district: 'SK4',
      respondent_group: 'young_person',
      never_attribute: 1,
    } as const;
    const { answerId } = await addAnswer(db, consultationId, storyId, 'More swings in the park please.', child);
    const result = await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId, excerpt: 'More swings in the park please.' });
    const quote = (await shown()).find((q) => q.id === (result.ok ? result.id : 0))!;
    expect(creditText(quote.credit, en)).toBe('a young person');
  });

  it('can be removed, with an audit entry', async () => {
    const { answerId } = await addAnswer(db, consultationId, storyId, 'Remove me later.', millie());
    const result = await pickQuote(db, actorOf(officer), { consultationId, answerId, themeId, excerpt: 'Remove me later.' });
    const id = result.ok ? result.id : 0;
    expect(await removeQuote(db, actorOf(officer), { consultationId: otherConsultationId, quoteId: id })).toBe(false);
    expect(await removeQuote(db, actorOf(officer), { consultationId, quoteId: id })).toBe(true);
    expect(await db.selectFrom('quotes').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    const audit = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'quote.remove')
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ answer_id: answerId, text: 'Remove me later.' });
  });
});

describe('the answers to pick from', () => {
  let consultation: number;
  let story: number;
  let idea: number;
  let theme: number;

  beforeAll(async () => {
    consultation = await createConsultation(db, {
      sections: [
        {
          key: 'main',
          questions: [
            { key: 'story', kind: 'long_text' },
            { key: 'idea', kind: 'short_text' },
          ],
        },
      ],
    });
    story = await questionIdOf(db, consultation, 'story');
    idea = await questionIdOf(db, consultation, 'idea');
    theme = await addCodebookTheme(db, consultation, 'Parks');
  });

  const texts = async (filters: Partial<Parameters<typeof listQuotableAnswers>[2]> = {}) =>
    (await listQuotableAnswers(db, consultation, { text: '', questionId: null, themeId: null, page: 1, ...filters })).answers.map((a) => a.text);

  it('lists only counted free-text answers of people who agreed to be quoted, searchable and filterable', async () => {
    const parks = await addAnswer(db, consultation, story, 'The PARKS are lovely', millie());
    await addAnswer(db, consultation, story, 'The parks are dirty', { quote_consent: 0 });
    await addAnswer(db, consultation, story, 'Parks spam', { ...millie(), status: 'duplicate' });
    await addAnswer(db, consultation, idea, '100% more trees_please', millie());
    await code(db, parks.answerId, officer.id, [theme]);

    expect((await texts()).sort()).toEqual(['100% more trees_please', 'The PARKS are lovely']);
    expect(await texts({ text: 'parks' })).toEqual(['The PARKS are lovely']);
    expect(await texts({ text: '100%' })).toEqual(['100% more trees_please']);
    expect(await texts({ text: '0%m' })).toEqual([]);
    expect(await texts({ text: 's_p' })).toEqual(['100% more trees_please']);
    expect(await texts({ text: 'e_p' })).toEqual([]);
    expect(await texts({ questionId: idea })).toEqual(['100% more trees_please']);
    expect(await texts({ themeId: theme })).toEqual(['The PARKS are lovely']);
  });

  it('comes a page at a time, newest first across questions', async () => {
    for (let i = 0; i < 25; i++) await addAnswer(db, consultation, i % 3 === 0 ? story : idea, `Idea number ${i}`, millie());
    const first = await listQuotableAnswers(db, consultation, { text: 'Idea number', questionId: null, themeId: null, page: 1 });
    const second = await listQuotableAnswers(db, consultation, { text: 'Idea number', questionId: null, themeId: null, page: 2 });
    expect([first.answers.length, first.hasNext, second.answers.length, second.hasNext]).toEqual([20, true, 5, false]);
    const ids = [...first.answers, ...second.answers].map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(25);
    expect([...first.answers, ...second.answers].map((a) => a.text).at(-1)).toBe('Idea number 0');
  });
});
