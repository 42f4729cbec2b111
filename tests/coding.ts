import type { Db } from '../db/connection';
import type { ResponseStatus } from '../db/schema';

// Test data for coding free text: people who code, and responses with typed answers, stored as
// the survey stores them.

let made = 0;

export async function addCoder(db: Db, name: string): Promise<number> {
  made += 1;
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto('users')
    .values({
      email: `coder${made}.${Date.now()}@stockport.gov.uk`,
      name,
      role: 'officer',
      status: 'active',
      password_hash: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface ResponseSpec {
  channel?: string;
  ward?: string | null;
  locale?: string;
  group?: string;
  status?: ResponseStatus;
  /** Typed answers by question id; closed answers by option id. */
  texts?: Record<number, string>;
  options?: Record<number, number>;
}

/** A stored response and the ids of its typed answers, by question id. */
export async function addResponse(db: Db, consultationId: number, spec: ResponseSpec = {}): Promise<{ id: number; answers: Record<number, number> }> {
  made += 1;
  const { id } = await db
    .insertInto('responses')
    .values({
      consultation_id: consultationId,
      reference: `HRD-T${String(made).padStart(3, '0')}-TEST`,
      idempotency_key: `coding-test-${made}-${Math.random()}`,
      channel: spec.channel ?? 'online',
      respondent_group: spec.group ?? 'resident',
      locale: spec.locale ?? 'en',
      submitted_at: new Date().toISOString(),
      ward_code: spec.ward ?? null,
      status: spec.status ?? 'counted',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const answers: Record<number, number> = {};
  for (const [questionId, text] of Object.entries(spec.texts ?? {})) {
    const row = await db
      .insertInto('answers')
      .values({ response_id: id, question_id: Number(questionId), value_text: text })
      .returning('id')
      .executeTakeFirstOrThrow();
    answers[Number(questionId)] = row.id;
  }
  for (const [questionId, optionId] of Object.entries(spec.options ?? {})) {
    await db
      .insertInto('answers')
      .values({ response_id: id, question_id: Number(questionId), option_id: optionId })
      .execute();
  }
  return { id, answers };
}

/** The ids of a test consultation's questions and options by key. */
export async function questionIds(db: Db, consultationId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', consultationId).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.id]));
}
