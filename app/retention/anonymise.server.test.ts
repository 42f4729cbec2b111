import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { SCHEMA_COLUMNS, type Consultation, type Database } from '#db/schema';
import { seedReference } from '#db/seed/index';
import { loadResults } from '~/analysis/results.server';
import { loadPublicResults } from '~/publishing/results-page.server';
import { listQuotableAnswers, readAnswerFilters } from '~/publishing/quotes/answers.server';
import { frequentTerms } from '~/coding/terms.server';
import { COMMAND_LINE } from '~/platform/audit.server';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { REDACTED_TEXT } from '~/responses/text';
import { runRetention } from './anonymise.server';
import type { RetentionDefaults } from './policy';

// "Retention on a consultation closed N months ago changes exactly the fields it should and
// nothing else; not one closed N-1 months ago" (issue 18), on SQLite and PostgreSQL: every table
// is read before and after, and every cell that changed is named.

const defaults: RetentionDefaults = { months: 24, freeText: 'redact', aboutYou: 'coarsen' };
const now = new Date('2027-01-12T09:00:00.000Z');
const monthsAgo = (months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

let db: Db;
let destroy: () => Promise<void>;
let wardCode: string;

interface Made {
  id: number;
  questions: Record<string, number>;
  other: number;
  pick: number;
}

async function makeConsultation(
  closesAt: string,
  policy: Partial<Pick<Consultation, 'retention_months' | 'retention_free_text' | 'retention_about_you'>>,
  published: boolean,
): Promise<Made> {
  const id = await createConsultation(db, {
    status: published ? 'results_published' : 'closed',
    opensAt: monthsAgo(30),
    closesAt,
    sections: [
      {
        key: 's1',
        questions: [
          { key: 'colour', kind: 'single_choice', options: ['red', 'blue'], otherOption: 'other' },
          { key: 'why', kind: 'short_text' },
          { key: 'more', kind: 'long_text' },
        ],
      },
    ],
  });
  await db
    .updateTable('consultations')
    .set({ ...policy, results_published_at: published ? monthsAgo(1) : null })
    .where('id', '=', id)
    .execute();
  const qs = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', id).execute();
  const questions = Object.fromEntries(qs.map((q) => [q.key, q.id]));
  const options = await db.selectFrom('options').select(['id', 'key']).where('question_id', '=', questions.colour!).execute();
  return { id, questions, other: options.find((o) => o.key === 'other')!.id, pick: options.find((o) => o.key === 'red')!.id };
}

let serial = 0;
/** A response with every field a person can give, answering each question. */
async function addFullResponse(c: Made, extra: { channel?: string; facilitator?: string; notes?: string } = {}) {
  serial++;
  const { id } = await db
    .insertInto('responses')
    .values({
      consultation_id: c.id,
      reference: `HRD-TEST-${serial}`,
      idempotency_key: `key-${serial}`,
      channel: extra.channel ?? 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: monthsAgo(20),
      age_band: '35_44',
      sex: 'female',
      gender_identity: 'same',
      ethnicity: serial % 2 ? 'asian_pakistani' : 'white_british',
      disability: 'not_limited',
      carer: 'none',
      religion: 'muslim',
      sexual_orientation: 'straight',
      ward_code: wardCode,
      lives_in_area: 1,
      quote_consent: 1,
      quote_credit: 'name_age_area',
      quote_name: `Person ${serial}`,
      postcode_district: 'SK4',
      facilitator: extra.facilitator ?? null,
      notes: extra.notes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const answers = await db
    .insertInto('answers')
    .values([
      {
        response_id: id,
        question_id: c.questions.colour!,
        option_id: serial % 3 ? c.pick : c.other,
        value_text: serial % 3 ? null : 'Green, ring me on 07700 900123',
      },
      { response_id: id, question_id: c.questions.why!, value_text: `Parks matter to me, email jo${serial}@example.org` },
      { response_id: id, question_id: c.questions.more!, value_text: 'The library in Reddish is where I meet people.' },
    ])
    .returning('id')
    .execute();
  return { id, answerIds: answers.map((a) => a.id) };
}

async function addQuote(c: Made, answerId: number) {
  const { id: themeId } = await db
    .insertInto('codebook_themes')
    .values({ consultation_id: c.id, key: `parks-${c.id}`, name: 'Parks', position: 1, created_at: monthsAgo(10) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('codings')
    .values({ answer_id: answerId, coder_id: (await coder()).id, consultation_id: c.id, question_id: c.questions.why!, coded_at: monthsAgo(10) })
    .execute();
  await db
    .insertInto('coding_themes')
    .values({ answer_id: answerId, coder_id: (await coder()).id, theme_id: themeId })
    .execute();
  await db
    .insertInto('quotes')
    .values({ consultation_id: c.id, answer_id: answerId, theme_id: themeId, text: 'Parks matter to me', picked_at: monthsAgo(9) })
    .execute();
}

async function coder() {
  const found = await db.selectFrom('users').select('id').where('email', '=', 'coder@example.gov.uk').executeTakeFirst();
  if (found) return found;
  return db
    .insertInto('users')
    .values({ email: 'coder@example.gov.uk', role: 'officer', status: 'active', created_at: monthsAgo(30), updated_at: monthsAgo(30) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

type Dump = Record<string, Record<string, unknown>[]>;

async function dumpAll(): Promise<Dump> {
  const dump: Dump = {};
  for (const table of Object.keys(SCHEMA_COLUMNS) as (keyof Database)[]) {
    dump[table] = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  }
  return dump;
}

/** Every cell that differs ("responses.7.quote_name"), and rows gone or new ("quotes -{...}"). */
function differences(before: Dump, after: Dump): string[] {
  const found: string[] = [];
  for (const table of Object.keys(before)) {
    const rowsBefore = before[table]!;
    const rowsAfter = after[table]!;
    if (rowsBefore.length > 0 && 'id' in rowsBefore[0]! && table !== 'change_log') {
      const afterById = new Map(rowsAfter.map((r) => [r.id, r]));
      for (const row of rowsBefore) {
        const other = afterById.get(row.id);
        if (!other) {
          found.push(`${table}.${String(row.id)} removed`);
          continue;
        }
        for (const column of Object.keys(row))
          if (JSON.stringify(row[column]) !== JSON.stringify(other[column])) found.push(`${table}.${String(row.id)}.${column}`);
      }
      const ids = new Set(rowsBefore.map((r) => r.id));
      for (const row of rowsAfter) if (!ids.has(row.id)) found.push(`${table} new row`);
    } else {
      const key = (r: Record<string, unknown>) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
      const a = new Set(rowsBefore.map(key));
      const b = new Set(rowsAfter.map(key));
      for (const r of a) if (!b.has(r)) found.push(`${table} removed`);
      for (const r of b) if (!a.has(r)) found.push(`${table} new row`);
    }
  }
  return found.sort();
}

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  wardCode = (await db.selectFrom('wards').select('code').orderBy('position').executeTakeFirstOrThrow()).code;
});
afterAll(() => destroy());

describe('retention on a consultation closed N months ago', () => {
  it('changes exactly the fields it should, and nothing of one closed N-1 months ago', async () => {
    const due = await makeConsultation(monthsAgo(6), { retention_months: 6 }, true);
    const notYet = await makeConsultation(monthsAgo(5), { retention_months: 6 }, true);
    const dueResponses = [];
    for (let i = 0; i < 3; i++) dueResponses.push(await addFullResponse(due));
    const keyedIn = await addFullResponse(due, { channel: 'workshop', facilitator: 'Sam Officer', notes: 'Told us about her neighbour at no. 4' });
    for (let i = 0; i < 3; i++) await addFullResponse(notYet);
    const quoted = dueResponses[0]!;
    await addQuote(due, quoted.answerIds[1]!);
    await db
      .insertInto('response_drafts')
      .values([
        { token: 'draft-due', consultation_id: due.id, data: '{"why":"half typed"}', created_at: monthsAgo(7), updated_at: monthsAgo(7) },
        { token: 'draft-not-yet', consultation_id: notYet.id, data: '{}', created_at: monthsAgo(6), updated_at: monthsAgo(6) },
      ])
      .execute();

    const before = await dumpAll();
    const run = await runRetention(db, COMMAND_LINE, { defaults, now });
    const after = await dumpAll();

    expect(run.plans.map((p) => p.consultationId)).toEqual([due.id]);
    const answerCells = (r: { answerIds: number[] }, withOther: boolean) =>
      r.answerIds.filter((_, i) => i > 0 || withOther).map((id) => `answers.${id}.value_text`);
    const otherTextOf = async (r: { answerIds: number[] }) => before.answers!.find((a) => a.id === r.answerIds[0])!.value_text !== null;
    const expected = [`consultations.${due.id}.anonymised_at`, 'audit_events new row', 'change_log new row', 'response_drafts removed'];
    for (const r of [...dueResponses, keyedIn]) {
      expected.push(...answerCells(r, await otherTextOf(r)));
      // Coarsened: detailed ethnicity to its group; gender identity, religion, sexual orientation removed.
      expected.push(...['ethnicity', 'gender_identity', 'religion', 'sexual_orientation'].map((c) => `responses.${r.id}.${c}`));
      // Contact-like data, except what a published quote's credit is worked out from.
      if (r !== quoted) expected.push(...['postcode_district', 'quote_credit', 'quote_name'].map((c) => `responses.${r.id}.${c}`));
    }
    expected.push(`responses.${keyedIn.id}.facilitator`, `responses.${keyedIn.id}.notes`);
    expect(differences(before, after)).toEqual(expected.sort());

    const rows = await db.selectFrom('responses').selectAll().where('consultation_id', '=', due.id).orderBy('id').execute();
    expect(rows.map((r) => r.ethnicity)).toEqual(['asian', 'white', 'asian', 'white']);
    expect(rows.find((r) => r.id === quoted.id)).toMatchObject({
      quote_name: 'Person 1',
      quote_credit: 'name_age_area',
      postcode_district: 'SK4',
      age_band: '35_44',
    });
    const texts = await db.selectFrom('answers').select('value_text').where('question_id', '=', due.questions.why!).execute();
    expect(texts.map((t) => t.value_text)).toEqual([REDACTED_TEXT, REDACTED_TEXT, REDACTED_TEXT, REDACTED_TEXT]);
    // Nothing redacted is offered to quote, nor counted among the words to code by.
    const everyAnswer = readAnswerFilters(new URL('http://heard.test/quotes'));
    expect((await listQuotableAnswers(db, notYet.id, everyAnswer)).answers.length).toBeGreaterThan(0);
    expect((await listQuotableAnswers(db, due.id, everyAnswer)).answers).toEqual([]);
    expect(await frequentTerms(db, due.questions.why!)).toMatchObject({ terms: [], phrases: [], total: 0 });
    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'consultation.anonymise').executeTakeFirstOrThrow();
    expect(audit.after_json).not.toContain('Parks');
    expect(audit.after_json).not.toContain('Person');

    // A second run finds nothing left to do.
    expect((await runRetention(db, COMMAND_LINE, { defaults, now })).plans).toEqual([]);
  });

  it('with --dry-run says what would change, the same as the run then changes, and changes nothing', async () => {
    const due = await makeConsultation(monthsAgo(25), { retention_months: null, retention_free_text: 'keep', retention_about_you: 'remove' }, false);
    const a = await addFullResponse(due);
    await addFullResponse(due, { channel: 'paper', facilitator: 'Ali', notes: 'posted in' });
    await addQuote(due, a.answerIds[1]!);

    const before = await dumpAll();
    const dry = await runRetention(db, COMMAND_LINE, { defaults, now, dryRun: true });
    expect(differences(before, await dumpAll())).toEqual([]);
    expect(dry.plans).toHaveLength(1);
    expect(dry.plans[0]).toMatchObject({
      consultationId: due.id,
      policy: { months: 24, monthsFromDefault: true, freeText: 'keep', aboutYou: 'remove' },
      responses: 2,
      freeTextRedacted: 0,
      // Each response's email, and the phone number in each "other, please specify" text.
      freeTextCleaned: 2 + (await otherTexts(due)),
      aboutYouRemoved: { age_band: 2, sex: 2, gender_identity: 2, ethnicity: 2, disability: 2, carer: 2, religion: 2, sexual_orientation: 2, ward_code: 2 },
      contactDeleted: { quote_name: 2, quote_credit: 2, postcode_district: 2, facilitator: 1, notes: 1 },
      quotesDeleted: 0,
      quotesCleaned: 0,
    });

    const done = await runRetention(db, COMMAND_LINE, { defaults, now });
    expect(
      done.plans.map(({ consultationId, responses, freeTextCleaned, aboutYouRemoved, contactDeleted }) => ({
        consultationId,
        responses,
        freeTextCleaned,
        aboutYouRemoved,
        contactDeleted,
      })),
    ).toEqual(
      dry.plans.map(({ consultationId, responses, freeTextCleaned, aboutYouRemoved, contactDeleted }) => ({
        consultationId,
        responses,
        freeTextCleaned,
        aboutYouRemoved,
        contactDeleted,
      })),
    );
    const texts = await db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select('answers.value_text')
      .where('responses.consultation_id', '=', due.id)
      .where('answers.value_text', 'is not', null)
      .execute();
    expect(texts.map((t) => t.value_text).join(' ')).not.toMatch(/example\.org|07700/);
    expect(texts.map((t) => t.value_text)).toContain('The library in Reddish is where I meet people.');
    const people = await db.selectFrom('responses').selectAll().where('consultation_id', '=', due.id).execute();
    expect(people.every((p) => p.age_band === null && p.ward_code === null && p.quote_name === null && p.religion === null)).toBe(true);
  });
});

async function otherTexts(c: Made): Promise<number> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select('answers.id')
    .where('responses.consultation_id', '=', c.id)
    .where('answers.question_id', '=', c.questions.colour!)
    .where('answers.value_text', 'is not', null)
    .execute();
  return rows.length;
}

describe('published figures after anonymising', () => {
  it('stay as published on the public results page, quotes and credits included, while the workspace breakdowns recompute', async () => {
    const c = await makeConsultation(monthsAgo(13), { retention_months: 12 }, true);
    const first = await addFullResponse(c);
    for (let i = 0; i < 11; i++) await addFullResponse(c);
    await addQuote(c, first.answerIds[1]!);
    const consultation = () => db.selectFrom('consultations').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    const before = await loadPublicResults(db, await consultation(), 'en', 10);
    const byEthnicity = new URLSearchParams({ breakdown: 'ethnicity' });
    const breakdownBefore = await loadResults(db, await consultation(), 'en', byEthnicity, 10);

    await runRetention(db, COMMAND_LINE, { defaults, now });
    const anonymised = await consultation();
    expect(anonymised.anonymised_at).toBe(now.toISOString());
    const after = await loadPublicResults(db, anonymised, 'en', 10);
    expect(before.themes[0]?.quotes).toEqual({
      [`parks-${c.id}`]: [expect.objectContaining({ text: 'Parks matter to me', credit: expect.stringContaining('Person') })],
    });
    expect(after).toEqual(before);
    // The officer's breakdown by ethnicity is recomputed from the anonymised rows: groups now.
    const breakdownAfter = await loadResults(db, anonymised, 'en', byEthnicity, 10);
    expect(JSON.stringify(breakdownAfter)).not.toEqual(JSON.stringify(breakdownBefore));
  });
});
