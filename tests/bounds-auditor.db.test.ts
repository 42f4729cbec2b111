import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { seedDemo } from '#db/seed/index';
import { DIMENSIONS } from '~/analysis/dimensions';
import { analysisIndex } from '~/analysis/indexes.server';
import { loadResults } from '~/analysis/results.server';
import type { QuestionResult } from '~/analysis/results-model';
import { summarise, type Counts } from '~/analysis/summarise';
import { auditBounds, familyTables, type Failure, type QuestionTruth } from './bounds-auditor';
import { createTestDb } from './db';

// The bounds auditor on the demo One Stockport conversation at 1,500 responses, freshly migrated
// and seeded (SQLite; PostgreSQL when TEST_DATABASE_URL names a server), through the app's own
// results code: the overall figures and every breakdown of two questions, a yes/no one
// (runs_org) and one where people choose several (future_important), audited together as the
// page shows them (they share the groups' responses). The other questions on the same page share
// those too, so an intruder has more to go on than this audit: it is a lower bound on the leaks.

const THRESHOLD = 10;
const TODAY = new Date('2026-11-22T10:30:00Z');
const ADDITIVE = new Set(['single_choice', 'yes_no', 'agree_scale', 'rating']);
const AUDITED = ['runs_org', 'future_important'];
let db: Db;
let destroy: () => Promise<void>;
let consultation: Consultation;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedDemo(db, { today: TODAY, responses: 1500 });
  consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow();
}, 180_000);
afterAll(() => destroy());

/** The true counts of one question, group by group, from the unprotected summary. */
function truthOf(q: QuestionResult, groups: Counts[]): QuestionTruth {
  const counts = groups.map((g) => g.questions.find((c) => c.key === q.key));
  return {
    counts: q.rows.map((row) => counts.map((c) => c?.options.find((o) => o.key === row.key)?.count ?? 0)),
    noAnswer: counts.map((c) => c?.noAnswer ?? 0),
    notAsked: counts.map((c) => c?.notAsked ?? 0),
    additive: ADDITIVE.has(q.kind),
  };
}

/** Every page's audit: the overall figures, then each breakdown. */
async function auditPages(): Promise<{ page: string; checked: number; failures: Failure[] }[]> {
  const index = await analysisIndex(db, consultation.id);
  const pages = [];
  for (const breakdown of [null, ...DIMENSIONS]) {
    const outcome = await loadResults(db, consultation, 'en', new URLSearchParams(breakdown ? { breakdown } : {}), THRESHOLD);
    if (!outcome.ok) throw new Error(`${breakdown}: ${JSON.stringify(outcome.errors)}`);
    const summary = summarise(index, breakdown ? { breakdown } : {});
    const groups = summary.breakdown ? summary.breakdown.groups.map((g) => g.counts) : [summary.total];
    const questions = outcome.model.questions.filter((q) => AUDITED.includes(q.key));
    expect(questions.map((q) => q.key)).toEqual(AUDITED);
    const published = familyTables(
      groups.map((g) => g.responses),
      questions.map((q) => ({ q, truth: truthOf(q, groups) })),
      THRESHOLD,
    );
    // Every figure shown is the true one, and none is from 1 to 9.
    for (const figure of published.figures.filter((f) => f.shown)) {
      const q = questions[Number(/^q(\d+):/.exec(figure.name)?.[1])];
      const name = `${breakdown ?? 'overall'} ${q?.key ?? ''} ${figure.name}`;
      const cell = /x(\d+),(\d+)$/.exec(figure.name);
      if (q && cell) {
        const shown = q.rows[Number(cell[1])]!.cells[Number(cell[2])]!;
        expect(shown.suppressed ? null : shown.count, name).toBe(figure.value);
      }
      expect(figure.value === 0 || figure.value >= THRESHOLD, `${name} = ${figure.value} is shown`).toBe(true);
    }
    // auditBounds throws if a true hidden value lies outside the bounds it finds.
    const { bounds, failures } = await auditBounds(published);
    pages.push({ page: breakdown ?? 'overall', checked: bounds.length, failures });
  }
  return pages;
}

describe('the demo One Stockport conversation (1,500 responses) under the bounds auditor', () => {
  it('shows true figures, and the overall page leaves nothing worked out; every breakdown is audited', async () => {
    const pages = await auditPages();
    expect(pages.map((p) => p.page)).toEqual(['overall', ...DIMENSIONS]);
    expect(pages[0]!.failures).toEqual([]);
    expect(pages.reduce((a, p) => a + p.checked, 0)).toBeGreaterThan(500);
  }, 180_000);

  // Before the interval rule the breakdowns failed; the worst, by age band, runs_org (yes/no):
  // the 6th age group's yes (8) and no (21) were worked out exactly from its shown responses,
  // "no answer" and base and the All column, every count being at least 0.
  it('leaves no hidden figure determined, known present or narrowed in any breakdown', async () => {
    for (const { page, failures } of await auditPages()) expect(failures, page).toEqual([]);
  }, 180_000);
});
