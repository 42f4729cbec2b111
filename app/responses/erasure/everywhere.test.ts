import { text } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { createSharedTestDb } from '../../../tests/db';
import { comparable, summariseBySql } from '../../../tests/sql-summary';
import { summariseCodedThemes } from '~/analysis/coded-themes.server';
import { analysisIndex } from '~/analysis/indexes.server';
import { summarise } from '~/analysis/summarise';
import { openDataTables } from '~/exports/open-data.server';
import { produceExport } from '~/exports/produce.server';
import type { ExportKind } from '~/exports/kinds';
import { listShownQuotes } from '~/publishing/quotes/queries.server';
import { loadPublicResults } from '~/publishing/results-page.server';
import { buildConsultationReport } from '~/reports/consultation.server';
import { eraseResponseNow } from './erase.server';
import { createErasureFixture, SECRET_WORDS, type ErasureFixture } from './erasure.fixture';

// After an erasure (issue 18), nothing counts the response: the summaries and breakdowns, the
// coded themes, the quotes, every export, the committee report and the published results. Each
// is compared with a fresh recount: the same output made by a process that opens the database
// only after the erasure (its index built from what the database now holds), and the closed
// questions' counts with a recount in SQL. The process that erased had all of them warm before.

const THRESHOLD = 2;
const NOW = new Date('2027-01-20T10:00:00.000Z');
const EXPORTS: ExportKind[] = ['summary', 'responses', 'themes'];

let warm: Db;
let open: () => Db;
let destroy: () => Promise<void>;
let fixture: ErasureFixture;
let consultation: Consultation;

beforeAll(async () => {
  ({ open, destroy } = await createSharedTestDb());
  warm = open();
  fixture = await createErasureFixture(warm);
  consultation = await warm.selectFrom('consultations').selectAll().where('id', '=', fixture.consultationId).executeTakeFirstOrThrow();
});
afterAll(() => destroy());

const asText = async (body: Readable | string | Uint8Array) =>
  typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : text(body);

/** Everything a person could read the response's trace in, as this process makes it now. */
async function everything(db: Db) {
  const index = await analysisIndex(db, consultation.id);
  const exports: Record<string, string> = {};
  for (const kind of EXPORTS) {
    const produced = await produceExport(db, consultation, { kind, format: 'json', params: new URLSearchParams(), locale: 'en', threshold: THRESHOLD });
    if (!produced.ok) throw new Error(`The ${kind} export failed`);
    exports[kind] = await asText(produced.body);
  }
  const openData = await openDataTables(db, consultation, 'en', THRESHOLD);
  const report = await buildConsultationReport(db, consultation, 'en', new URLSearchParams(), { threshold: THRESHOLD, now: NOW });
  if (!report.ok) throw new Error('The report failed');
  return {
    summary: summarise(index, {}),
    byWard: summarise(index, { breakdown: 'ward' }),
    byAge: summarise(index, { breakdown: 'ageBand', filter: { channel: ['online'] } }),
    codedThemes: await summariseCodedThemes(db, index, {}),
    quotes: (await listShownQuotes(db, { consultationId: consultation.id }, 'en')).map((q) => q.text),
    exports,
    openData,
    report: report.report,
    published: await loadPublicResults(db, consultation, 'en', THRESHOLD),
  };
}

/** Responses whose words were coded as being about parks. */
const parksCount = (view: Awaited<ReturnType<typeof everything>>) =>
  view.codedThemes.summary.total.questions.flatMap((q) => q.options).find((o) => o.optionId === fixture.themeId)?.count;

describe('after an erasure, nothing counts the response', () => {
  let before: Awaited<ReturnType<typeof everything>>;
  let after: Awaited<ReturnType<typeof everything>>;

  beforeAll(async () => {
    before = await everything(warm);
    const erased = await eraseResponseNow(warm, { responseId: fixture.target.id, reason: 'request', actor: fixture.actor });
    if (!erased.ok) throw new Error('Not erased');
    after = await everything(warm);
  });

  it('makes every output exactly as a process that never saw the response makes it', async () => {
    const fresh = await everything(open());
    expect(after).toEqual(fresh);
  });

  it('counts one response fewer, as a recount in SQL does', async () => {
    expect(before.summary.total.responses).toBe(13);
    expect(after.summary.total.responses).toBe(12);
    expect(comparable(after.summary)).toEqual(await summariseBySql(warm, consultation.id, {}));
    expect(comparable(after.byWard)).toEqual(await summariseBySql(warm, consultation.id, { breakdown: 'ward' }));
    expect(after.published.participation).not.toEqual(before.published.participation);
  });

  it('no longer has its coded theme, its quote, its row in the export or its words anywhere', async () => {
    expect(parksCount(before)).toBe(4);
    expect(parksCount(after)).toBe(3);
    expect(before.quotes).toEqual([SECRET_WORDS]);
    expect(after.quotes).toEqual([]);
    expect((JSON.parse(before.exports.responses!) as { responses: unknown[] }).responses).toHaveLength(13);
    expect((JSON.parse(after.exports.responses!) as { responses: unknown[] }).responses).toHaveLength(12);
    const everythingAfter = JSON.stringify(after);
    expect(JSON.stringify(before)).toContain(fixture.target.reference);
    for (const needle of [fixture.target.reference, SECRET_WORDS, 'Vernon Park']) expect(everythingAfter).not.toContain(needle);
  });
});
