import type { Db } from '#db/connection';
import { CLOSED_KINDS, type QuestionDefinition } from './columns';
import { addAnswer, addRow, createIndex, type ConsultationIndex } from './consultation-index';
import { DIMENSION_COLUMNS } from './dimensions';

// Builds a consultation's index from the database in pages of responses by id, so a million
// responses never sit in memory as row objects at once: each page's rows (and their answers)
// are turned into bytes and dropped before the next page is read.

export interface BuildOptions {
  /** Responses per page; their answers come in the same page (about 13 closed answers each). */
  batchSize?: number;
}

async function loadDefinitions(db: Db, consultationId: number): Promise<QuestionDefinition[]> {
  const questions = await db
    .selectFrom('questions')
    .select(['id', 'key', 'kind', 'rating_max', 'rank_count'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const options = await db
    .selectFrom('options')
    .innerJoin('questions', 'questions.id', 'options.question_id')
    .select(['options.id', 'options.key', 'options.question_id'])
    .where('questions.consultation_id', '=', consultationId)
    .orderBy('options.position')
    .orderBy('options.id')
    .execute();
  return questions.map((q) => ({ ...q, options: options.filter((o) => o.question_id === q.id) }));
}

export async function buildConsultationIndex(db: Db, consultationId: number, options: BuildOptions = {}): Promise<ConsultationIndex> {
  const batchSize = options.batchSize ?? 20_000;
  const wards = await db.selectFrom('wards').select(['code', 'area_committee']).orderBy('position').orderBy('id').execute();
  const questions = await loadDefinitions(db, consultationId);
  const { n } = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
  // A little headroom so the first submissions after the build do not copy every column.
  const index = createIndex({ consultationId, wards, questions, closedKinds: CLOSED_KINDS, capacity: Math.ceil(Number(n) * 1.05) });
  const closedIds = index.questions.map((q) => q.id);

  let after = 0;
  for (;;) {
    const responses = await db
      .selectFrom('responses')
      .select(['id', 'status', ...DIMENSION_COLUMNS])
      .where('consultation_id', '=', consultationId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    const first = responses[0];
    const last = responses.at(-1);
    if (!first || !last) break;
    for (const r of responses) addRow(index, r);
    after = last.id;
    if (closedIds.length === 0) continue;
    // By response id range (the answers_response_idx index), narrowed to this consultation's
    // closed questions, which also drops the rows of other consultations' responses in the range.
    const answers = await db
      .selectFrom('answers')
      .select(['response_id', 'question_id', 'option_id', 'rank', 'value_number'])
      .where('response_id', '>=', first.id)
      .where('response_id', '<=', last.id)
      .where('question_id', 'in', closedIds)
      .execute();
    for (const a of answers) {
      const row = index.rowOfId[a.response_id - index.idBase] ?? -1;
      if (row >= 0) addAnswer(index, row, a);
    }
  }
  return index;
}
