import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createRandom, int, pick } from '#db/seed/random';
import { seedWards } from '#db/seed/wards';
import { buildConsultationIndex } from './index/build.server';
import { DIMENSIONS, type Dimension } from './dimensions';
import { summarise, type Filter, type SummaryRequest } from './summarise';
import { addCoder, addResponse, questionIds } from '../../tests/coding';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { createCodebookTheme } from '~/coding/codebook.server';
import { saveCoding } from '~/coding/codings.server';
import { summariseCodedThemes } from './coded-themes.server';

// summariseCodedThemes against a hand-made set, then against random codings compared with a
// straightforward recomputation from the rows as stored (no index, no shared code).

const actor = { userId: null, label: 'officer@stockport.gov.uk' };
const WARDS = ['E05000779', 'E05000780', 'E05000790'];
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));

describe('coded themes summarised like a closed question', () => {
  let db: Db;
  let destroy: () => Promise<void>;
  let consultationId: number;
  let q: Record<string, number>;
  let themes: number[];
  let coders: number[];

  beforeAll(async () => {
    ({ db, destroy } = await createTestDb());
    await seedWards(db);
    consultationId = await createConsultation(db, {
      sections: [
        {
          key: 's',
          questions: [
            { key: 'pick', kind: 'yes_no' },
            { key: 'story', kind: 'long_text' },
            { key: 'words', kind: 'short_text' },
          ],
        },
      ],
    });
    q = await questionIds(db, consultationId);
    themes = [];
    for (const name of ['Transport', 'Parks', 'Money']) {
      const made = await createCodebookTheme(db, actor, consultationId, { name, description: '', priorityId: null, keywords: '' });
      if (made.ok) themes.push(made.id);
    }
    coders = [await addCoder(db, 'Ann'), await addCoder(db, 'Bob'), await addCoder(db, 'Cat')];
  });
  afterAll(() => destroy());

  const code = (answerId: number, questionId: number, coder: number, themeIds: number[], minute: number) =>
    saveCoding(db, actor, { consultationId, questionId, answerId, coderId: coder, themeIds }, at(minute));

  it('counts the most recent coding of each answer, in the base and by theme, with the rest as "no answer"', async () => {
    const [transport, parks, money] = themes as [number, number, number];
    const [ann, bob] = coders as [number, number];
    const r1 = await addResponse(db, consultationId, { channel: 'online', ward: WARDS[0], texts: { [q.story!]: 'More buses please' } });
    const r2 = await addResponse(db, consultationId, { channel: 'paper', ward: WARDS[1], texts: { [q.story!]: 'The parks and the bills' } });
    const r3 = await addResponse(db, consultationId, { channel: 'paper', ward: null, texts: { [q.story!]: 'Nothing to add' } });
    await addResponse(db, consultationId, { channel: 'online', ward: WARDS[0], texts: { [q.story!]: 'Not coded yet' } });
    await addResponse(db, consultationId, { channel: 'online', ward: WARDS[2] });
    const spam = await addResponse(db, consultationId, { channel: 'online', status: 'spam', texts: { [q.story!]: 'Buy pills' } });

    await code(r1.answers[q.story!]!, q.story!, ann, [parks], 1);
    // Bob codes it later: his coding counts, Ann's no longer does.
    await code(r1.answers[q.story!]!, q.story!, bob, [transport], 2);
    await code(r2.answers[q.story!]!, q.story!, bob, [parks, money], 3);
    // Coded as fitting no theme: in the base, in no theme.
    await code(r3.answers[q.story!]!, q.story!, ann, [], 4);
    await code(spam.answers[q.story!]!, q.story!, ann, [money], 5);

    const index = await buildConsultationIndex(db, consultationId);
    const { summary, themes: listed } = await summariseCodedThemes(db, index, {});
    expect(listed.map((t) => t.name)).toEqual(['Transport', 'Parks', 'Money']);
    expect(summary.total.responses).toBe(5);
    // Only the coded question appears, shaped as a multiple choice of the themes.
    expect(summary.total.questions).toHaveLength(1);
    const story = summary.total.questions[0]!;
    expect(story).toMatchObject({ questionId: q.story, key: 'story', kind: 'multiple_choice', base: 3, noAnswer: 2 });
    expect(story.options.map((o) => [o.optionId, o.count])).toEqual([
      [transport, 1],
      [parks, 1],
      [money, 1],
    ]);

    // Ann looks again after Bob: now hers counts.
    await code(r1.answers[q.story!]!, q.story!, ann, [parks, money], 6);
    const again = (await summariseCodedThemes(db, index, {})).summary.total.questions[0]!;
    expect(again.options.map((o) => o.count)).toEqual([0, 2, 2]);

    const byChannel = await summariseCodedThemes(db, index, { breakdown: 'channel' });
    expect(
      byChannel.summary.breakdown!.groups.map((g) => [
        g.value,
        g.counts.responses,
        g.counts.questions[0]!.base,
        g.counts.questions[0]!.options.map((o) => o.count),
      ]),
    ).toEqual([
      ['online', 3, 1, [0, 1, 1]],
      ['paper', 2, 2, [0, 1, 1]],
    ]);
    const paperInWard = await summariseCodedThemes(db, index, { filter: { channel: ['paper'], ward: [WARDS[1]!] } });
    expect(paperInWard.summary.total.responses).toBe(1);
    expect(paperInWard.summary.total.questions[0]).toMatchObject({ base: 1, noAnswer: 0 });

    // Excluding r2 takes it out of every figure; restoring brings it back.
    await db.updateTable('responses').set({ status: 'duplicate' }).where('id', '=', r2.id).execute();
    const without = (await summariseCodedThemes(db, await buildConsultationIndex(db, consultationId), {})).summary.total;
    expect(without.responses).toBe(4);
    expect(without.questions[0]).toMatchObject({ base: 2, noAnswer: 2 });
    expect(without.questions[0]!.options.map((o) => o.count)).toEqual([0, 1, 1]);
    await db.updateTable('responses').set({ status: 'counted' }).where('id', '=', r2.id).execute();
  });

  it('matches a straightforward recomputation on random codings, for random filters and breakdowns', async () => {
    const random = createRandom(7);
    const channels = ['online', 'paper', 'workshop'];
    for (let i = 0; i < 120; i++) {
      const texts: Record<number, string> = {};
      if (random() < 0.8) texts[q.story!] = `story ${i}`;
      if (random() < 0.5) texts[q.words!] = `words ${i}`;
      const made = await addResponse(db, consultationId, {
        channel: pick(random, channels),
        ward: random() < 0.2 ? null : pick(random, WARDS),
        locale: pick(random, ['en', 'pl', 'ur']),
        status: random() < 0.1 ? 'spam' : 'counted',
        texts,
      });
      for (const [questionId, answerId] of Object.entries(made.answers)) {
        const times = random() < 0.3 ? 0 : int(random, 1, 3);
        for (let k = 0; k < times; k++) {
          const chosen = themes.filter(() => random() < 0.4);
          await code(answerId, Number(questionId), pick(random, coders), chosen, 10 + int(random, 0, 40));
        }
      }
    }
    const index = await buildConsultationIndex(db, consultationId);
    const expected = await recompute(db, consultationId, themes);
    const requests: SummaryRequest[] = [
      {},
      { breakdown: 'channel' },
      { breakdown: 'areaCommittee' },
      { filter: { channel: ['online', 'workshop'] }, breakdown: 'ward' },
    ];
    for (let k = 0; k < 8; k++) {
      const filter: Filter = {};
      if (random() < 0.6) filter.channel = channels.filter(() => random() < 0.6);
      if (random() < 0.6) filter.ward = [...WARDS, null].filter(() => random() < 0.5);
      if (random() < 0.4) filter.locale = ['pl', 'ur'];
      requests.push({ filter, breakdown: random() < 0.5 ? pick(random, ['channel', 'locale', 'ward'] as Dimension[]) : undefined });
    }
    for (const request of requests) {
      const { summary } = await summariseCodedThemes(db, index, request);
      expect(summary.total, JSON.stringify(request)).toEqual(expected(request, 'all'));
      for (const group of summary.breakdown?.groups ?? [])
        expect(group.counts, `${JSON.stringify(request)} ${group.value}`).toEqual(expected(request, group.value));
      if (request.breakdown) expect(summary.breakdown!.groups.reduce((n, g) => n + g.counts.responses, 0)).toBe(summary.total.responses);
      // The results page hands over its closed-question summary for the group sizes: same figures.
      expect((await summariseCodedThemes(db, index, request, summarise(index, request))).summary, JSON.stringify(request)).toEqual(summary);
    }
  });
});

/** The summary worked out directly from the stored rows: every response, answer and coding read back. */
async function recompute(db: Db, consultationId: number, themeIds: number[]) {
  const responses = await db.selectFrom('responses').selectAll().where('consultation_id', '=', consultationId).where('status', '=', 'counted').execute();
  const wards = new Map((await db.selectFrom('wards').select(['code', 'area_committee']).execute()).map((w) => [w.code, w.area_committee]));
  const questions = await db
    .selectFrom('questions')
    .select(['id', 'key'])
    .where('consultation_id', '=', consultationId)
    .where('kind', 'in', ['short_text', 'long_text'])
    .orderBy('position')
    .execute();
  const codings = await db
    .selectFrom('codings')
    .innerJoin('answers', 'answers.id', 'codings.answer_id')
    .select(['codings.answer_id', 'codings.coder_id', 'codings.coded_at', 'codings.question_id', 'answers.response_id'])
    .execute();
  const ticks = await db.selectFrom('coding_themes').selectAll().execute();
  const themes = await db.selectFrom('codebook_themes').select(['id', 'key']).where('id', 'in', themeIds).orderBy('position').execute();
  const latest = new Map<number, (typeof codings)[number]>();
  for (const c of codings) {
    const best = latest.get(c.answer_id);
    if (!best || c.coded_at > best.coded_at || (c.coded_at === best.coded_at && c.coder_id > best.coder_id)) latest.set(c.answer_id, c);
  }
  const valueOf = (r: (typeof responses)[number], d: Dimension): string | null => {
    const values: Partial<Record<Dimension, string | null>> = {
      channel: r.channel,
      ward: r.ward_code,
      locale: r.locale,
      areaCommittee: r.ward_code ? (wards.get(r.ward_code) ?? null) : null,
    };
    return values[d] ?? null;
  };
  const codedQuestions = questions.filter((qn) => codings.some((c) => c.question_id === qn.id));
  /** The counts of everyone in the filtered set ('all'), or of one group of the breakdown. */
  return (request: SummaryRequest, group: string | null | 'all') => {
    const set = responses.filter((r) => {
      for (const d of DIMENSIONS) {
        const allowed = request.filter?.[d];
        if (allowed && !allowed.includes(valueOf(r, d))) return false;
      }
      return group === 'all' || valueOf(r, request.breakdown!) === group;
    });
    const ids = new Set(set.map((r) => r.id));
    return {
      responses: set.length,
      questions: codedQuestions.map((qn) => {
        const counting = [...latest.values()].filter((c) => c.question_id === qn.id && ids.has(c.response_id));
        const themed = (themeId: number) =>
          counting.filter((c) => ticks.some((t) => t.answer_id === c.answer_id && t.coder_id === c.coder_id && t.theme_id === themeId)).length;
        return {
          questionId: qn.id,
          key: qn.key,
          kind: 'multiple_choice',
          base: counting.length,
          noAnswer: set.length - counting.length,
          notAsked: 0, // no routing in this consultation
          options: themes.map((t) => ({ optionId: t.id, key: t.key, count: themed(t.id) })),
        };
      }),
    };
  };
}
