import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { SCHEMA_COLUMNS, type Database } from '#db/schema';
import { createConsultation } from '../../../tests/factories';
import { createSample } from '~/coding/samples.server';
import { saveCoding } from '~/coding/codings.server';
import { actorOf, type Actor } from '~/platform/audit.server';
import { pickQuote, removeQuote } from '~/publishing/quotes/picking.server';
import { changeResponseStatus } from '~/responses/moderation/status.server';
import { storeResponse } from '~/responses/submit.server';

// A consultation with everything an erasure must reach (issue 18): a resident's response with a
// closed answer and words of their own, coded by an officer, in a double-coding sample, quoted
// (and a quote taken off again), excluded and restored with a reason, a draft left under its
// key, and an export made before the erasure whose stored file holds their words; and a dozen
// other responses that must stay exactly as they are.

export const SECRET_WORDS = 'The bench by the duck pond at Vernon Park is where I sit every morning';

export interface ErasureFixture {
  consultationId: number;
  officer: { id: number; email: string };
  actor: Actor;
  target: { id: number; reference: string; idempotencyKey: string; answerIds: number[] };
  others: number[];
  questions: { pick: number; why: number; options: number[] };
  themeId: number;
  /** A finished export whose stored file holds the response. */
  exportJobId: number;
}

let made = 0;

async function addOfficer(db: Db) {
  const now = new Date().toISOString();
  return db
    .insertInto('users')
    .values({ email: `erasure-officer-${++made}-${Date.now()}@stockport.gov.uk`, role: 'officer', status: 'active', created_at: now, updated_at: now })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
}

export async function createErasureFixture(db: Db, { seed = true }: { seed?: boolean } = {}): Promise<ErasureFixture> {
  if (seed) await seedReference(db);
  const consultationId = await createConsultation(db, {
    status: 'results_published',
    sections: [
      {
        key: 's1',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['buses', 'trams'] },
          { key: 'why', kind: 'long_text' },
        ],
      },
    ],
  });
  const questionRows = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', consultationId).execute();
  const pick = questionRows.find((q) => q.key === 'pick')!.id;
  const why = questionRows.find((q) => q.key === 'why')!.id;
  const options = (await db.selectFrom('options').select('id').where('question_id', '=', pick).orderBy('position').execute()).map((o) => o.id);
  const wards = (await db.selectFrom('wards').select('code').orderBy('position').limit(2).execute()).map((w) => w.code);
  const officer = await addOfficer(db);
  const actor = actorOf(officer);

  const store = async (n: number, words: string, key: string) => {
    const stored = await storeResponse(
      db,
      {
        consultationId,
        fields: {
          respondent_group: 'resident',
          ward_code: wards[n % 2] ?? null,
          age_band: n % 3 === 0 ? '25_34' : '65_74',
          quote_consent: 1,
          quote_credit: 'anonymous',
        },
        answers: [
          { question_id: pick, option_id: options[n % 2]!, rank: null, value_number: null, value_text: null },
          { question_id: why, option_id: null, rank: null, value_number: null, value_text: words },
        ],
      },
      { idempotencyKey: key, locale: 'en', channel: 'online', draftToken: null, now: new Date() },
    );
    return (await db.selectFrom('responses').select(['id', 'reference']).where('reference', '=', stored.reference).executeTakeFirstOrThrow()).id;
  };
  const others: number[] = [];
  for (let n = 0; n < 12; n++) others.push(await store(n, `Other resident ${n} wants more buses on route ${n}`, `erasure-other-${consultationId}-${n}`));
  const idempotencyKey = `erasure-target-${consultationId}`;
  const targetId = await store(0, SECRET_WORDS, idempotencyKey);
  const target = await db.selectFrom('responses').select(['id', 'reference']).where('id', '=', targetId).executeTakeFirstOrThrow();
  const answers = await db.selectFrom('answers').select(['id', 'question_id']).where('response_id', '=', targetId).orderBy('id').execute();
  const freeText = answers.find((a) => a.question_id === why)!.id;

  const { id: themeId } = await db
    .insertInto('codebook_themes')
    .values({
      consultation_id: consultationId,
      key: `parks-${consultationId}`,
      name: 'Parks and green spaces',
      position: 1,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const otherFreeText = await db.selectFrom('answers').select('id').where('question_id', '=', why).where('response_id', 'in', others.slice(0, 3)).execute();
  for (const answerId of [freeText, ...otherFreeText.map((a) => a.id)]) {
    await saveCoding(db, actor, { consultationId, questionId: why, answerId, coderId: officer.id, themeIds: [themeId] });
  }
  await createSample(db, actor, { consultationId, questionId: why, name: 'Everything', size: 13, pool: 'any' });
  const removed = await pickQuote(db, actor, { consultationId, answerId: freeText, themeId, excerpt: 'duck pond at Vernon Park' });
  if (!removed.ok) throw new Error(`Could not pick the quote: ${removed.error}`);
  await removeQuote(db, actor, { consultationId, quoteId: removed.id });
  const picked = await pickQuote(db, actor, { consultationId, answerId: freeText, themeId, excerpt: SECRET_WORDS });
  if (!picked.ok) throw new Error(`Could not pick the quote: ${picked.error}`);
  await changeResponseStatus(db, officer, { consultationId, responseId: targetId, status: 'test', reason: `Looked like a test: ${SECRET_WORDS}` });
  await changeResponseStatus(db, officer, { consultationId, responseId: targetId, status: 'counted', reason: 'A real resident after all' });

  // A draft left under the response's key (a second tab), and one of somebody else.
  const now = new Date().toISOString();
  await db
    .insertInto('response_drafts')
    .values([
      {
        token: `erasure-draft-${consultationId}:${consultationId}`,
        consultation_id: consultationId,
        data: JSON.stringify({ values: { why: SECRET_WORDS }, idempotencyKey }),
        created_at: now,
        updated_at: now,
      },
      {
        token: `other-draft-${consultationId}:${consultationId}`,
        consultation_id: consultationId,
        data: JSON.stringify({ values: { why: 'Half written' }, idempotencyKey: `someone-else-${consultationId}` }),
        created_at: now,
        updated_at: now,
      },
    ])
    .execute();

  // An export made before the erasure: its file holds the person's words.
  const fileKey = `erasure-export-${consultationId}`;
  const { id: exportJobId } = await db
    .insertInto('export_jobs')
    .values({
      consultation_id: consultationId,
      kind: 'responses',
      format: 'csv',
      locale: 'en',
      status: 'done',
      filename: 'responses.csv',
      file_key: fileKey,
      created_at: now,
      finished_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('export_file_chunks')
    .values([
      { file_key: fileKey, seq: 0, bytes: Buffer.from(`reference,why\n${target.reference},"${SECRET_WORDS}"\n`), created_at: now },
      { file_key: fileKey, seq: 1, bytes: Buffer.from('HRD-OTHR-0000,"Other words"\n'), created_at: now },
    ])
    .execute();

  return {
    consultationId,
    officer,
    actor,
    target: { id: targetId, reference: target.reference, idempotencyKey, answerIds: answers.map((a) => a.id) },
    others,
    questions: { pick, why, options },
    themeId,
    exportJobId,
  };
}

/** Rows in every table of the schema. */
export async function countEveryTable(db: Db): Promise<Record<keyof Database, number>> {
  const counts = {} as Record<keyof Database, number>;
  for (const table of Object.keys(SCHEMA_COLUMNS) as (keyof Database)[]) {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}

/** Every value in every table, as text (bytes read as UTF-8), with where it is: to look for what must be gone. */
export async function everyStoredValue(db: Db): Promise<{ where: string; text: string }[]> {
  const found: { where: string; text: string }[] = [];
  for (const table of Object.keys(SCHEMA_COLUMNS) as (keyof Database)[]) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : String(value);
        found.push({ where: `${table}.${column}`, text });
      }
  }
  return found;
}
