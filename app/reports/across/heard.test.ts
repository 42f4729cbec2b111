import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { User } from '#db/schema';
import type { Cell } from '~/analysis/disclosure';
import { actorOf } from '~/platform/audit.server';
import { insertActiveUser } from '~/auth/users.server';
import { createTestDb } from '../../../tests/db';
import { createConsultation } from '../../../tests/factories';
import { addAnswer, addCodebookTheme, addFrameworkTheme, addPriority, code, linkPriority, questionIdOf } from '../../../tests/quotes';
import { findHeardPriority, findHeardTheme, listHeardFramework } from './framework.server';
import { countHeardAbout, heardAbout } from './heard.server';
import { pickQuote } from '~/publishing/quotes/picking.server';

// The across-consultations figures against a straightforward recomputation from the rows the
// test wrote, on random data with small groups, and the small groups hidden.

let db: Db;
let destroy: () => Promise<void>;
let coders: User[];
let climate: number;
let health: number;
let unrelated: number;
const THRESHOLD = 10;

// A small seeded generator, so a failure can be replayed.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Written {
  consultationId: number;
  opensAt: string;
  responses: { counted: boolean; answers: { id: number; codings: { coder: number; themes: number[] }[] }[] }[];
  themes: { id: number; priorityId: number | null }[];
}
const written: Written[] = [];

async function writeConsultation(rand: () => number, opensAt: string, priorities: number[], themeLinks: (number | null)[], size: number): Promise<Written> {
  const consultationId = await createConsultation(db, {
    status: 'closed',
    opensAt,
    closesAt: opensAt.replace(/-01T/, '-28T'),
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
  for (const p of priorities) await linkPriority(db, consultationId, p);
  const questions = [await questionIdOf(db, consultationId, 'story'), await questionIdOf(db, consultationId, 'idea')];
  const themes = [];
  for (const [i, priorityId] of themeLinks.entries())
    themes.push({ id: await addCodebookTheme(db, consultationId, `Theme ${i} of ${opensAt.slice(0, 7)}`, priorityId), priorityId });
  const record: Written = { consultationId, opensAt, responses: [], themes };
  for (let r = 0; r < size; r++) {
    const counted = rand() > 0.1;
    const response: Written['responses'][number] = { counted, answers: [] };
    const first = await addAnswer(db, consultationId, questions[0]!, `Answer ${r}`, { status: counted ? 'counted' : 'spam' });
    const answers = [first.answerId];
    if (rand() < 0.5) {
      const { id } = await db
        .insertInto('answers')
        .values({ response_id: first.responseId, question_id: questions[1]!, value_text: `Idea ${r}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      answers.push(id);
    }
    for (const answerId of answers) {
      const codings: Written['responses'][number]['answers'][number]['codings'] = [];
      for (const coder of coders) {
        if (rand() < (coder === coders[0] ? 0.7 : 0.2)) {
          const chosen = themes.filter(() => rand() < 0.35).map((t) => t.id);
          await code(db, answerId, coder.id, chosen);
          codings.push({ coder: coder.id, themes: chosen });
        }
      }
      response.answers.push({ id: answerId, codings });
    }
    record.responses.push(response);
  }
  written.push(record);
  return record;
}

/** What the view should say, worked out from the rows written, without SQL. */
function recompute(priorityIds: number[]) {
  return written
    .filter((w) => linked.get(w.consultationId)?.some((p) => priorityIds.includes(p)))
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt))
    .map((w) => {
      const counted = w.responses.filter((r) => r.counted);
      const codedAnswers = counted.flatMap((r) => r.answers).filter((a) => a.codings.length > 0);
      return {
        id: w.consultationId,
        responses: counted.length,
        codedAnswers: codedAnswers.length,
        themes: w.themes
          .filter((t) => t.priorityId !== null && priorityIds.includes(t.priorityId))
          .map((t) => ({ id: t.id, mentions: codedAnswers.filter((a) => a.codings.some((c) => c.themes.includes(t.id))).length })),
      };
    });
}
const linked = new Map<number, number[]>();

const value = (cell: Cell) => (cell.kind === 'shown' ? cell.value : undefined);
const small = (n: number) => n > 0 && n < THRESHOLD;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  coders = [
    await insertActiveUser(db, { email: 'coder1@stockport.gov.uk', role: 'officer', password: 'correct horse battery staple' }),
    await insertActiveUser(db, { email: 'coder2@stockport.gov.uk', role: 'officer', password: 'correct horse battery staple' }),
  ];
  const framework = await addFrameworkTheme(db, 'One Home');
  climate = await addPriority(db, framework, 'A climate friendly Stockport');
  health = await addPriority(db, framework, 'A healthy and happy Stockport');
  unrelated = await addPriority(db, await addFrameworkTheme(db, 'One Future'), 'A radically digital Stockport');
  const rand = random(2020);
  const plans: [string, number[], (number | null)[], number][] = [
    ['2026-03-01T09:00:00.000Z', [climate, health], [climate, health, null, climate], 90],
    ['2024-06-01T09:00:00.000Z', [climate], [climate, climate], 40],
    ['2025-01-01T09:00:00.000Z', [health], [health], 14],
    ['2025-09-01T09:00:00.000Z', [climate], [climate], 6],
    ['2025-05-01T09:00:00.000Z', [unrelated], [unrelated], 12],
  ];
  for (const [opensAt, priorities, themes, size] of plans) {
    const w = await writeConsultation(rand, opensAt, priorities, themes, size);
    linked.set(w.consultationId, priorities);
  }
  // A draft linked to climate has heard nothing yet: it is left out.
  const draft = await createConsultation(db, { status: 'draft' });
  await linkPriority(db, draft, climate);
});
afterAll(() => destroy());

describe('what was heard about a priority, across consultations', () => {
  it('counts responses, coded answers and mentions exactly as a straightforward recomputation, in date order', async () => {
    for (const priorities of [[climate], [health], [climate, health], [unrelated]]) {
      const counts = await countHeardAbout(db, priorities);
      expect(
        counts.map(({ id, responses, codedAnswers, themes }) => ({
          id,
          responses,
          codedAnswers,
          themes: themes.map(({ id: themeId, mentions }) => ({ id: themeId, mentions })),
        })),
      ).toEqual(recompute(priorities));
    }
    const climateCounts = await countHeardAbout(db, [climate]);
    expect(climateCounts.map((c) => c.opensAt)).toEqual(['2024-06-01T09:00:00.000Z', '2025-09-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z']);
    expect(climateCounts.every((c) => c.status === 'closed')).toBe(true);
  });

  it('shows a figure only when neither it nor its complement describes fewer than the threshold, with shares of the coded answers', async () => {
    const { consultations } = await heardAbout(db, [climate, health], 'en', THRESHOLD);
    const expected = recompute([climate, health]);
    let hidden = 0;
    let shownShares = 0;
    for (const [i, c] of consultations.entries()) {
      const want = expected[i]!;
      expect(value(c.responses)).toBe(small(want.responses) ? undefined : want.responses);
      expect(value(c.codedAnswers)).toBe(small(want.codedAnswers) ? undefined : want.codedAnswers);
      for (const [j, theme] of c.themes.entries()) {
        const m = want.themes[j]!.mentions;
        const base = want.codedAnswers;
        const visible = !small(base) && !small(m) && !small(base - m);
        expect(value(theme.mentions), `theme ${theme.id}: ${m} of ${base}`).toBe(visible ? m : undefined);
        if (!visible) {
          hidden++;
          // A hidden figure carries nothing that could be printed by mistake.
          expect(theme.mentions).toEqual({ kind: 'suppressed' });
          expect(theme.share).toEqual({ kind: 'suppressed' });
        } else if (base > 0) {
          shownShares++;
          expect(theme.share.kind === 'shown' && theme.share.proportion).toBeCloseTo(m / base, 10);
        }
      }
    }
    // The data has both: small groups to hide and large ones to show.
    expect(hidden).toBeGreaterThan(0);
    expect(shownShares).toBeGreaterThan(0);
    expect(consultations.some((c) => c.responses.kind === 'suppressed')).toBe(true);
  });

  it('hides a theme when the answers not raising it are a small group', async () => {
    const { consultationId } = written[0]!;
    const theme = await addCodebookTheme(db, consultationId, 'Nearly everyone', climate);
    const record = written[0]!;
    const counted = record.responses
      .filter((r) => r.counted)
      .flatMap((r) => r.answers)
      .filter((a) => a.codings.length > 0);
    // All but 3 of the coded answers raise it, by a coder who already coded them.
    for (const answer of counted.slice(3))
      await db.insertInto('coding_themes').values({ answer_id: answer.id, coder_id: answer.codings[0]!.coder, theme_id: theme }).execute();
    const { consultations } = await heardAbout(db, [climate], 'en', THRESHOLD);
    const shown = consultations.find((c) => c.id === consultationId)!;
    expect(shown.codedAnswers).toEqual({ kind: 'shown', value: counted.length });
    expect(shown.themes.find((t) => t.id === theme)?.mentions).toEqual({ kind: 'suppressed' });
    await db.deleteFrom('codebook_themes').where('id', '=', theme).execute();
  });

  it('brings the quotes picked for the priority or for a codebook theme linked to it', async () => {
    const record = written[0]!;
    const story = await questionIdOf(db, record.consultationId, 'story');
    const consenting = { quote_consent: 1, quote_credit: 'area' } as const;
    const a = await addAnswer(db, record.consultationId, story, 'More trees on every street.', consenting);
    const b = await addAnswer(db, record.consultationId, story, 'Cycle lanes to school.', consenting);
    const c = await addAnswer(db, record.consultationId, story, 'Better GP access.', consenting);
    const actor = actorOf(coders[0]!);
    const forPriority = await pickQuote(db, actor, {
      consultationId: record.consultationId,
      answerId: a.answerId,
      priorityId: climate,
      excerpt: 'More trees on every street.',
    });
    const forTheme = await pickQuote(db, actor, {
      consultationId: record.consultationId,
      answerId: b.answerId,
      themeId: record.themes[0]!.id,
      excerpt: 'Cycle lanes to school.',
    });
    const forHealth = await pickQuote(db, actor, {
      consultationId: record.consultationId,
      answerId: c.answerId,
      themeId: record.themes[1]!.id,
      excerpt: 'Better GP access.',
    });
    const { quotes } = await heardAbout(db, [climate], 'en', THRESHOLD);
    const ids = quotes.map((q) => q.id);
    expect(ids).toContain(forPriority.ok && forPriority.id);
    expect(ids).toContain(forTheme.ok && forTheme.id);
    expect(ids).not.toContain(forHealth.ok && forHealth.id);

    const framework = await listHeardFramework(db, 'en');
    const climateRow = framework.flatMap((t) => t.priorities).find((p) => p.id === climate)!;
    expect(climateRow).toMatchObject({ consultations: 3, quotes: 2 });
  });

  it('finds a priority with its theme, and a theme with its priorities', async () => {
    expect(await findHeardPriority(db, climate, 'en')).toMatchObject({ name: 'A climate friendly Stockport', theme: { name: 'One Home' } });
    expect((await findHeardTheme(db, (await findHeardPriority(db, climate, 'en'))!.theme.id, 'en'))?.priorities.map((p) => p.id)).toEqual([climate, health]);
    expect(await findHeardPriority(db, 999_999, 'en')).toBeUndefined();
  });
});
