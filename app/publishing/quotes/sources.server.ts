import type { Db } from '#db/connection';
import { TEXT_KINDS } from '~/consultations/question-kinds';
import { whereCounted } from '~/responses/counted.server';
import type { CreditSource } from './credit';

// Where quotable words come from: free-text answers of responses in the counts whose respondent
// agreed to be quoted. Both the answers officers pick from and the quotes already picked are read
// through this, so a response later marked as spam, or a consent taken back, drops out of both.

/** Free-text answers that may be quoted, with what their credit needs (responses and wards joined). */
export function quotableAnswers(db: Db) {
  return whereCounted(
    db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .leftJoin('wards', 'wards.code', 'responses.ward_code')
      .where('questions.kind', 'in', TEXT_KINDS)
      .where('answers.value_text', 'is not', null)
      // Free text is stored without an option; saying so lets a question's answers be read in id order off answers_question_idx.
      .where('answers.option_id', 'is', null)
      .where('responses.quote_consent', '=', 1),
  );
}

/** The response columns creditFor reads. */
export const CREDIT_COLUMNS = [
  'responses.quote_consent',
  'responses.quote_credit',
  'responses.quote_name',
  'responses.age_band',
  'responses.respondent_group',
  'responses.never_attribute',
  'responses.postcode_district',
  'wards.name as ward_name',
] as const;

export interface CreditRow {
  quote_consent: number;
  quote_credit: string | null;
  quote_name: string | null;
  age_band: string | null;
  respondent_group: string;
  never_attribute: number;
  postcode_district: string | null;
  ward_name: string | null;
}

export function creditSourceOf(row: CreditRow): CreditSource {
  return {
    quoteConsent: row.quote_consent,
    quoteCredit: row.quote_credit,
    quoteName: row.quote_name,
    ageBand: row.age_band,
    area: row.ward_name ?? row.postcode_district,
    group: row.respondent_group,
    neverAttribute: row.never_attribute,
  };
}
