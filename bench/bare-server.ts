import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import SQLite from 'better-sqlite3';
import { loadShape, type ShapeQuestion } from './shape';

// The baseline the app is measured against: the least a Node server has to do for the same
// work, with no framework. GET /static sends the app's hub page bytes; POST /submit parses the
// same urlencoded body and stores the same rows, in one transaction, as the app does
// (app/responses/submit.server.ts, app/responses/answers.ts), then answers 303.
//
// Started by bench/run.ts with BENCH_DB (a migrated and seeded copy of the schema),
// BENCH_HTML (a file holding the hub page bytes) and BENCH_SLUG. Prints its address when ready.

const dbPath = required('BENCH_DB');
const html = readFileSync(required('BENCH_HTML'));
const slug = required('BENCH_SLUG');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

// The same pragmas as db/connection.ts.
const db = new SQLite(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

const shape = loadShape(db, slug);

const ABOUT_YOU = ['age_band', 'sex', 'gender_identity', 'ethnicity', 'disability', 'carer', 'religion', 'sexual_orientation'] as const;
const CONNECTIONS = new Set(['live', 'work', 'study', 'business', 'group']);
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const findByKey = db.prepare<[string], { reference: string }>('select reference from responses where idempotency_key = ?');
const insertResponse = db.prepare(
  `insert into responses (consultation_id, reference, idempotency_key, channel, respondent_group, locale, submitted_at,
     age_band, sex, gender_identity, ethnicity, disability, carer, religion, sexual_orientation, ward_code,
     lives_in_area, works_in_area, studies_in_area, runs_business, represents_group, quote_consent, quote_credit, quote_name)
   values (@consultation_id, @reference, @idempotency_key, @channel, @respondent_group, @locale, @submitted_at,
     @age_band, @sex, @gender_identity, @ethnicity, @disability, @carer, @religion, @sexual_orientation, @ward_code,
     @lives_in_area, @works_in_area, @studies_in_area, @runs_business, @represents_group, @quote_consent, @quote_credit, @quote_name)`,
);
const insertAnswer = db.prepare('insert into answers (response_id, question_id, option_id, rank, value_number, value_text) values (?, ?, ?, ?, ?, ?)');

type AnswerRow = [questionId: number, optionId: number | null, rank: number | null, valueNumber: number | null, valueText: string | null];

class BadRequest extends Error {}

const text = (v: string | null): string | null => (v !== null && v.trim() !== '' ? v.trim() : null);

function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `HRD-${part()}-${part()}`;
}

function optionId(q: ShapeQuestion, key: string) {
  const option = q.optionsByKey.get(key);
  if (!option) throw new BadRequest(`Question ${q.key} has no option ${key}`);
  return option;
}

function rankingValues(form: URLSearchParams, name: string): string[] {
  const ranked: [number, string][] = [];
  for (const [field, value] of form) {
    if (!field.startsWith(`${name}[`)) continue;
    const index = Number(field.slice(name.length + 1, -1));
    if (value !== '') ranked.push([index, value]);
  }
  return ranked.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function answerRows(form: URLSearchParams): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const q of shape.questions) {
    const name = `q-${q.key}`;
    const other = text(form.get(`${name}-other`));
    const choice = (key: string) => {
      const option = optionId(q, key);
      rows.push([q.id, option.id, null, null, option.isOther ? other : null]);
    };
    switch (q.kind) {
      case 'single_choice':
      case 'yes_no':
      case 'agree_scale': {
        const key = form.get(name);
        if (key) choice(key);
        break;
      }
      case 'multiple_choice':
        for (const key of form.getAll(name)) if (key) choice(key);
        break;
      case 'ranking':
        rankingValues(form, name).forEach((key, i) => rows.push([q.id, optionId(q, key).id, i + 1, null, null]));
        break;
      case 'rating': {
        const key = form.get(name);
        if (key) rows.push([q.id, null, null, Number(key), null]);
        break;
      }
      case 'short_text':
      case 'long_text': {
        const value = text(form.get(name));
        if (value) rows.push([q.id, null, null, null, value]);
        break;
      }
    }
  }
  return rows;
}

function responseRow(form: URLSearchParams, idempotencyKey: string, reference: string) {
  const connections = form.getAll('connections').filter((c) => CONNECTIONS.has(c));
  const consent = form.get('quote_consent') === 'yes';
  const credit = consent ? (text(form.get('quote_credit')) ?? 'anonymous') : null;
  const row: Record<string, string | number | null> = {
    consultation_id: shape.id,
    reference,
    idempotency_key: idempotencyKey,
    channel: 'online',
    respondent_group: connections.includes('group') ? 'vcfse' : connections.includes('business') ? 'business' : 'resident',
    locale: 'en',
    submitted_at: new Date().toISOString(),
    ward_code: text(form.get('ward')),
    lives_in_area: connections.includes('live') ? 1 : 0,
    works_in_area: connections.includes('work') ? 1 : 0,
    studies_in_area: connections.includes('study') ? 1 : 0,
    runs_business: connections.includes('business') ? 1 : 0,
    represents_group: connections.includes('group') ? 1 : 0,
    quote_consent: consent ? 1 : 0,
    quote_credit: credit,
    quote_name: credit === 'name_age_area' ? text(form.get('quote_name')) : null,
  };
  for (const field of ABOUT_YOU) row[field] = text(form.get(field));
  return row;
}

/** One transaction per response, as the app: duplicate check, response row, answer rows. */
const store = db.transaction((form: URLSearchParams, idempotencyKey: string, answers: AnswerRow[]): string => {
  const existing = findByKey.get(idempotencyKey);
  if (existing) return existing.reference;
  const reference = newReference();
  const { lastInsertRowid } = insertResponse.run(responseRow(form, idempotencyKey, reference));
  for (const a of answers) insertAnswer.run(lastInsertRowid, ...a);
  return reference;
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function submit(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  const idempotencyKey = form.get('idempotencyKey');
  if (!idempotencyKey) throw new BadRequest('No idempotency key');
  const reference = store(form, idempotencyKey, answerRows(form));
  res.writeHead(303, { Location: `/consultations/${slug}/confirmation/${reference}`, 'Content-Length': 0 });
  res.end();
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/static') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length });
    res.end(html);
    return;
  }
  if (req.method === 'POST' && req.url === '/submit') {
    submit(req, res).catch((error: unknown) => {
      const status = error instanceof BadRequest ? 400 : 500;
      if (status === 500) console.error(error);
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(String(error));
    });
    return;
  }
  res.writeHead(404).end();
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`Bare server listening on http://127.0.0.1:${port}`);
});

const stop = () => server.close(() => (db.close(), process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
