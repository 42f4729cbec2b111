import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { loadPublicFigures } from '~/analysis/public-figures.server';
import { loadResults } from '~/analysis/results.server';
import { HIDDEN, type ResultsModel } from '~/analysis/results-model';
import { createTestDb } from '../../tests/db';
import { booleanOf, createExportFixture, FIXTURE, numberOf, readTable, type ExportFixture, type ReadRow } from '../../tests/exports-fixture';
import type { ExportFormat } from './files.server';
import { openDataExport, openDataFile } from './open-data.server';
import { summaryExport } from './summary.server';
import { themesExport } from './themes.server';

// Every figure in every export equals the figure the results page shows for the same filters,
// and a figure the page hides has no value in any export: the summary and themes files in each
// format (read back as a spreadsheet or a program reads them), the open-data zip and the public
// CSVs. The consultation has a ward of 3 responses and a channel of 7, so hiding must happen.

let db: Db;
let destroy: () => Promise<void>;
let fixture: ExportFixture;
const THRESHOLD = 10;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  fixture = await createExportFixture(db);
}, 120_000);
afterAll(() => destroy());

interface ScreenFigure {
  count: number | null;
  percent: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  base: number | null;
  suppressed: boolean;
}

/** What the results page shows, by question, answer (or theme) and group. */
function screenFigures(model: ResultsModel): Map<string, ScreenFigure> {
  const figures = new Map<string, ScreenFigure>();
  for (const q of [...model.questions, ...model.youth, ...model.themes]) {
    q.columns.forEach((column, j) => {
      const base = column.base.suppressed ? null : column.base.value;
      for (const row of q.rows) {
        const cell = row.cells[j] ?? HIDDEN;
        figures.set(
          `${q.key}|${row.key}|${column.label}`,
          cell.suppressed
            ? { count: null, percent: null, ciLow: null, ciHigh: null, base, suppressed: true }
            : { count: cell.count, percent: cell.percent, ciLow: cell.ciLow, ciHigh: cell.ciHigh, base, suppressed: false },
        );
      }
      const none = column.noAnswer;
      figures.set(`${q.key}|no_answer|${column.label}`, {
        count: none.suppressed ? null : none.value,
        percent: null,
        ciLow: null,
        ciHigh: null,
        base,
        suppressed: none.suppressed,
      });
    });
  }
  return figures;
}

async function screen(query: string): Promise<ResultsModel> {
  const outcome = await loadResults(db, fixture.consultation, 'en', new URLSearchParams(query), THRESHOLD);
  if (!outcome.ok) throw new Error(`bad query ${query}`);
  return outcome.model;
}

/**
 * Each exported figure line against the screen: the same count, percent, interval, base and
 * suppressed flag, and nothing in a hidden one. Returns how many hidden lines it saw.
 */
function expectSameAsScreen(rows: ReadRow[], figures: Map<string, ScreenFigure>, option: 'option_key' | 'theme_key'): number {
  let hidden = 0;
  for (const row of rows) {
    const key = `${row.question_key}|${row[option]}|${row.group}`;
    const figure = figures.get(key);
    expect(figure, `${key} is on screen`).toBeDefined();
    const suppressed = booleanOf(row.suppressed);
    expect(suppressed, key).toBe(figure!.suppressed);
    expect(numberOf(row.base), key).toBe(figure!.base);
    if (suppressed) {
      hidden += 1;
      expect([row.count, row.percent, row.ci_low, row.ci_high].map(numberOf), `${key} carries nothing`).toEqual([null, null, null, null]);
    } else {
      expect([row.count, row.percent, row.ci_low, row.ci_high].map(numberOf), key).toEqual([figure!.count, figure!.percent, figure!.ciLow, figure!.ciHigh]);
    }
  }
  return hidden;
}

/** Every line of the summary, and every count line of the themes, held against the screen. */
function expectWholeScreen(summary: ReadRow[], themes: ReadRow[], model: ResultsModel) {
  const figures = screenFigures(model);
  const counts = themes.filter((r) => r.kind === 'count');
  // Theme lines have no "no answer": the themes file gives the base (the coded answers) instead.
  const themeFigures = model.themes.reduce((n, q) => n + q.columns.length * q.rows.length, 0);
  expect(summary.length).toBe(figures.size);
  expect(counts.length).toBe(themeFigures);
  expect(themeFigures).toBeGreaterThan(0);
  return expectSameAsScreen(summary, figures, 'option_key') + expectSameAsScreen(counts, figures, 'theme_key');
}

const QUERIES = ['', 'breakdown=ward', 'breakdown=channel', 'breakdown=areaCommittee&respondentGroup=resident', 'breakdown=ageBand&channel=online', 'ward='];

describe.each<ExportFormat>(['csv', 'xlsx', 'json'])('the %s exports', (format) => {
  it.each(QUERIES)('hold exactly the figures on screen for "%s"', async (template) => {
    const query = template === 'ward=' ? `ward=${fixture.wards.tiny}` : template;
    const params = new URLSearchParams(query);
    const [summary, themes, model] = await Promise.all([
      summaryExport(db, fixture.consultation, 'en', params, format, THRESHOLD),
      themesExport(db, fixture.consultation, 'en', params, format, THRESHOLD),
      screen(query),
    ]);
    if (!summary.ok || !themes.ok) throw new Error('export refused');
    const hidden = expectWholeScreen((await readTable(summary.body, format)).rows, (await readTable(themes.body, format)).rows, model);
    // The tiny ward and the paper channel must be hidden where they appear, or this proves nothing.
    if (query !== '' && !query.startsWith('breakdown=ageBand')) expect(hidden).toBeGreaterThan(0);
  });
});

describe('the small groups', () => {
  it('are hidden in every format: the ward of 3 and the channel of 7 carry no figure', async () => {
    for (const [query, size, key] of [
      ['breakdown=ward', FIXTURE.tinyWardSize, fixture.wards.tiny],
      ['breakdown=channel', FIXTURE.paperSize, 'paper'],
    ] as const) {
      const model = await screen(query);
      // The small group itself (a bigger one hidden beside it to protect it may show a zero).
      const small = model.questions[0]!.columns.find((c) => c.key === key && c.responses.suppressed);
      expect(small, query).toBeDefined();
      for (const format of ['csv', 'xlsx', 'json'] as const) {
        const file = await summaryExport(db, fixture.consultation, 'en', new URLSearchParams(query), format, THRESHOLD);
        const themes = await themesExport(db, fixture.consultation, 'en', new URLSearchParams(query), format, THRESHOLD);
        if (!file.ok || !themes.ok) throw new Error('export refused');
        const rows = [...(await readTable(file.body, format)).rows, ...(await readTable(themes.body, format)).rows.filter((r) => r.kind === 'count')].filter(
          (r) => r.group === small!.label,
        );
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(booleanOf(row.suppressed), `${query} ${format}`).toBe(true);
          expect([row.count, row.percent, row.base, row.ci_low, row.ci_high].map(numberOf)).toEqual([null, null, null, null, null]);
        }
        // The group's size is nowhere in its lines.
        expect(rows.flatMap((r) => [r.count, r.base]).map(numberOf)).not.toContain(size);
      }
    }
  });
});

describe('the open data', () => {
  it('holds exactly the overall figures on screen, in the zip and at the public addresses', async () => {
    // The public results page's figures: everyone's, protected together with the same questions
    // by ward and by area committee, which can hide more of them than the overall page alone.
    const { model } = await loadPublicFigures(db, fixture.consultation, 'en', THRESHOLD);
    if (!model) throw new Error('no public figures');
    const zipped = await openDataExport(db, fixture.consultation, 'en', THRESHOLD);
    const zip = await JSZip.loadAsync(zipped.body as Uint8Array);
    const inZip = async (name: string) => (await readTable(await zip.file(name)!.async('string'), 'csv')).rows;
    const hidden = expectWholeScreen(await inZip('summary.csv'), await inZip('themes.csv'), model);
    expect(hidden).toBeGreaterThan(0);
    const published = async (name: 'summary.csv' | 'themes.csv') =>
      (await readTable(await openDataFile(db, fixture.consultation, 'en', name, THRESHOLD), 'csv')).rows;
    expectWholeScreen(await published('summary.csv'), await published('themes.csv'), model);
  });
});
