import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { stringify } from 'csv-stringify';
import { openDatabase } from '../db/connection';
import { responsesSource, PAGE_SIZE } from '../app/exports/responses.server';
import { streamRows } from '../app/exports/stream.server';

// One run of the `responses` CSV export in a process of its own, so its memory is its own:
//   --mode app   the app's exporter (responsesSource + streamRows, what the download and `npm run export` run)
//   --mode bare  the baseline: the same two SQL statements per page on better-sqlite3 with the same
//                pragmas, each response pivoted to the same columns (codes, labels, ward names),
//                written with the same csv-stringify stream; plain loops, no query builder, no
//                redaction, no spreadsheet-safe cells.
// Prints one JSON line: rows, milliseconds from the first query to the last byte on disk, bytes.

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    database: { type: 'string' },
    slug: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string', default: 'csv' },
  },
});
const { mode, database, slug, out } = values;
/** The app's exporter can also write xlsx or json, to check their memory by hand. */
const format = values.format === 'xlsx' || values.format === 'json' ? values.format : 'csv';
if (!database || !slug || !out || (mode !== 'app' && mode !== 'bare')) throw new Error('--mode app|bare --database PATH --slug SLUG --out FILE');

const RESPONSES_SQL =
  'select "id", "reference", "submitted_at", "channel", "respondent_group", "locale", "age_band", ' +
  '"sex", "gender_identity", "ethnicity", "disability", "carer", "religion", "sexual_orientation", ' +
  '"ward_code", "postcode_district", "lives_in_area", "works_in_area", "studies_in_area", ' +
  '"runs_business", "represents_group" from "responses" where "consultation_id" = ? and "status" = ? ' +
  'and "id" > ? order by "id" limit ?';
const ANSWERS_SQL =
  'select "response_id", "question_id", "option_id", "rank", "value_number", "value_text" from ' +
  '"answers" where "response_id" >= ? and "response_id" <= ? order by "response_id", "id"';

async function app(): Promise<number> {
  const db = openDatabase(database!);
  const consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', slug!).executeTakeFirstOrThrow();
  const started = performance.now();
  const source = await responsesSource(db, consultation, 'en');
  await pipeline(streamRows(source, format, { sheet: 'responses' }), createWriteStream(out!));
  const ms = performance.now() - started;
  await db.destroy();
  return reportAndReturn(source.total, ms);
}

type Row = Record<string, string | number | null>;

interface Plan {
  width: number;
  /** question id -> how its answers land */
  questions: Map<
    number,
    { kind: string; at: number; other: number | null; options: Map<number, { at: number; key: string; label: string; isOther: boolean }>; count: number }
  >;
}

/** The same columns as the app's export, worked out from the tables with as little code as can be. */
function plan(db: SQLite.Database, consultationId: number): Plan {
  const questions = db
    .prepare('select q.id, q.kind from questions q join sections s on s.id = q.section_id where q.consultation_id = ? order by s.position, q.position, q.id')
    .all(consultationId) as { id: number; kind: string }[];
  const options = db
    .prepare(
      'select id, question_id, key, label, is_other from options where question_id in (select id from ' +
        'questions where consultation_id = ?) order by position, id',
    )
    .all(consultationId) as { id: number; question_id: number; key: string; label: string; is_other: number }[];
  let width = 22;
  const out: Plan['questions'] = new Map();
  for (const q of questions) {
    const own = options.filter((o) => o.question_id === q.id);
    const hasOther = own.some((o) => o.is_other === 1);
    const at = width;
    const expanded = q.kind === 'multiple_choice' || q.kind === 'ranking';
    const choice = q.kind === 'single_choice' || q.kind === 'yes_no' || q.kind === 'agree_scale';
    const map = new Map(own.map((o, i) => [o.id, { at: expanded ? at + i : at, key: o.key, label: o.label, isOther: o.is_other === 1 }]));
    width += expanded ? own.length : choice ? 2 : 1;
    const other = hasOther && q.kind !== 'ranking' ? width++ : null;
    out.set(q.id, { kind: q.kind, at, other, options: map, count: own.length });
  }
  return { width, questions: out };
}

async function bare(): Promise<number> {
  const db = new SQLite(database!);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const consultation = db.prepare('select id from consultations where slug = ?').get(slug) as { id: number };
  const started = performance.now();
  const { width, questions } = plan(db, consultation.id);
  const wards = new Map(
    (db.prepare('select code, name, area_committee from wards').all() as { code: string; name: string; area_committee: string }[]).map((w) => [w.code, w]),
  );
  const responses = db.prepare(RESPONSES_SQL);
  const answers = db.prepare(ANSWERS_SQL);
  const csv = stringify({ bom: true });
  const file = pipeline(csv, createWriteStream(out!));
  csv.write(Array.from({ length: width }, (_, i) => `c${i}`));
  let after = 0;
  let rows = 0;
  for (;;) {
    const page = responses.all(consultation.id, 'counted', after, PAGE_SIZE) as Row[];
    if (page.length === 0) break;
    const first = page[0]!.id as number;
    const last = page[page.length - 1]!.id as number;
    const pageAnswers = answers.all(first, last) as Row[];
    let a = 0;
    for (const response of page) {
      const row = new Array<string | number | null>(width).fill(null);
      let i = 0;
      for (const key in response) {
        if (key === 'id') continue;
        row[i++] = response[key]!;
        if (key === 'ward_code') {
          const ward = wards.get(response[key] as string);
          row[i++] = ward?.name ?? null;
          row[i++] = ward?.area_committee ?? null;
        }
      }
      while (a < pageAnswers.length && (pageAnswers[a]!.response_id as number) < (response.id as number)) a++;
      for (; a < pageAnswers.length && pageAnswers[a]!.response_id === response.id; a++) {
        const answer = pageAnswers[a]!;
        const q = questions.get(answer.question_id as number);
        if (!q) continue;
        const option = q.options.get(answer.option_id as number);
        if (q.kind === 'multiple_choice' && option) {
          if (row[q.at] === null) row.fill(0, q.at, q.at + q.count);
          row[option.at] = 1;
        } else if (q.kind === 'ranking' && option) row[option.at] = answer.rank!;
        else if (option) {
          row[q.at] = option.key;
          row[q.at + 1] = option.label;
        } else row[q.at] = answer.value_number ?? answer.value_text ?? null;
        if (option?.isOther && q.other !== null) row[q.other] = answer.value_text ?? null;
      }
      if (!csv.write(row)) await once(csv, 'drain');
      rows++;
    }
    if (page.length < PAGE_SIZE) break;
    after = last;
  }
  csv.end();
  await file;
  const ms = performance.now() - started;
  db.close();
  return reportAndReturn(rows, ms);
}

function reportAndReturn(rows: number, ms: number): number {
  console.log(JSON.stringify({ rows, ms, bytes: statSync(out!).size }));
  return rows;
}

await (mode === 'app' ? app() : bare());
