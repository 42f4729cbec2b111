import type { Db } from '../db/connection';
import type { NewResponse, ResponseStatus } from '../db/schema';

// Test data for quotes and the across-consultations view: framework rows, responses with their
// consent choices, free-text answers, codebook themes and codings, written straight to the tables.

let made = 0;
const unique = (prefix: string) => `${prefix}-${++made}-${Math.random().toString(36).slice(2, 8)}`;

export async function addFrameworkTheme(db: Db, name = 'One Home'): Promise<number> {
  const { id } = await db
    .insertInto('themes')
    .values({ key: unique('theme'), name, position: made })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function addPriority(db: Db, themeId: number, name: string): Promise<number> {
  const { id } = await db
    .insertInto('priorities')
    .values({ theme_id: themeId, key: unique('priority'), name, position: made })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function linkPriority(db: Db, consultationId: number, priorityId: number): Promise<void> {
  await db.insertInto('consultation_priorities').values({ consultation_id: consultationId, priority_id: priorityId }).execute();
}

export async function addWard(db: Db, name: string): Promise<string> {
  const code = unique('E05');
  await db.insertInto('wards').values({ code, name, area_committee: 'Test area', position: made }).execute();
  return code;
}

export async function addCodebookTheme(db: Db, consultationId: number, name: string, priorityId: number | null = null): Promise<number> {
  const { id } = await db
    .insertInto('codebook_themes')
    .values({ consultation_id: consultationId, key: unique('code'), name, priority_id: priorityId, position: made, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type Respondent = Partial<
  Pick<NewResponse, 'quote_consent' | 'quote_credit' | 'quote_name' | 'age_band' | 'ward_code' | 'never_attribute' | 'respondent_group' | 'postcode_district'>
> & {
  status?: ResponseStatus;
};

/** A response with one answer to the question, returning both ids. */
export async function addAnswer(
  db: Db,
  consultationId: number,
  questionId: number,
  text: string | null,
  who: Respondent = {},
): Promise<{ responseId: number; answerId: number }> {
  const { status = 'counted', ...fields } = who;
  const { id: responseId } = await db
    .insertInto('responses')
    .values({
      consultation_id: consultationId,
      reference: unique('HRD'),
      idempotency_key: unique('key'),
      channel: 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: new Date().toISOString(),
      status,
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: answerId } = await db
    .insertInto('answers')
    .values({ response_id: responseId, question_id: questionId, value_text: text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { responseId, answerId };
}

/** A coder's finished coding of an answer, with the themes they gave it (possibly none). */
export async function code(db: Db, answerId: number, coderId: number, themeIds: number[]): Promise<void> {
  const answer = await db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .select(['questions.id as question_id', 'questions.consultation_id'])
    .where('answers.id', '=', answerId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('codings')
    .values({
      answer_id: answerId,
      coder_id: coderId,
      consultation_id: answer.consultation_id,
      question_id: answer.question_id,
      coded_at: new Date().toISOString(),
    })
    .execute();
  if (themeIds.length > 0)
    await db
      .insertInto('coding_themes')
      .values(themeIds.map((theme_id) => ({ answer_id: answerId, coder_id: coderId, theme_id })))
      .execute();
}

export async function questionIdOf(db: Db, consultationId: number, key: string): Promise<number> {
  return (await db.selectFrom('questions').select('id').where('consultation_id', '=', consultationId).where('key', '=', key).executeTakeFirstOrThrow()).id;
}
