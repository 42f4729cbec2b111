import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createTestDb } from '../../tests/db';
import { comparable, summariseBySql } from '../../tests/sql-summary';
import { lastChangeSeq } from '~/platform/change-log.server';
import { COMMAND_LINE } from '~/platform/audit.server';
import { eraseResponseNow } from '~/responses/erasure/erase.server';
import { buildConsultationIndex } from './index/build.server';
import { catchUpIndex } from './index/catch-up.server';
import { appendResponse, eraseRow, reviveIndex, type ConsultationIndex } from './index/consultation-index';
import { DIMENSIONS } from './dimensions';
import { loadSnapshot, saveSnapshot, takeSnapshot } from './index/snapshot.server';
import { analysisIndex } from './indexes.server';
import { buildResults, type QuestionLabel } from './results';
import { resultRows } from './results-model';
import { summariseCodedThemes } from './coded-themes.server';
import { summarise, type Summary } from './summarise';
import { createRoutedFixture, storeCrowd, type RoutedFixture } from './routed.fixture';
import { deserialize } from 'node:v8';
import { findConsultation } from '~/consultations/find.server';
import type { CellValue } from '~/exports/cells';
import { NOT_ASKED } from '~/exports/responses-columns';
import { responsesSource } from '~/exports/responses.server';
import { SUMMARY_COLUMNS, summaryRows } from '~/exports/summary';

// "Not asked" is not "no answer" (issue 17): a question a person's own route passed by is
// counted apart, in the index however it was filled (build, append, catch-up, snapshot) and
// after an erasure, and the base of every percentage is those asked who answered.

let db: Db;
let destroy: () => Promise<void>;
let f: RoutedFixture;
let ids: number[];

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  f = await createRoutedFixture(db);
  ids = await storeCrowd(f);
});
afterAll(() => destroy());

const question = (summary: Summary, key: string) => summary.total.questions.find((q) => q.key === key)!;
const figures = (summary: Summary, key: string) => {
  const q = question(summary, key);
  return { responses: summary.total.responses, notAsked: q.notAsked, noAnswer: q.noAnswer, base: q.base };
};

async function expectSameAsDatabase(index: ConsultationIndex) {
  for (const request of [{}, { breakdown: 'ward' as const }, { filter: { channel: ['online'] }, breakdown: 'ageBand' as const }]) {
    expect(comparable(summarise(index, request))).toEqual(await summariseBySql(db, f.consultationId, request));
  }
}

describe('not asked, in the summary index', () => {
  it('is filled from the not_asked rows at build, apart from "no answer", and out of the base', async () => {
    const index = await buildConsultationIndex(db, f.consultationId);
    const summary = summarise(index);
    expect(figures(summary, 'size')).toEqual({ responses: 40, notAsked: 16, noAnswer: 3, base: 21 });
    // A question everyone was asked has nobody not asked.
    expect(figures(summary, 'like')).toEqual({ responses: 40, notAsked: 0, noAnswer: 0, base: 40 });
    await expectSameAsDatabase(index);
  });

  it('is counted per group of a breakdown and under a filter', async () => {
    const index = await buildConsultationIndex(db, f.consultationId);
    const filtered = summarise(index, { filter: { channel: ['online'] }, breakdown: 'ward' });
    const group = filtered.breakdown!.groups.find((g) => g.value === 'E05000784')!;
    expect(group.counts.questions.find((q) => q.key === 'size')).toMatchObject({ notAsked: 16, noAnswer: 3, base: 21 });
  });

  it('follows a response stored after the build (the in-process append) and read from the log (catch-up)', async () => {
    const index = await analysisIndex(db, f.consultationId);
    const built = await buildConsultationIndex(db, f.consultationId);
    const at = { seq: await lastChangeSeq(db), statusSeq: new Map<number, number>() };
    ids.push(await f.store({ runs: 'no', like: 'agree' }));
    ids.push(await f.store({ runs: 'yes', like: 'agree' }));
    expect(figures(summarise(index), 'size')).toEqual({ responses: 42, notAsked: 17, noAnswer: 4, base: 21 });
    await expectSameAsDatabase(index);
    await catchUpIndex(db, built, at);
    expect(figures(summarise(built), 'size')).toEqual({ responses: 42, notAsked: 17, noAnswer: 4, base: 21 });
  });

  it('survives a snapshot, and a snapshot saved before routing loads as nobody not asked', async () => {
    const index = await buildConsultationIndex(db, f.consultationId);
    await saveSnapshot(db, f.consultationId, takeSnapshot(index), { seq: 1, stamp: 'routed' });
    const loaded = await loadSnapshot(db, f.consultationId, 'routed');
    expect(figures(summarise(loaded!.index), 'size')).toEqual(figures(summarise(index), 'size'));

    // An index as saved before routing: no "skipped" column, no not-asked totals.
    const old = deserialize(takeSnapshot(index)) as ConsultationIndex;
    for (const c of old.questions) delete (c as { skipped?: unknown }).skipped;
    for (const d of DIMENSIONS) for (const t of old.rollups[d].tallies) delete (t as { notAsked?: unknown }).notAsked;
    const revived = reviveIndex(old);
    expect(question(summarise(revived), 'size').notAsked).toBe(0);
    expect(question(summarise(revived, { filter: { channel: ['online'] } }), 'size').notAsked).toBe(0);
    // And it keeps working: a routed response appended later is counted.
    appendResponse(revived, { id: 999_999, channel: 'online', respondent_group: 'resident', locale: 'en', answers: [], notAsked: [f.q.size] });
    expect(question(summarise(revived), 'size').notAsked).toBe(1);
  });

  it('leaves the counts with an erased response, and the not_asked rows leave the database', async () => {
    const index = await buildConsultationIndex(db, f.consultationId);
    const before = question(summarise(index), 'size').notAsked;
    const someone = ids[30]!; // one who does not run a business
    expect(await db.selectFrom('not_asked').select('question_id').where('response_id', '=', someone).execute()).toHaveLength(2);
    eraseRow(index, someone);
    expect(question(summarise(index), 'size').notAsked).toBe(before - 1);
    expect(question(summarise(index, { filter: { channel: ['online'] } }), 'size').notAsked).toBe(before - 1);

    await eraseResponseNow(db, { responseId: someone, reason: 'request', actor: COMMAND_LINE });
    expect(await db.selectFrom('not_asked').select('question_id').where('response_id', '=', someone).execute()).toEqual([]);
    const rebuilt = await buildConsultationIndex(db, f.consultationId);
    expect(question(summarise(rebuilt), 'size').notAsked).toBe(before - 1);
    await expectSameAsDatabase(rebuilt);
  });
});

describe('not asked, in the figures', () => {
  const labels = async () => {
    const rows = await db
      .selectFrom('questions')
      .select(['id', 'key', 'text', 'kind'])
      .where('consultation_id', '=', f.consultationId)
      .orderBy('position')
      .execute();
    return rows.map((q): QuestionLabel => ({ id: q.id, key: q.key, text: q.text, kind: q.kind, hidden: false, youthOnly: false, options: new Map() }));
  };

  it('bases the percentages on those asked who answered, and says how many were not asked', async () => {
    const index = await buildConsultationIndex(db, f.consultationId);
    const summary = summarise(index);
    const { notAsked, noAnswer, base, responses } = figures(summary, 'size');
    const model = buildResults({
      consultation: { id: f.consultationId, slug: 'routed', title: 'Routed' },
      threshold: 3,
      summary,
      questions: await labels(),
      breakdown: null,
      groupLabel: () => 'All',
      filter: [],
      labels: { all: 'All', noAnswer: 'No answer' },
    });
    const size = model.questions.find((q) => q.key === 'size')!;
    const all = size.columns[0]!;
    expect(size.routed).toBe(true);
    expect(all.notAsked).toEqual({ suppressed: false, value: notAsked });
    expect(all.noAnswer).toEqual({ suppressed: false, value: noAnswer });
    expect(all.base).toEqual({ suppressed: false, value: base });
    expect(base).toBe(responses - notAsked - noAnswer);
    const small = size.rows.find((r) => r.key === 'small')!.cells[0]!;
    expect(small.suppressed ? null : small.percent).toBeCloseTo((15 / base) * 100, 6);
    // The export rows carry it too, per question and group.
    const rows = resultRows(model).filter((r) => r.question_key === 'size');
    expect(new Set(rows.map((r) => r.not_asked))).toEqual(new Set([notAsked]));
    expect(
      resultRows(model)
        .filter((r) => r.question_key === 'like')
        .every((r) => r.not_asked === 0),
    ).toBe(true);
  });

  it('hides a small "not asked" as it hides a small "no answer"', async () => {
    const index = await buildConsultationIndex(db, f.consultationId);
    // Only the people of one small ward: 2 of them not asked.
    const summary = summarise(index, { breakdown: 'ward' });
    const model = buildResults({
      consultation: { id: f.consultationId, slug: 'routed', title: 'Routed' },
      threshold: 20,
      summary,
      questions: await labels(),
      breakdown: { dimension: 'ward', label: 'Ward' },
      groupLabel: (v) => String(v),
      filter: [],
      labels: { all: 'All', noAnswer: 'No answer' },
    });
    const size = model.questions.find((q) => q.key === 'size')!;
    // 15 or 16 not asked is under 20: hidden, and so is the base it would give away.
    for (const column of size.columns) {
      expect(column.notAsked.suppressed).toBe(true);
      expect(column.base.suppressed).toBe(true);
    }
  });

  it('leaves those not asked a free-text question out of its coded themes', async () => {
    const now = new Date().toISOString();
    const { id: coder } = await db
      .insertInto('users')
      .values({ email: 'coder@example.test', role: 'officer', status: 'active', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: theme } = await db
      .insertInto('codebook_themes')
      .values({ consultation_id: f.consultationId, key: 'trade', name: 'Trade', position: 1, priority_id: null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stories = await db.selectFrom('answers').select(['id', 'response_id']).where('question_id', '=', f.q.story).execute();
    for (const a of stories) {
      await db
        .insertInto('codings')
        .values({ answer_id: a.id, coder_id: coder, coded_at: now, question_id: f.q.story, consultation_id: f.consultationId })
        .execute();
      await db.insertInto('coding_themes').values({ answer_id: a.id, coder_id: coder, theme_id: theme }).execute();
    }
    const index = await buildConsultationIndex(db, f.consultationId);
    const { summary } = await summariseCodedThemes(db, index, {});
    const story = question(summary, 'story');
    const notAsked = await db.selectFrom('not_asked').select('response_id').where('question_id', '=', f.q.story).execute();
    expect(story.base).toBe(stories.length);
    expect(story.notAsked).toBe(notAsked.length);
    expect(story.noAnswer).toBe(summary.total.responses - stories.length - notAsked.length);
  });
});

describe('not asked, in the exports', () => {
  it('marks a routed-past question "not asked" in the responses export, never a blank', async () => {
    const consultation = (await findConsultation(db, f.consultationId))!;
    const source = await responsesSource(db, consultation, 'en');
    const keys = source.columns.map((c) => c.key);
    const rows: CellValue[][] = [];
    for await (const page of source.pages()) rows.push(...page);
    const sizeAt = keys.indexOf('size');
    const storyAt = keys.indexOf('story');
    const notAsked = await db.selectFrom('not_asked').select('response_id').where('question_id', '=', f.q.size).execute();
    expect(rows.filter((r) => r[sizeAt] === NOT_ASKED)).toHaveLength(notAsked.length);
    expect(rows.filter((r) => r[storyAt] === NOT_ASKED)).toHaveLength(notAsked.length);
    // Those asked who said nothing are blanks.
    expect(rows.filter((r) => r[sizeAt] === null).length).toBeGreaterThan(0);
  });

  it('gives the summary export a not_asked count per question and group', async () => {
    const index = await buildConsultationIndex(db, f.consultationId);
    const summary = summarise(index);
    const model = buildResults({
      consultation: { id: f.consultationId, slug: 'routed', title: 'Routed' },
      threshold: 3,
      summary,
      questions: (await db.selectFrom('questions').select(['id', 'key', 'text', 'kind']).where('consultation_id', '=', f.consultationId).execute()).map(
        (x): QuestionLabel => ({ ...x, hidden: false, youthOnly: false, options: new Map() }),
      ),
      breakdown: null,
      groupLabel: () => 'All',
      filter: [],
      labels: { all: 'All', noAnswer: 'No answer' },
    });
    const rows = summaryRows(model);
    expect(rows.filter((r) => r.question_key === 'size').map((r) => r.not_asked)).toEqual(
      rows.filter((r) => r.question_key === 'size').map(() => question(summary, 'size').notAsked),
    );
    expect(SUMMARY_COLUMNS).toContain('not_asked');
  });
});
