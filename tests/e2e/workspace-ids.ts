import type { Db } from '../../db/connection';
import type { Ids } from './workspace-routes';

// The demo's things each workspace route is opened with (WORKSPACE_ROUTES), found in its database.

/** `someoneEmail`: the user whose page the users routes open (and may disable). */
export async function findIds(db: Db, someoneEmail: string): Promise<Ids> {
  const consultation = await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow();
  const question = await db
    .selectFrom('questions')
    .select(['id', 'section_id'])
    .where('consultation_id', '=', consultation.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const response = await db.selectFrom('responses').select('id').where('consultation_id', '=', consultation.id).orderBy('id').executeTakeFirstOrThrow();
  const youthItem = await db.selectFrom('youth_items').select('id').where('consultation_id', '=', consultation.id).orderBy('id').executeTakeFirstOrThrow();
  const theme = await db.selectFrom('themes').select('id').orderBy('id').executeTakeFirstOrThrow();
  const priority = await db.selectFrom('priorities').select('id').orderBy('id').executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('id').where('email', '=', someoneEmail).executeTakeFirstOrThrow();
  const quotableAnswer = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .select('answers.id')
    .where('responses.consultation_id', '=', consultation.id)
    .where('responses.status', '=', 'counted')
    .where('responses.quote_consent', '=', 1)
    .where('questions.kind', 'in', ['short_text', 'long_text'])
    .where('answers.value_text', 'is not', null)
    .orderBy('answers.id')
    .executeTakeFirstOrThrow();
  const baseline = await db.selectFrom('population_baselines').select('id').orderBy('id').executeTakeFirstOrThrow();
  const action = await db.selectFrom('actions').select(['id', 'consultation_id']).orderBy('id').executeTakeFirstOrThrow();
  return {
    consultation: consultation.id,
    question: question.id,
    section: question.section_id,
    response: response.id,
    youthItem: youthItem.id,
    theme: theme.id,
    priority: priority.id,
    user: user.id,
    quotableAnswer: quotableAnswer.id,
    baseline: baseline.id,
    action: action.id,
    actionConsultation: action.consultation_id,
    ...(await codingIds(db, consultation.id, quotableAnswer.id)),
  };
}

/** The demo's first codebook theme and double-coding sample, and the question an answer in words belongs to. */
async function codingIds(db: Db, consultationId: number, answerId: number): Promise<Pick<Ids, 'codebookTheme' | 'openQuestion' | 'codingSample'>> {
  const theme = await db.selectFrom('codebook_themes').select('id').where('consultation_id', '=', consultationId).orderBy('position').executeTakeFirstOrThrow();
  const answer = await db.selectFrom('answers').select('question_id').where('id', '=', answerId).executeTakeFirstOrThrow();
  const sample = await db.selectFrom('coding_samples').select('id').where('consultation_id', '=', consultationId).orderBy('id').executeTakeFirstOrThrow();
  return { codebookTheme: theme.id, openQuestion: answer.question_id, codingSample: sample.id };
}
