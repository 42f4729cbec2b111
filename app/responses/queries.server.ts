import type { Db } from '#db/connection';
import { isReference } from './reference.server';

export async function hasResponseReference(db: Db, consultationId: number, reference: string): Promise<boolean> {
  if (!isReference(reference)) return false;
  const row = await db.selectFrom('responses').select('id').where('consultation_id', '=', consultationId).where('reference', '=', reference).executeTakeFirst();
  return Boolean(row);
}

/**
 * A response's answers with their questions and options, in the order the survey asks them (a
 * ranking in its ranked order): the officer's response page and a subject-access copy both read
 * them so.
 */
export function listAnswersOfResponse(db: Db, responseId: number) {
  return db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .innerJoin('sections', 'sections.id', 'questions.section_id')
    .leftJoin('options', 'options.id', 'answers.option_id')
    .select([
      'answers.id',
      'questions.id as questionId',
      'questions.key',
      'questions.text as questionText',
      'questions.kind',
      'options.id as optionId',
      'options.label',
      'answers.rank',
      'answers.value_number',
      'answers.value_text',
    ])
    .where('answers.response_id', '=', responseId)
    .orderBy('sections.position')
    .orderBy('questions.position')
    .orderBy('answers.rank')
    .orderBy('options.position')
    .orderBy('answers.id')
    .execute();
}
