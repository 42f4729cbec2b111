import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { createRandom } from '#db/seed/random';
import { seedWards } from '#db/seed/wards';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import { determinedHiddenFigures } from '../../tests/linked-auditor';
import { storeRandomResponses } from '../../tests/random-responses';
import type { Cell as DisclosureCell } from './disclosure';
import type { AreaTable } from './area-figures';
import { groupKey } from './filters';
import { analysisIndex } from './indexes.server';
import type { Hierarchy, LinkedTables } from './linked-disclosure';
import { loadPublicFigures } from './public-figures.server';
import type { Cell, Count } from './results-model';
import { summarise } from './summarise';

// The public pages' figures from real responses (SQLite; PostgreSQL with TEST_DATABASE_URL):
// the results page's overall figures and the area page's committee and ward tables, read back
// from what the pages are given, are solved together by the auditor, at several sizes. Every
// figure is shown alike wherever it appears, and every shown count is the true one.

const THRESHOLD = 10;
let db: Db;
let destroy: () => Promise<void>;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedWards(db);
});
afterAll(() => destroy());

async function consultationWith(responses: number, seed: number): Promise<Consultation> {
  const id = await createConsultation(db, {
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['a', 'b', 'c'] },
          { key: 'agree', kind: 'agree_scale' },
          { key: 'yn', kind: 'yes_no' },
          { key: 'many', kind: 'multiple_choice', options: ['m1', 'm2', 'm3'] },
        ],
      },
    ],
  });
  await storeRandomResponses(db, id, responses, createRandom(seed));
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const asCell = (c: Cell | Count): DisclosureCell => (c.suppressed ? { kind: 'suppressed' } : { kind: 'shown', value: 'count' in c ? c.count : c.value });
const same = (a: DisclosureCell, b: DisclosureCell) => a.kind === b.kind && (a.kind !== 'shown' || (b.kind === 'shown' && a.value === b.value));

/** One column of a table as its lines (every answer, then "no answer") and its responses. */
const columnOf = (table: AreaTable, j: number) => ({
  lines: [...table.rows.map((r) => asCell(r.cells[j]!)), asCell(table.columns[j]!.noAnswer)],
  responses: asCell(table.columns[j]!.responses),
});

for (const [responses, seed] of [
  [80, 3],
  [400, 5],
  [1500, 8],
] as const) {
  describe(`the public figures of ${responses} random responses`, () => {
    it('leave no hidden figure determined by the overall, committee and ward tables together, and show each figure alike everywhere', async () => {
      const consultation = await consultationWith(responses, seed);
      const { model, areas } = await loadPublicFigures(db, consultation, 'en', THRESHOLD);
      expect(model).not.toBeNull();
      expect(areas.map((q) => q.key)).toEqual(['pick', 'agree', 'yn']);

      // The true counts the tables were made from.
      const index = await analysisIndex(db, consultation.id);
      const groups = summarise(index, { breakdown: 'ward' }).breakdown?.groups ?? [];
      const wardIndex = new Map(groups.map((g, w) => [groupKey(g.value), w]));
      const committees = areas[0]!.wards.map((t) => ({ key: t.key, wards: t.columns.slice(1).map((c) => wardIndex.get(c.key)!) }));
      const hierarchy: Hierarchy = {
        committees,
        wardResponses: groups.map((g) => g.counts.responses),
        questions: areas.map((q) => {
          const counts = groups.map((g) => {
            const c = g.counts.questions.find((x) => x.key === q.key)!;
            return [...q.committees.rows.map((r) => c.options.find((o) => o.key === r.key)!.count), c.noAnswer];
          });
          return { key: q.key, counts: counts[0]!.map((_, line) => counts.map((ward) => ward[line]!)) };
        }),
      };

      // What the pages show, as the auditor reads it.
      const published: LinkedTables = {
        threshold: THRESHOLD,
        responses: {
          overall: columnOf(areas[0]!.committees, 0).responses,
          committees: committees.map((_, k) => columnOf(areas[0]!.committees, k + 1).responses),
          wards: groups.map((_, w) => {
            const k = committees.findIndex((c) => c.wards.includes(w));
            return columnOf(areas[0]!.wards[k]!, committees[k]!.wards.indexOf(w) + 1).responses;
          }),
        },
        questions: areas.map((q) => {
          const byCommittee = committees.map((_, k) => columnOf(q.committees, k + 1).lines);
          const byWard = groups.map((_, w) => {
            const k = committees.findIndex((c) => c.wards.includes(w));
            return columnOf(q.wards[k]!, committees[k]!.wards.indexOf(w) + 1).lines;
          });
          const lines = q.committees.rows.length + 1;
          return {
            key: q.key,
            overall: columnOf(q.committees, 0).lines,
            committees: Array.from({ length: lines }, (_, line) => byCommittee.map((c) => c[line]!)),
            wards: Array.from({ length: lines }, (_, line) => byWard.map((c) => c[line]!)),
          };
        }),
      };
      expect(published.questions.flatMap((q) => q.wards.flat()).filter((c) => c.kind === 'suppressed').length).toBeGreaterThan(0);
      expect(determinedHiddenFigures(hierarchy, published)).toEqual([]);

      for (const [q, question] of areas.entries()) {
        // The results page shows everyone's figures exactly as the area page does.
        const overall = model!.questions.find((m) => m.key === question.key)!;
        const onResultsPage = [...overall.rows.map((r) => asCell(r.cells[0]!)), asCell(overall.columns[0]!.noAnswer)];
        expect(onResultsPage.every((c, line) => same(c, published.questions[q]!.overall[line]!))).toBe(true);
        // A committee's figures are the same in the committee table and above its wards.
        question.wards.forEach((table, k) => {
          const above = columnOf(table, 0);
          expect(above.lines.every((c, line) => same(c, published.questions[q]!.committees[line]![k]!))).toBe(true);
          expect(same(above.responses, published.responses.committees[k]!)).toBe(true);
        });
        // Every shown count is the true one; every small one is hidden.
        hierarchy.questions[q]!.counts.forEach((line, l) =>
          line.forEach((truth, w) => {
            const cell = published.questions[q]!.wards[l]![w]!;
            if (cell.kind === 'shown') expect(cell.value).toBe(truth);
            if (truth > 0 && truth < THRESHOLD) expect(cell.kind).toBe('suppressed');
          }),
        );
      }
    }, 60_000);
  });
}
