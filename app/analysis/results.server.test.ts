import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { createRandom } from '#db/seed/random';
import { seedWards } from '#db/seed/wards';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import { NOT_STATED } from './filters';
import { storeRandomResponses } from '../../tests/random-responses';
import { loadResults } from './results.server';
import { percentBaseOf, type Cell, type Count, type QuestionResult, type ResultsModel } from './results-model';

// The results model built from real responses in a fresh database, against a plain recount of
// the same rows read back with SQL: every figure shown is the true one (with its percentage and
// Wilson interval worked out here from the textbook formula), and every true count from 1 to
// the threshold - 1 is hidden. Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL.

let db: Db;
let destroy: () => Promise<void>;
let consultation: Consultation;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedWards(db);
  const id = await createConsultation(db, {
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['a', 'b', 'c', 'd'] },
          { key: 'many', kind: 'multiple_choice', options: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'] },
          { key: 'agree', kind: 'agree_scale' },
          { key: 'rate', kind: 'rating', ratingMax: 5 },
          { key: 'rank', kind: 'ranking', options: ['r1', 'r2', 'r3', 'r4', 'r5'], rankCount: 3 },
          { key: 'yn', kind: 'yes_no' },
          { key: 'words', kind: 'long_text' },
        ],
      },
      { key: 'young', questions: [{ key: 'young_safe', kind: 'agree_scale' }] },
    ],
  });
  await db.updateTable('sections').set({ audience: 'young_people' }).where('consultation_id', '=', id).where('key', '=', 'young').execute();
  await storeRandomResponses(db, id, 360, createRandom(41));
  consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}, 120_000);
afterAll(() => destroy());

type Row = { id: number; group: string; answers: { question: string; option: string | null; rank: number | null; value: number | null }[] };

/** The counted responses and their answers, straight from the tables. */
async function readRows(breakdown: 'channel' | 'ward_code', filter: { respondent_group?: string }): Promise<Row[]> {
  let responses = db
    .selectFrom('responses')
    .select(['id', 'channel', 'ward_code', 'respondent_group'])
    .where('consultation_id', '=', consultation.id)
    .where('status', '=', 'counted');
  if (filter.respondent_group) responses = responses.where('respondent_group', '=', filter.respondent_group);
  const rows = await responses.execute();
  const answers = await db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .leftJoin('options', 'options.id', 'answers.option_id')
    .select(['answers.response_id', 'questions.key as question', 'options.key as option', 'answers.rank', 'answers.value_number'])
    .where('questions.consultation_id', '=', consultation.id)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    group: r[breakdown] ?? NOT_STATED,
    answers: answers.filter((a) => a.response_id === r.id).map((a) => ({ question: a.question, option: a.option, rank: a.rank, value: a.value_number })),
  }));
}

function wilson(x: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half) * 100, Math.min(1, centre + half) * 100];
}

function expectFigure(shown: Count, truth: number, threshold: number, what: string) {
  if (truth > 0 && truth < threshold) expect(shown, what).toEqual({ suppressed: true });
  if (!shown.suppressed) expect(shown.value, what).toBe(truth);
}

function expectCell(cell: Cell | undefined, truth: number, base: Count, threshold: number, what: string) {
  expect(cell, what).toBeDefined();
  if (truth > 0 && truth < threshold) expect(cell, what).toEqual({ suppressed: true });
  if (!cell || cell.suppressed) return expect(Object.keys(cell ?? {})).toEqual(['suppressed']);
  expect(cell.count, what).toBe(truth);
  if (base.suppressed || base.value === 0) return expect(cell.percent, what).toBeNull();
  const [low, high] = wilson(truth, base.value);
  expect(cell.percent!, what).toBeCloseTo((truth / base.value) * 100, 9);
  expect(cell.ciLow!, what).toBeCloseTo(low, 9);
  expect(cell.ciHigh!, what).toBeCloseTo(high, 9);
}

/** Every figure of every question, column by column, against the rows. */
function compare(model: ResultsModel, rows: Row[], threshold: number) {
  const questions: QuestionResult[] = [...model.questions, ...model.youth];
  expect(questions.map((q) => q.key).sort()).toEqual(['agree', 'many', 'pick', 'rank', 'rate', 'yn', 'young_safe']);
  for (const q of questions) {
    for (const column of q.columns) {
      const inColumn = column.total ? rows : rows.filter((r) => r.group === column.key);
      const answers = inColumn.map((r) => r.answers.filter((a) => a.question === q.key));
      const answered = answers.filter((a) => a.length > 0).length;
      const what = `${q.key} / ${column.key}`;
      expectFigure(column.responses, inColumn.length, threshold, `${what} responses`);
      expectFigure(column.noAnswer, inColumn.length - answered, threshold, `${what} no answer`);
      if (!column.base.suppressed) expect(column.base.value).toBe(answered);
      const j = q.columns.indexOf(column);
      for (const row of q.rows) {
        const chose = answers.filter((a) => a.some((x) => (x.option ?? String(x.value)) === row.key)).length;
        expectCell(row.cells[j], chose, percentBaseOf(column), threshold, `${what} ${row.key}`);
      }
      for (const r of q.ranking ?? []) {
        const ranks = answers.flatMap((a) => a.filter((x) => x.option === r.key).map((x) => x.rank ?? 0));
        expectCell(r.first[j], ranks.filter((k) => k === 1).length, percentBaseOf(column), threshold, `${what} ${r.key} first`);
        expectCell(r.top3[j], ranks.filter((k) => k <= 3).length, percentBaseOf(column), threshold, `${what} ${r.key} top 3`);
        const mean = r.meanRank[j]!;
        if (!mean.suppressed && ranks.length > 0) expect(mean.value!).toBeCloseTo(ranks.reduce((a, b) => a + b, 0) / ranks.length, 9);
      }
    }
  }
  expect(questions.find((q) => q.key === 'rank')!.ranking).toHaveLength(5);
}

describe('the results of real responses', () => {
  it('match a recount of the stored rows, by channel, for everyone', async () => {
    const outcome = await loadResults(db, consultation, 'en', new URLSearchParams('breakdown=channel'), 10);
    if (!outcome.ok) throw new Error('expected figures');
    const rows = await readRows('channel', {});
    expect(outcome.model.responses).toEqual({ suppressed: false, value: rows.length });
    expect(outcome.model.youth.map((q) => q.key)).toEqual(['young_safe']);
    compare(outcome.model, rows, 10);
    // The random data has a channel nobody lists ("carrier_pigeon"), a group of its own.
    expect(outcome.model.questions[0]!.columns.map((c) => c.key)).toContain('carrier_pigeon');
    const hidden = outcome.model.questions.flatMap((q) => q.rows.flatMap((r) => r.cells)).filter((c) => c.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
  });

  it('match a recount by ward for one respondent group, at two thresholds', async () => {
    const rows = await readRows('ward_code', { respondent_group: 'young_person' });
    for (const threshold of [10, 3]) {
      const outcome = await loadResults(db, consultation, 'pl', new URLSearchParams('breakdown=ward&respondentGroup=young_person'), threshold);
      if (!outcome.ok) throw new Error('expected figures');
      expect(outcome.model.filter).toEqual([
        { dimension: 'respondentGroup', label: 'Grupa respondentów', values: [{ key: 'young_person', label: 'Młoda osoba' }] },
      ]);
      compare(outcome.model, rows, threshold);
    }
  });

  it('names the groups and answers in the reader’s language', async () => {
    const outcome = await loadResults(db, consultation, 'ur', new URLSearchParams('breakdown=channel'), 10);
    if (!outcome.ok) throw new Error('expected figures');
    const agree = outcome.model.questions.find((q) => q.key === 'agree')!;
    expect(agree.rows[0]!.label).toBe('پوری طرح متفق');
    expect(agree.scale).toBe(true);
    expect(outcome.form.dimensions.find((d) => d.dimension === 'ward')!.choices.some((c) => c.label === 'Reddish North')).toBe(true);
  });

  it('answers an address the form could not have made with the reasons, counting nothing', async () => {
    const outcome = await loadResults(db, consultation, 'en', new URLSearchParams('breakdown=shoe_size&ward=E05000787&ward=nowhere'), 10);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      { field: 'breakdown', code: 'analysis:unknownBreakdown' },
      { field: 'ward', code: 'analysis:unknownValue' },
    ]);
    // What was asked is kept for the form.
    expect(outcome.form.selected.ward).toEqual(['E05000787', 'nowhere']);
    expect(outcome.form.breakdown).toBe('shoe_size');
  });
});
