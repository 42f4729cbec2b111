import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedFramework } from '#db/seed/framework';
import { addCoder, addResponse, questionIds } from '../../tests/coding';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { answerPlace, codingProgress, listAnswers, nextUncodedAnswer, type AnswerFilters } from './answers.server';
import {
  addThemeKeywords,
  createCodebookTheme,
  deleteCodebookTheme,
  listCodebook,
  listOpenQuestions,
  moveCodebookTheme,
  updateCodebookTheme,
} from './codebook.server';
import { listCodings, saveCoding } from './codings.server';
import { chooseSample } from './sampling';
import { createSample, sampleAnswerIds, sampleReport } from './samples.server';

// The coding data layer on a real database: the codebook and its audit trail, codings replaced
// per coder, the answers list's filters and places, and double-coding samples.

const actor = { userId: null, label: 'officer@stockport.gov.uk' };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 10, minute));
const theme = (name: string, extra: Partial<{ description: string; priorityId: number | null; keywords: string }> = {}) => ({
  name,
  description: '',
  priorityId: null,
  keywords: '',
  ...extra,
});

describe('coding free text', () => {
  let db: Db;
  let destroy: () => Promise<void>;
  let consultationId: number;
  let other: number;
  let q: Record<string, number>;
  let ann: number;
  let bob: number;
  const ids: Record<string, number> = {};
  const answers: number[] = [];

  beforeAll(async () => {
    ({ db, destroy } = await createTestDb());
    await seedFramework(db);
    consultationId = await createConsultation(db, {
      sections: [
        {
          key: 'a',
          questions: [
            { key: 'choice', kind: 'yes_no' },
            { key: 'story', kind: 'long_text' },
          ],
        },
        { key: 'b', questions: [{ key: 'short', kind: 'short_text' }] },
      ],
    });
    other = await createConsultation(db, { sections: [{ key: 'a', questions: [{ key: 'story', kind: 'long_text' }] }] });
    q = await questionIds(db, consultationId);
    ann = await addCoder(db, 'Ann');
    bob = await addCoder(db, 'Bob');
    const texts = [
      'More buses in the evening',
      'The BUS station is 100% better',
      'Parks and woods',
      'Help with bills',
      'Lockdown was hard',
      ...Array.from({ length: 20 }, (_, i) => `Answer number ${i + 6}`),
    ];
    for (const text of texts) answers.push((await addResponse(db, consultationId, { texts: { [q.story!]: text } })).answers[q.story!]!);
    await addResponse(db, consultationId, { status: 'spam', texts: { [q.story!]: 'Cheap bus tickets here' } });
    await addResponse(db, consultationId, { texts: { [q.story!]: '' } });
  });
  afterAll(() => destroy());

  const audit = async (action: string) => db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();

  it('lists the open questions in the order they are asked', async () => {
    expect((await listOpenQuestions(db, consultationId)).map((x) => [x.key, x.kind])).toEqual([
      ['story', 'long_text'],
      ['short', 'short_text'],
    ]);
  });

  it('adds themes at the end with unique keys, tidied keywords and a priority, each with an audit entry', async () => {
    const priority = await db.selectFrom('priorities').select(['id', 'name']).where('key', '=', 'climate_friendly').executeTakeFirstOrThrow();
    const transport = await createCodebookTheme(
      db,
      actor,
      consultationId,
      theme('Transport', { priorityId: priority.id, keywords: ' bus \nBus\n\ncycle lane ' }),
    );
    const parks = await createCodebookTheme(db, actor, consultationId, theme('Parks & green spaces'));
    const money = await createCodebookTheme(db, actor, consultationId, theme('Money'));
    expect([transport.ok, parks.ok, money.ok]).toEqual([true, true, true]);
    Object.assign(ids, { transport: transport.ok && transport.id, parks: parks.ok && parks.id, money: money.ok && money.id });
    const codebook = await listCodebook(db, consultationId);
    expect(codebook.map((t) => [t.key, t.name, t.keywords, t.priorityName])).toEqual([
      ['transport', 'Transport', 'bus\ncycle lane', priority.name],
      ['parks_green_spaces', 'Parks & green spaces', '', null],
      ['money', 'Money', '', null],
    ]);
    // The same name in another consultation's codebook is fine; in this one (any case) it is not.
    expect((await createCodebookTheme(db, actor, other, theme('Transport'))).ok).toBe(true);
    expect(await createCodebookTheme(db, actor, consultationId, theme('transport'))).toEqual({ ok: false, error: 'coding:nameTaken', field: 'name' });
    expect(await createCodebookTheme(db, actor, consultationId, theme('Health', { priorityId: 99999 }))).toEqual({
      ok: false,
      error: 'coding:priorityMissing',
      field: 'priorityId',
    });
    const created = await audit('codebook_theme.create');
    expect(created.filter((a) => a.consultation_id === consultationId).map((a) => a.summary)).toEqual([
      'Added the coding theme "Transport"',
      'Added the coding theme "Parks & green spaces"',
      'Added the coding theme "Money"',
    ]);
  });

  it('renames, describes, adds keywords without repeats and reorders, keeping the key', async () => {
    expect(
      await updateCodebookTheme(
        db,
        actor,
        consultationId,
        ids.money!,
        theme('Money and the cost of living', { description: 'Bills, debt, prices', keywords: 'bills' }),
      ),
    ).toEqual({ ok: true, id: ids.money });
    expect((await addThemeKeywords(db, actor, consultationId, ids.money!, ['Bills', 'cost of living'])).ok).toBe(true);
    expect(await updateCodebookTheme(db, actor, other, ids.money!, theme('Elsewhere'))).toEqual({ ok: false, error: 'coding:notFound' });
    expect(await moveCodebookTheme(db, actor, consultationId, ids.money!, 'up')).toBe(true);
    expect(await moveCodebookTheme(db, actor, consultationId, ids.transport!, 'up')).toBe(false);
    const codebook = await listCodebook(db, consultationId);
    expect(codebook.map((t) => t.key)).toEqual(['transport', 'money', 'parks_green_spaces']);
    expect(codebook[1]).toMatchObject({ name: 'Money and the cost of living', description: 'Bills, debt, prices', keywords: 'bills\ncost of living' });
    const [update] = await audit('codebook_theme.update');
    expect(JSON.parse(update!.before_json!)).toMatchObject({ name: 'Money' });
    expect((await audit('codebook_theme.move')).map((a) => a.summary)).toEqual(['Moved the coding theme "Money and the cost of living" up']);
  });

  it('stores one coding per answer per coder, replacing only that coder’s themes', async () => {
    const [first] = answers as [number];
    const save = (coder: number, themeIds: number[], minute: number) =>
      saveCoding(db, actor, { consultationId, questionId: q.story!, answerId: first, coderId: coder, themeIds }, at(minute));
    expect(await save(ann, [ids.transport!, ids.parks!], 1)).toEqual({ ok: true });
    expect(await save(bob, [ids.transport!], 2)).toEqual({ ok: true });
    expect(await save(ann, [ids.money!], 3)).toEqual({ ok: true });
    const codings = (await listCodings(db, [first])).get(first)!;
    expect(codings.map((c) => [c.coderName, c.codedAt, c.themeIds])).toEqual([
      ['Ann', at(3).toISOString(), [ids.money]],
      ['Bob', at(2).toISOString(), [ids.transport]],
    ]);
    // Another consultation's theme is refused and nothing changes.
    const foreign = (await listCodebook(db, other))[0]!.id;
    expect(await save(ann, [foreign], 4)).toEqual({ ok: false, error: 'coding:unknownTheme' });
    expect((await listCodings(db, [first])).get(first)![0]!.themeIds).toEqual([ids.money]);
    const saves = await audit('coding.save');
    expect(saves.map((a) => a.summary)).toEqual([
      'Coded an answer as "Transport", "Parks & green spaces"',
      'Coded an answer as "Transport"',
      'Coded an answer as "Money and the cost of living"',
    ]);
    expect(JSON.parse(saves[2]!.before_json!)).toEqual({ themeIds: [ids.transport, ids.parks].sort((a, b) => a! - b!), codedAt: at(1).toISOString() });
  });

  it('refuses to delete a theme any answer is coded with (by anyone), and deletes one nobody used', async () => {
    // Transport is only in Bob's coding now, which no longer counts: it is still in use.
    expect(await deleteCodebookTheme(db, actor, consultationId, ids.transport!)).toEqual({ ok: false, reason: 'in_use', questionIds: [q.story] });
    expect(await deleteCodebookTheme(db, actor, consultationId, ids.money!)).toEqual({ ok: false, reason: 'in_use', questionIds: [q.story] });
    const unused = await createCodebookTheme(db, actor, consultationId, theme('Unused'));
    expect(await deleteCodebookTheme(db, actor, consultationId, unused.ok ? unused.id : 0)).toEqual({ ok: true });
    expect((await listCodebook(db, consultationId)).map((t) => t.name)).not.toContain('Unused');
    expect((await audit('codebook_theme.delete')).map((a) => a.summary)).toEqual(['Deleted the coding theme "Unused"']);
  });

  it('lists counted answers with words, searched and filtered, a page at a time', async () => {
    const list = (f: Partial<AnswerFilters>) => listAnswers(db, q.story!, { search: '', coded: 'all', themeId: null, page: 1, ...f });
    const all = await list({});
    expect([all.total, all.pages, all.answers.length]).toEqual([25, 2, 20]);
    expect(all.answers[0]!.text).toBe('More buses in the evening');
    expect((await list({ page: 2 })).answers.map((a) => a.text)).toEqual([
      'Answer number 21',
      'Answer number 22',
      'Answer number 23',
      'Answer number 24',
      'Answer number 25',
    ]);
    expect((await list({ page: 9 })).page).toBe(2);
    // Any case; the spam response's "bus" is not there; % is a character, not a wildcard.
    expect((await list({ search: 'bus' })).answers.map((a) => a.text)).toEqual(['More buses in the evening', 'The BUS station is 100% better']);
    expect((await list({ search: '0%' })).total).toBe(1);
    expect((await list({ search: 'e%g' })).total).toBe(0);
    expect((await list({ coded: 'coded' })).answers.map((a) => a.id)).toEqual([answers[0]]);
    expect((await list({ coded: 'uncoded' })).total).toBe(24);
    // By theme: the coding that counts is Ann's latest (Money), not Bob's earlier Transport.
    expect((await list({ themeId: ids.money! })).total).toBe(1);
    expect((await list({ themeId: ids.transport! })).total).toBe(0);
    expect(await codingProgress(db, q.story!)).toEqual({ answers: 25, coded: 1, notAsked: 0 });
  });

  it('knows an answer’s place among the answers and the next one nobody has coded', async () => {
    expect(await answerPlace(db, q.story!, answers[2]!)).toEqual({ position: 3, total: 25, previousId: answers[1], nextId: answers[3] });
    expect(await answerPlace(db, q.story!, answers[0]!)).toMatchObject({ position: 1, previousId: null });
    expect(await nextUncodedAnswer(db, q.story!)).toBe(answers[1]);
    await saveCoding(db, actor, { consultationId, questionId: q.story!, answerId: answers[1]!, coderId: bob, themeIds: [] }, at(5));
    expect(await nextUncodedAnswer(db, q.story!, answers[0]!)).toBe(answers[2]);
    // After the last, it starts again from the beginning.
    expect(await nextUncodedAnswer(db, q.story!, answers[24]!)).toBe(answers[2]);
  });

  it('makes double-coding samples that always hold the same random answers, and reports agreement', async () => {
    const pool = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    expect(chooseSample(3, pool, 4)).toEqual(chooseSample(3, [...pool].reverse(), 4));
    expect(chooseSample(3, pool, 4)).not.toEqual(chooseSample(4, pool, 4));
    expect(chooseSample(3, pool, 40)).toEqual(pool);

    const sample = await createSample(db, actor, { consultationId, questionId: q.story!, name: 'Pilot', size: 6, pool: 'uncoded' });
    if (!sample.ok) throw new Error('no sample');
    const chosen = await sampleAnswerIds(db, sample.id);
    expect(chosen).toHaveLength(6);
    expect(chosen).toEqual(chooseSample(sample.id, answers.slice(2), 6));
    // Uncoded only: the two coded answers are never in it.
    expect(chosen).not.toContain(answers[0]);
    expect(chosen).not.toContain(answers[1]);
    const big = await createSample(db, actor, { consultationId, questionId: q.story!, name: 'All', size: 500, pool: 'any' });
    expect(big).toMatchObject({ ok: true, size: 25 });
    expect(await createSample(db, actor, { consultationId, questionId: q.short!, name: 'Empty', size: 5, pool: 'any' })).toEqual({
      ok: false,
      error: 'coding:sampleEmpty',
    });
    expect((await audit('coding_sample.create')).map((a) => a.summary)).toEqual([
      'Made the double-coding sample "Pilot" of 6 answers',
      'Made the double-coding sample "All" of 25 answers',
    ]);

    // Ann and Bob code four of the six; they agree on the money theme, not on transport.
    const plan: [number, number[], number[]][] = [
      [chosen[0]!, [ids.money!], [ids.money!]],
      [chosen[1]!, [ids.money!, ids.transport!], [ids.money!]],
      [chosen[2]!, [], [ids.transport!]],
      [chosen[3]!, [ids.transport!], [ids.transport!]],
    ];
    for (const [answerId, annThemes, bobThemes] of plan) {
      await saveCoding(db, actor, { consultationId, questionId: q.story!, answerId, coderId: ann, themeIds: annThemes }, at(10));
      await saveCoding(db, actor, { consultationId, questionId: q.story!, answerId, coderId: bob, themeIds: bobThemes }, at(11));
    }
    await saveCoding(db, actor, { consultationId, questionId: q.story!, answerId: chosen[4]!, coderId: ann, themeIds: [] }, at(12));
    const themeIds = (await listCodebook(db, consultationId)).map((t) => t.id);
    const report = await sampleReport(db, sample.id, themeIds);
    expect(report.coders.map((c) => [c.name, c.coded])).toEqual([
      ['Ann', 5],
      ['Bob', 4],
    ]);
    const [pair] = report.pairs;
    expect(pair!.answers).toBe(4);
    // As in agreement-report.test.ts: 12 decisions (4 answers x 3 themes), 10 agree; each ticks 4 -> chance (4/12)^2 + (8/12)^2 = 5/9.
    expect(pair!.overall!.kappa).toBeCloseTo((10 / 12 - 5 / 9) / (1 - 5 / 9), 12);
    const perTheme = Object.fromEntries(pair!.perTheme.map((t) => [t.themeId, t.agreement?.kappa ?? null]));
    expect(perTheme[ids.money!]).toBe(1);
    expect(perTheme[ids.transport!]).toBe(0);
    expect(perTheme[ids.parks!]).toBeNull();
  });
});
