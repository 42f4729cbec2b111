import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../connection';
import { migrateToLatest } from '../migrate';
import { createRandom } from '../seed/random';
import { seedReference } from '../seed/index';
import { storeRandomResponses } from '../../tests/random-responses';
import { loadResults } from '../../app/analysis/results.server';
import { env } from '../../app/platform/env.server';
import { SUMMARY_COLUMNS, summaryRows, type SummaryRow } from '../../app/exports/summary';
import { createConsultation } from '../../tests/factories';

// `npm run export` as a person runs it: a real process on a real database file, its exit codes,
// and the file it writes holding the results model's figures.

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'heard-export-'));
const database = join(dir, 'heard.sqlite');
let db: Db;

async function exportCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'db/cli/export.ts', '--database', database, ...args], {
      cwd: process.cwd(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function expected(query: string): Promise<SummaryRow[]> {
  const consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', 'parks').executeTakeFirstOrThrow();
  const outcome = await loadResults(db, consultation, 'en', new URLSearchParams(query), env().DISCLOSURE_THRESHOLD);
  if (!outcome.ok) throw new Error('bad query');
  return summaryRows(outcome.model);
}

beforeAll(async () => {
  db = openDatabase(database);
  await migrateToLatest(db);
  await seedReference(db);
  const id = await createConsultation(db, {
    slug: 'parks',
    sections: [
      {
        key: 's',
        questions: [
          { key: 'like', kind: 'yes_no' },
          { key: 'pick', kind: 'single_choice', options: ['a', 'b', 'c'] },
        ],
      },
    ],
  });
  await storeRandomResponses(db, id, 80, createRandom(3));
}, 60_000);
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run export', () => {
  it('writes the summary by ward as CSV with the figures of the results model, exit 0', async () => {
    const out = join(dir, 'summary.csv');
    const { code, stderr } = await exportCli('--consultation', 'parks', '--kind', 'summary', '--by', 'ward', '--out', out);
    const rows = await expected('breakdown=ward');
    expect({ code, stderr }).toEqual({ code: 0, stderr: `Wrote ${rows.length} rows to ${out}\n` });
    const [header, ...body] = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(header).toEqual([...SUMMARY_COLUMNS]);
    const text = (v: unknown) => (v === null ? '' : String(v));
    expect(body).toEqual(rows.map((r) => SUMMARY_COLUMNS.map((c) => text(r[c]))));
    expect(rows.some((r) => r.suppressed)).toBe(true);
  });

  it('prints JSON to standard output when no file is named', async () => {
    const { code, stdout } = await exportCli('--consultation', 'parks', '--kind', 'summary', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(await expected(''));
  });

  it('streams every counted response as CSV to a file, one column per question, exit 0', async () => {
    const out = join(dir, 'responses.csv');
    const { code, stderr } = await exportCli('--consultation', 'parks', '--kind', 'responses', '--out', out);
    expect({ code, stderr }).toEqual({ code: 0, stderr: `Wrote 80 rows to ${out}\n` });
    const [header, ...body] = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(header).toEqual(expect.arrayContaining(['reference', 'ward_name', 'like', 'like__label', 'pick', 'pick__label']));
    expect(header).not.toContain('quote_name');
    expect(body).toHaveLength(80);
  });

  it('writes the responses as JSON to standard output and as Excel to a file', async () => {
    const { code, stdout } = await exportCli('--consultation', 'parks', '--kind', 'responses', '--format', 'json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { responses: unknown[] }).responses).toHaveLength(80);
    const out = join(dir, 'responses.xlsx');
    expect((await exportCli('--consultation', 'parks', '--kind', 'responses', '--format', 'xlsx', '--out', out)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes the themes with a breakdown and the open data zip, exit 0', async () => {
    const themes = await exportCli('--consultation', 'parks', '--kind', 'themes', '--by', 'ward');
    expect(themes.code).toBe(0);
    expect(themes.stdout.replace(/^\uFEFF/, '').split('\n')[0]).toContain('kind');
    const out = join(dir, 'open-data.zip');
    const openData = await exportCli('--consultation', 'parks', '--kind', 'open-data', '--out', out);
    expect(openData.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('explains a mistake in the command, exit 1', async () => {
    const cases: [string[], string][] = [
      [['--kind', 'summary'], 'Usage: npm run export'],
      [['--consultation', 'nowhere', '--kind', 'summary'], 'No consultation has the slug “nowhere”.'],
      [['--consultation', 'parks', '--kind', 'votes'], '“votes” is not an export kind'],
      [['--consultation', 'parks', '--kind', 'summary', '--format', 'pdf'], '“pdf” is not an export format'],
      [['--consultation', 'parks', '--kind', 'summary', '--by', 'shoe_size'], '“shoe_size” is not a field to break down by. Choose one of: ageBand, sex,'],
      [['--consultation', 'parks', '--kind', 'summary', '--colour', 'red'], 'Usage: npm run export'],
      [['--consultation', 'parks', '--kind', 'responses', '--by', 'ward'], '“--by” only applies to the summary and themes exports.'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = await exportCli(...args);
      expect({ args, code, stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(stderr).toContain(message);
    }
  });
});
