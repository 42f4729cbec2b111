import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { createRandom } from '#db/seed/random';
import { seedWards } from '#db/seed/wards';
import { storeRandomResponses } from '../../tests/random-responses';
import { DIMENSIONS } from '~/analysis/dimensions';
import { loadResults } from '~/analysis/results.server';
import type { Cell, Count, ResultsModel } from '~/analysis/results-model';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import type { ExportFormat } from './files.server';
import { SUMMARY_COLUMNS } from './summary';
import { summaryExport } from './summary.server';

// The summary export from real responses in a fresh database, read back as an officer's
// spreadsheet would read it (csv-parse, exceljs) and as JSON: exactly the columns, every figure
// the one the results model shows for the same query, and nothing where a figure is hidden.

let db: Db;
let destroy: () => Promise<void>;
let consultation: Consultation;
const THRESHOLD = 10;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedWards(db);
  const id = await createConsultation(db, {
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['a', 'b', 'c'] },
          { key: 'many', kind: 'multiple_choice', options: ['m1', 'm2', 'm3', 'm4'] },
          { key: 'agree', kind: 'agree_scale' },
          { key: 'rank', kind: 'ranking', options: ['r1', 'r2', 'r3'], rankCount: 2 },
        ],
      },
    ],
  });
  // A question whose wording would be a formula in a spreadsheet.
  await db
    .updateTable('questions')
    .set({ text: '=HYPERLINK("http://evil.example","Pick one")' })
    .where('consultation_id', '=', id)
    .where('key', '=', 'pick')
    .execute();
  await storeRandomResponses(db, id, 150, createRandom(7));
  consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}, 120_000);
afterAll(() => destroy());

type Read = Record<string, string | number | boolean | null>;

async function exported(
  query: string,
  format: ExportFormat,
  locale: 'en' | 'ur' = 'en',
): Promise<{ columns: string[]; rows: Read[]; filename: string; contentType: string }> {
  const file = await summaryExport(db, consultation, locale, new URLSearchParams(query), format, THRESHOLD);
  if (!file.ok) throw new Error(JSON.stringify(file.errors));
  const { filename, contentType } = file;
  if (format === 'json') {
    const rows = JSON.parse(file.body as string) as Read[];
    return { columns: Object.keys(rows[0]!), rows, filename, contentType };
  }
  if (format === 'csv') {
    const text = file.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...body] = parse(text.slice(1)) as string[][];
    const rows = body.map((cells) => Object.fromEntries(header!.map((h, j) => [h, cells[j] ?? ''])));
    return { columns: header!, rows, filename, contentType };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.body as Uint8Array) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const values = (n: number) => (sheet.getRow(n).values as (string | number | boolean | null | undefined)[]).slice(1);
  const header = values(1) as string[];
  const rows: Read[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const cells = values(n);
    rows.push(Object.fromEntries(header.map((h, j) => [h, cells[j] ?? null])));
  }
  return { columns: header, rows, filename, contentType };
}

/** The figures the model shows, one per (question, option, group), in the export's order. */
function expectedLines(model: ResultsModel) {
  const lines: { question_key: string; option_key: string; group: string; cell: Cell | Count; base: Count }[] = [];
  for (const q of [...model.questions, ...model.youth, ...model.themes]) {
    q.columns.forEach((column, j) => {
      for (const row of q.rows) lines.push({ question_key: q.key, option_key: row.key, group: column.label, cell: row.cells[j]!, base: column.base });
      lines.push({ question_key: q.key, option_key: 'no_answer', group: column.label, cell: column.noAnswer, base: column.base });
    });
  }
  return lines;
}

/** A read-back value as a number (CSV gives text, Excel and JSON numbers); null for an empty cell. */
const num = (v: Read[string] | undefined) => (v === null || v === '' ? null : Number(v));
const bool = (v: Read[string] | undefined) => v === true || v === 'true';

describe.each<ExportFormat>(['csv', 'xlsx', 'json'])(
  'the summary export as %s',
  (format) => {
    it.each(['', 'breakdown=ward', 'breakdown=channel&respondentGroup=resident'])(
      'has exactly the columns and the figures on screen for "%s"',
      async (query) => {
        const outcome = await loadResults(db, consultation, 'en', new URLSearchParams(query), THRESHOLD);
        if (!outcome.ok) throw new Error('bad query');
        const { columns, rows } = await exported(query, format);
        expect(columns).toEqual([...SUMMARY_COLUMNS]);
        const lines = expectedLines(outcome.model);
        expect(rows).toHaveLength(lines.length);
        const breakdown = new URLSearchParams(query).get('breakdown') ?? 'all';
        let hidden = 0;
        rows.forEach((row, i) => {
          const line = lines[i]!;
          const what = `${line.question_key} ${line.option_key} ${line.group}`;
          expect(row, what).toMatchObject({
            consultation: consultation.slug,
            question_key: line.question_key,
            option_key: line.option_key,
            group: line.group,
            breakdown,
          });
          expect(num(row.base), what).toBe(line.base.suppressed ? null : line.base.value);
          expect(bool(row.suppressed), what).toBe(line.cell.suppressed);
          if (line.cell.suppressed) {
            hidden += 1;
            expect([row.count, row.percent, row.ci_low, row.ci_high].map(num), what).toEqual([null, null, null, null]);
          } else if ('count' in line.cell) {
            expect(num(row.count), what).toBe(line.cell.count);
            expect(num(row.percent), what).toBe(line.cell.percent);
            expect(num(row.ci_low), what).toBe(line.cell.ciLow);
            expect(num(row.ci_high), what).toBe(line.cell.ciHigh);
          } else {
            expect(num(row.count), what).toBe(line.cell.value);
          }
        });
        // Small groups: a breakdown by ward must hide some figures, or the test proves nothing.
        if (breakdown === 'ward') expect(hidden).toBeGreaterThan(0);
      },
    );
  },
  60_000,
);

describe('the summary export', () => {
  it('keeps a question that looks like a formula as text in spreadsheets, and exactly in JSON', async () => {
    const formula = '=HYPERLINK("http://evil.example","Pick one")';
    expect((await exported('', 'csv')).rows.find((r) => r.question_key === 'pick')?.question).toBe(`'${formula}`);
    expect((await exported('', 'xlsx')).rows.find((r) => r.question_key === 'pick')?.question).toBe(`'${formula}`);
    expect((await exported('', 'json')).rows.find((r) => r.question_key === 'pick')?.question).toBe(formula);
  });

  it('names the file for the consultation, breakdown and filter, with its content type', async () => {
    expect(await exported('breakdown=ward&respondentGroup=resident', 'xlsx')).toMatchObject({
      filename: `${consultation.slug}-summary-by-ward-filtered.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(await exported('', 'csv')).toMatchObject({ filename: `${consultation.slug}-summary.csv`, contentType: 'text/csv; charset=utf-8' });
  });

  it('answers an address the form could not have made with its errors, not a file', async () => {
    const outcome = await summaryExport(db, consultation, 'en', new URLSearchParams('breakdown=shoe_size'), 'csv', THRESHOLD);
    expect(outcome).toMatchObject({ ok: false, errors: [{ field: 'breakdown' }] });
  });

  it.each(['csv', 'xlsx', 'json'] as const)(
    'gives every group line a code, the same in English and Urdu and one per group, by every breakdown (%s)',
    async (format) => {
      const seen = new Set<string>();
      for (const dimension of ['all', ...DIMENSIONS]) {
        const query = dimension === 'all' ? '' : `breakdown=${dimension}`;
        const [en, ur] = [(await exported(query, format)).rows, (await exported(query, format, 'ur')).rows];
        expect(
          ur.map((r) => r.group_code),
          dimension,
        ).toEqual(en.map((r) => r.group_code));
        const labelOf = new Map<string, string>();
        const codeOf = new Map<string, string>();
        for (const row of en) {
          const code = String(row.group_code ?? '');
          const label = String(row.group);
          expect(code, `${dimension} ${label}`).toMatch(/^[A-Za-z0-9_]+$/);
          expect(labelOf.get(code) ?? label, `${dimension}: ${code} names one group`).toBe(label);
          expect(codeOf.get(label) ?? code, `${dimension}: ${label} has one code`).toBe(code);
          labelOf.set(code, label);
          codeOf.set(label, code);
          seen.add(`${dimension}:${code}`);
        }
      }
      // The codes an analyst would join on: a ward's ONS code, a channel's and "not stated".
      expect([...seen].filter((c) => /^ward:E05\d{6}$/.test(c)).length).toBeGreaterThan(0);
      expect(seen).toContain('all:all');
      expect(seen).toContain('ward:all');
      expect([...seen].some((c) => c.startsWith('areaCommittee:') && /^areaCommittee:[a-z0-9_]+$/.test(c) && c !== 'areaCommittee:all')).toBe(true);
      expect([...seen].some((c) => /:not_stated$/.test(c))).toBe(true);
    },
    120_000,
  );
});
