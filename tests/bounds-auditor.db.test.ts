import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { seedDemo } from '#db/seed/index';
import { DIMENSIONS } from '~/analysis/dimensions';
import { auditBounds, type Failure } from './bounds-auditor';
import { createTestDb } from './db';
import { publishedPages } from './demo-tables';

// The bounds auditor on the demo One Stockport conversation at 1,500 responses, freshly migrated
// and seeded (SQLite; PostgreSQL when TEST_DATABASE_URL names a server), through the app's own
// results code: the overall figures and every breakdown of two questions, a yes/no one
// (runs_org) and one where people choose several (future_important), audited together as the
// page shows them (they share the groups' responses). The other questions on the same page share
// those too, so an intruder has more to go on than this audit: it is a lower bound on the leaks.
// Every question and every page together, each breakdown nested in another added up to it: the
// disclosure step of `npm run bench` (bench/disclosure.ts; alone: `npx tsx bench/disclosure-loss.ts`).

const THRESHOLD = 10;
const TODAY = new Date('2026-11-22T10:30:00Z');
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

/** Every page's audit: the overall figures, then each breakdown. */
async function auditPages(): Promise<{ page: string; checked: number; failures: Failure[] }[]> {
  const pages = [];
  for (const { name, tables: published, questions } of await publishedPages(db, consultation, THRESHOLD, AUDITED)) {
    // Every figure shown is the true one, and none is from 1 to 9.
    for (const figure of published.figures.filter((f) => f.shown)) {
      const q = questions[Number(/^q(\d+):/.exec(figure.name)?.[1])];
      const label = `${name} ${q?.key ?? ''} ${figure.name}`;
      const cell = /x(\d+),(\d+)$/.exec(figure.name);
      if (q && cell) {
        const shown = q.rows[Number(cell[1])]!.cells[Number(cell[2])]!;
        expect(shown.suppressed ? null : shown.count, label).toBe(figure.value);
      }
      expect(figure.value === 0 || figure.value >= THRESHOLD, `${label} = ${figure.value} is shown`).toBe(true);
    }
    // auditBounds throws if a true hidden value lies outside the bounds it finds.
    const { bounds, failures } = await auditBounds(published);
    pages.push({ page: name, checked: bounds.length, failures });
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
