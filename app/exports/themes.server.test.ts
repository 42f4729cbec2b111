import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { loadResults } from '~/analysis/results.server';
import type { ResultsModel } from '~/analysis/results-model';
import { createTestDb } from '../../tests/db';
import { booleanOf, createExportFixture, FIXTURE, numberOf, readTable, type ExportFixture, type ReadRow } from '../../tests/exports-fixture';
import type { ExportFormat } from './files.server';
import { THEMES_COLUMNS } from './themes';
import { themesExport } from './themes.server';

// The themes export from coded answers in a fresh database, read back as a spreadsheet and a
// program would: the codebook, every coded figure the results page shows for the same query
// (and nothing where it hides one), and the chosen quotes with their credit.

let db: Db;
let destroy: () => Promise<void>;
let fixture: ExportFixture;
const THRESHOLD = 10;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  fixture = await createExportFixture(db);
}, 120_000);
afterAll(() => destroy());

async function exported(query: string, format: ExportFormat) {
  const file = await themesExport(db, fixture.consultation, 'en', new URLSearchParams(query), format, THRESHOLD);
  if (!file.ok) throw new Error(JSON.stringify(file.errors));
  return { ...(await readTable(file.body, format)), file };
}

async function model(query: string): Promise<ResultsModel> {
  const outcome = await loadResults(db, fixture.consultation, 'en', new URLSearchParams(query), THRESHOLD);
  if (!outcome.ok) throw new Error('bad query');
  return outcome.model;
}

const ofKind = (rows: ReadRow[], kind: string) => rows.filter((r) => r.kind === kind);

describe.each<ExportFormat>(['csv', 'xlsx', 'json'])('the themes export as %s', (format) => {
  it.each(['', 'breakdown=ward', 'breakdown=channel&ageBand=35_44'])('holds the coded figures on screen for "%s"', async (query) => {
    const { columns, rows } = await exported(query, format);
    expect(columns).toEqual([...THEMES_COLUMNS]);
    const screen = await model(query);
    const counts = ofKind(rows, 'count');
    const expected = screen.themes.flatMap((q) => q.columns.flatMap((column, j) => q.rows.map((theme) => ({ q, column, theme, cell: theme.cells[j]! }))));
    expect(expected.length).toBeGreaterThan(0);
    expect(counts).toHaveLength(expected.length);
    counts.forEach((row, i) => {
      const { q, column, theme, cell } = expected[i]!;
      const what = `${theme.key} ${column.label}`;
      expect(row, what).toMatchObject({
        question_key: q.key,
        theme_key: theme.key,
        theme: theme.label,
        group: column.label,
        // A ward's code is its ONS code, the same in every language; everyone is `all`.
        group_code: column.key,
        breakdown: new URLSearchParams(query).get('breakdown') ?? 'all',
      });
      expect(numberOf(row.base), what).toBe(column.base.suppressed ? null : column.base.value);
      expect(booleanOf(row.suppressed), what).toBe(cell.suppressed);
      if (cell.suppressed) expect([row.count, row.percent, row.ci_low, row.ci_high].map(numberOf), what).toEqual([null, null, null, null]);
      else expect([row.count, row.percent, row.ci_low, row.ci_high].map(numberOf), what).toEqual([cell.count, cell.percent, cell.ciLow, cell.ciHigh]);
    });
  });

  it('hides the tiny ward: its lines say suppressed and carry no figure', async () => {
    const { rows } = await exported('breakdown=ward', format);
    const screen = await model('breakdown=ward');
    const tinyLabel = screen.themes[0]!.columns.find((c) => c.key === fixture.wards.tiny && c.responses.suppressed)?.label;
    expect(tinyLabel).toBeDefined();
    const tiny = ofKind(rows, 'count').filter((r) => r.group === tinyLabel);
    expect(tiny.length).toBe(4);
    for (const row of tiny) {
      expect(booleanOf(row.suppressed)).toBe(true);
      expect([row.count, row.percent, row.base, row.ci_low, row.ci_high].map(numberOf)).toEqual([null, null, null, null, null]);
    }
    // The tiny ward's true figures (3 coded answers: 2 with paths, 1 with dogs) are in none of its cells.
    const cells = tiny.flatMap(({ suppressed: _, ...r }) => Object.values(r)).filter((v) => v !== null && v !== '');
    expect(cells.filter((v) => [1, 2, 3].includes(Number(v)))).toEqual([]);
  });

  it('lists the codebook with each theme’s priority, and the quotes with the credit the person chose', async () => {
    const { rows } = await exported('', format);
    expect(ofKind(rows, 'theme').map((r) => [r.theme_key, r.theme, r.priority || null])).toEqual([
      ['trees', 'More trees', FIXTURE.priority],
      ['paths', 'Better paths', null],
      ['dogs', 'Dogs on leads', null],
      ['benches', 'More benches', null],
    ]);
    const quotes = ofKind(rows, 'quote');
    expect(quotes.map((r) => [r.question_key, r.theme_key || null, r.priority || null])).toEqual([
      ['ideas', 'trees', FIXTURE.priority],
      ['ideas', 'paths', null],
      ['ideas', null, FIXTURE.priority],
    ]);
    expect(quotes[0]!.credit).toBe('anonymous');
    expect(String(quotes[2]!.credit)).toContain(FIXTURE.adultName);
    // An under-13 is never named, whatever they chose.
    expect(String(quotes[1]!.credit)).toMatch(/young person/i);
    expect(JSON.stringify(rows)).not.toContain('Millie');
  });
});

describe('the themes export', () => {
  it('keeps text that looks like a formula as text in spreadsheets, and exactly in JSON', async () => {
    const question = (rows: ReadRow[]) => ofKind(rows, 'count')[0]!.question;
    expect(question((await exported('', 'csv')).rows)).toBe("'=What would make the park better?");
    expect(question((await exported('', 'xlsx')).rows)).toBe("'=What would make the park better?");
    expect(question((await exported('', 'json')).rows)).toBe('=What would make the park better?');
  });

  it('names the file for the consultation, breakdown and filter', async () => {
    const { file } = await exported('breakdown=ward&channel=online', 'xlsx');
    expect(file).toMatchObject({
      filename: `${fixture.consultation.slug}-themes-by-ward-filtered.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  it('answers an address the form could not have made with its errors', async () => {
    const outcome = await themesExport(db, fixture.consultation, 'en', new URLSearchParams('breakdown=shoe_size'), 'csv', THRESHOLD);
    expect(outcome).toMatchObject({ ok: false, errors: [{ field: 'breakdown' }] });
  });
});
