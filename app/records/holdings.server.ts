import type { ExpressionBuilder } from 'kysely';
import type { Db } from '#db/connection';
import type { Database } from '#db/schema';
import { TEXT_KINDS } from '~/consultations/question-kinds';
import { REDACTED_TEXT } from '~/responses/text';
import { ABOUT_YOU_FIELD_NAMES, PREFER_NOT, WARD_UNKNOWN, type AboutYouField } from '~/responses/demographics';
import type { Category } from './categories';

// How many responses hold each kind of personal data: SQL counts over the responses table, one
// pass per consultation list, never a row's content. "Holds" means a value a person gave: "Prefer
// not to say", "I don't know" (ward), empty text and text the anonymiser redacted hold nothing
// about them.

export interface ResponseCounts {
  counted: number;
  /** Kept but out of every count (spam, duplicate, test): still personal data held. */
  excluded: number;
}

export interface Holdings extends ResponseCounts {
  /** Responses holding each category. */
  categories: Record<Category, number>;
  /** Free-text answers (each question answered in words, and "Other, please specify"). */
  freeTextAnswers: number;
}

type Responses = ExpressionBuilder<Database, 'responses'>;

const given = (eb: Responses, column: AboutYouField | 'ward_code' | 'postcode_district' | 'quote_name' | 'notes', nothing: string) =>
  eb.fn.count<number | string>(
    eb
      .case()
      .when(eb.and([eb(column, 'is not', null), eb(column, '<>', nothing)]))
      .then(1)
      .end(),
  );

/** Counted and excluded responses of each consultation (all of them when `ids` is not given). */
export async function countResponses(db: Db, ids?: readonly number[]): Promise<Map<number, ResponseCounts>> {
  if (ids?.length === 0) return new Map();
  let query = db
    .selectFrom('responses')
    .select((eb) => [
      'consultation_id',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.count<number | string>(eb.case().when('status', '=', 'counted').then(1).end()).as('counted'),
    ])
    .groupBy('consultation_id');
  if (ids) query = query.where('consultation_id', 'in', ids);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.consultation_id, { counted: Number(r.counted), excluded: Number(r.total) - Number(r.counted) }]));
}

/** Every category's count for one consultation's responses. */
export async function countHoldings(db: Db, consultationId: number): Promise<Holdings> {
  const row = await db
    .selectFrom('responses')
    .where('consultation_id', '=', consultationId)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.count<number | string>(eb.case().when('status', '=', 'counted').then(1).end()).as('counted'),
      ...ABOUT_YOU_FIELD_NAMES.map((field) => given(eb, field, PREFER_NOT).as(field)),
      given(eb, 'ward_code', WARD_UNKNOWN).as('ward'),
      given(eb, 'postcode_district', '').as('postcode_district'),
      // A name to credit a quote with is only held with consent to be quoted.
      eb.fn
        .count<number | string>(
          eb
            .case()
            .when(eb.and([eb('quote_consent', '=', 1), eb('quote_name', 'is not', null), eb('quote_name', '<>', '')]))
            .then(1)
            .end(),
        )
        .as('quote_name'),
      given(eb, 'notes', '').as('notes'),
    ])
    .executeTakeFirstOrThrow();
  const text = await countFreeText(db, consultationId);
  const aboutYou = Object.fromEntries(ABOUT_YOU_FIELD_NAMES.map((field) => [field, Number(row[field])])) as Record<AboutYouField, number>;
  return {
    counted: Number(row.counted),
    excluded: Number(row.total) - Number(row.counted),
    freeTextAnswers: text.answers,
    categories: {
      ...aboutYou,
      ward: Number(row.ward),
      postcode_district: Number(row.postcode_district),
      quote_name: Number(row.quote_name),
      free_text: text.responses,
      notes: Number(row.notes),
    },
  };
}

/**
 * Where a consultation's free text is stored: its text questions, and the "Other, please specify"
 * options of its choice questions. Reading answers by these keys walks only text answers (the
 * answers index is on question and option), never the many rows of ticked boxes.
 */
export async function findTextSources(db: Db, consultationId: number): Promise<{ questionId: number; optionId: number | null }[]> {
  const [texts, others] = await Promise.all([
    db.selectFrom('questions').select('id').where('consultation_id', '=', consultationId).where('kind', 'in', TEXT_KINDS).orderBy('id').execute(),
    db
      .selectFrom('options')
      .innerJoin('questions', 'questions.id', 'options.question_id')
      .select(['options.id', 'options.question_id'])
      .where('questions.consultation_id', '=', consultationId)
      .where('options.is_other', '=', 1)
      .orderBy('options.id')
      .execute(),
  ]);
  return [...texts.map((q) => ({ questionId: q.id, optionId: null })), ...others.map((o) => ({ questionId: o.question_id, optionId: o.id }))];
}

async function countFreeText(db: Db, consultationId: number): Promise<{ answers: number; responses: number }> {
  const sources = await findTextSources(db, consultationId);
  if (sources.length === 0) return { answers: 0, responses: 0 };
  const row = await db
    .selectFrom('answers')
    .where((eb) =>
      eb.or(
        sources.map((s) =>
          s.optionId === null ? eb('question_id', '=', s.questionId) : eb.and([eb('question_id', '=', s.questionId), eb('option_id', '=', s.optionId)]),
        ),
      ),
    )
    .where('value_text', 'is not', null)
    .where('value_text', 'not in', ['', REDACTED_TEXT])
    .select((eb) => [eb.fn.countAll<number | string>().as('answers'), eb.fn.count<number | string>('response_id').distinct().as('responses')])
    .executeTakeFirstOrThrow();
  return { answers: Number(row.answers), responses: Number(row.responses) };
}
