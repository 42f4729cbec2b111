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
      expect(areas.map((q) => q.key)).toEqual(['pick', 'agree', 'yn', 'many']);

      // The true counts the tables were made from, and what the pages show of them, as the
      // tables of linked-disclosure.ts. An answer one may choose among several is a table of
      // its own (chose it, did not), and so is whether people answered; the "did not" and
      // "answered" lines are not printed as such but follow from the responses, so the auditor
      // takes them as unknowns and the sums give it what they imply.
      const index = await analysisIndex(db, consultation.id);
      const groups = summarise(index, { breakdown: 'ward' }).breakdown?.groups ?? [];
      const wardIndex = new Map(groups.map((g, w) => [groupKey(g.value), w]));
      const committees = areas[0]!.wards.map((t) => ({ key: t.key, wards: t.columns.slice(1).map((c) => wardIndex.get(c.key)!) }));
      const placeOf = (w: number) => {
        const k = committees.findIndex((c) => c.wards.includes(w));
        return { k, j: committees[k]!.wards.indexOf(w) + 1 };
      };
      const IMPLIED: DisclosureCell = { kind: 'suppressed' };
      const implied = new Set<string>();
      const tables: { key: string; counts: number[][]; overall: DisclosureCell[]; committees: DisclosureCell[][]; wards: DisclosureCell[][] }[] = [];
      for (const q of areas) {
        const truth = groups.map((g) => g.counts.questions.find((x) => x.key === q.key)!);
        const chose = (key: string) => truth.map((c) => c.options.find((o) => o.key === key)!.count);
        const noAnswer = truth.map((c) => c.noAnswer);
        const responses = groups.map((g) => g.counts.responses);
        // Column j of a table, as [answer lines..., no answer].
        const shownAt = (table: AreaTable, j: number) => columnOf(table, j).lines;
        const atWard = (w: number) => {
          const { k, j } = placeOf(w);
          return shownAt(q.wards[k]!, j);
        };
        const levels = {
          overall: shownAt(q.committees, 0),
          committees: committees.map((_, k) => shownAt(q.committees, k + 1)),
          wards: groups.map((_, w) => atWard(w)),
        };
        const add = (key: string, counts: number[][], pick: (column: DisclosureCell[]) => DisclosureCell[]) => {
          const t = tables.length;
          pick(levels.overall).forEach((c, line) => c === IMPLIED && implied.add(`q${t}:${line}:all`));
          tables.push({
            key,
            counts,
            overall: pick(levels.overall),
            committees: counts.map((_, line) => levels.committees.map((c) => pick(c)[line]!)),
            wards: counts.map((_, line) => levels.wards.map((c) => pick(c)[line]!)),
          });
          counts.forEach((_, line) => {
            if (pick(levels.overall)[line] === IMPLIED) {
              committees.forEach((_, k) => implied.add(`q${t}:${line}:c${k}`));
              groups.forEach((_, w) => implied.add(`q${t}:${line}:w${w}`));
            }
          });
        };
        if (!q.several) {
          add(q.key, [...q.committees.rows.map((r) => chose(r.key)), noAnswer], (column) => column);
        } else {
          const rest = (part: number[]) => responses.map((r, w) => r - part[w]!);
          q.committees.rows.forEach((r, i) => add(r.key, [chose(r.key), rest(chose(r.key))], (column) => [column[i]!, IMPLIED]));
          add('answered', [rest(noAnswer), noAnswer], (column) => [IMPLIED, column[column.length - 1]!]);
        }
      }
      const hierarchy: Hierarchy = {
        committees,
        wardResponses: groups.map((g) => g.counts.responses),
        questions: tables.map((t) => ({ key: t.key, counts: t.counts })),
      };
      const published: LinkedTables = {
        threshold: THRESHOLD,
        responses: {
          overall: columnOf(areas[0]!.committees, 0).responses,
          committees: committees.map((_, k) => columnOf(areas[0]!.committees, k + 1).responses),
          wards: groups.map((_, w) => {
            const { k, j } = placeOf(w);
            return columnOf(areas[0]!.wards[k]!, j).responses;
          }),
        },
        questions: tables.map((t) => ({ key: t.key, overall: t.overall, committees: t.committees, wards: t.wards })),
      };
      const trueValue = (name: string) => {
        const [, table, line, at] = /^q(\d+):(\d+):(all|c\d+|w\d+)$/.exec(name)!;
        const counts = tables[Number(table)]!.counts[Number(line)]!;
        if (at === 'all') return counts.reduce((a, b) => a + b, 0);
        if (at!.startsWith('w')) return counts[Number(at!.slice(1))]!;
        return committees[Number(at!.slice(1))]!.wards.reduce((a, w) => a + counts[w]!, 0);
      };
      // A figure the pages do not print but imply may be worked out unless it is small.
      const leaks = determinedHiddenFigures(hierarchy, published).filter(
        (f) => !implied.has(f.name) || (trueValue(f.name) > 0 && trueValue(f.name) < THRESHOLD),
      );
      expect(published.questions.flatMap((q) => q.wards.flat()).filter((c) => c.kind === 'suppressed').length).toBeGreaterThan(0);
      expect(leaks).toEqual([]);

      for (const question of areas) {
        // The results page shows everyone's figures exactly as the area page does.
        const overall = model!.questions.find((m) => m.key === question.key)!;
        const onResultsPage = [...overall.rows.map((r) => asCell(r.cells[0]!)), asCell(overall.columns[0]!.noAnswer)];
        expect(onResultsPage.every((c, line) => same(c, columnOf(question.committees, 0).lines[line]!))).toBe(true);
        // A committee's figures are the same in the committee table and above its wards.
        question.wards.forEach((table, k) => {
          const above = columnOf(table, 0);
          const inCommittees = columnOf(question.committees, k + 1);
          expect(above.lines.every((c, line) => same(c, inCommittees.lines[line]!))).toBe(true);
          expect(same(above.responses, published.responses.committees[k]!)).toBe(true);
        });
      }
      // Every shown count is the true one; every small one is hidden.
      tables.forEach((t) =>
        t.counts.forEach((line, l) =>
          line.forEach((truth, w) => {
            const cell = t.wards[l]![w]!;
            if (cell.kind === 'shown') expect(cell.value).toBe(truth);
            if (truth > 0 && truth < THRESHOLD && cell !== IMPLIED) expect(cell.kind).toBe('suppressed');
          }),
        ),
      );
    }, 60_000);
  });
}
