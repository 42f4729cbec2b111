import type { Db } from '#db/connection';
import { CLOSED_KINDS, type QuestionDefinition } from './columns';
import { addAnswer, addNotAsked, addRow, createIndex, type ConsultationIndex } from './consultation-index';
import { fillRollups } from './rollups';
import { DIMENSION_COLUMNS } from './dimensions';

// Builds a consultation's index from the database in pages of response ids, so a million
// responses never sit in memory as row objects at once: each page's rows (and their answers)
// are turned into bytes and dropped before the next page is read. Pages are small and the
// build steps aside for other work between them: better-sqlite3 answers synchronously, so
// without that a million-response build (about 30 s) would hold up every request meanwhile,
// and large pages left hundreds of MB of row objects for the collector (330 MB resident after
// a million at 20,000 a page, 212 MB at 5,000).

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
  const batchSize = options.batchSize ?? 2_500;
  const wards = await db.selectFrom('wards').select(['code', 'area_committee']).orderBy('position').orderBy('id').execute();
  const questions = await loadDefinitions(db, consultationId);
  const { n, low, high } = await db
    .selectFrom('responses')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('id').as('low'), eb.fn.max('id').as('high')])
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
  // A little headroom so the first submissions after the build do not copy every column.
  const index = createIndex({ consultationId, wards, questions, closedKinds: CLOSED_KINDS, capacity: Math.ceil(Number(n) * 1.05) });
  if (low == null || high == null) return index; // no responses: the totals are all zero already

  // Pages are windows of the primary key, with the consultation checked here rather than in
  // SQL: given `consultation_id = ?`, SQLite walks the (consultation_id, status) index and sorts
  // the whole consultation for every page, which made a million-response build quadratic.
  for (let from = Number(low); from <= Number(high); from += batchSize) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const to = from + batchSize - 1;
    const rows = await db
      .selectFrom('responses')
      .select(['id', 'consultation_id', 'status', ...DIMENSION_COLUMNS])
      .where('id', '>=', from)
      .where('id', '<=', to)
      .execute();
    for (const r of rows) if (r.consultation_id === consultationId) addRow(index, r);
    if (index.questions.length === 0) continue;
    // By response id range only: with `question_id in (...)` added, SQLite chose the
    // (question_id, option_id) index and read every closed answer for every page, which made a
    // million-response build quadratic. Open answers and other consultations' rows in the range
    // are skipped here instead.
    const answers = await db
      .selectFrom('answers')
      .select(['response_id', 'question_id', 'option_id', 'rank', 'value_number'])
      .where('response_id', '>=', from)
      .where('response_id', '<=', to)
      .execute();
    for (const a of answers) {
      if (!index.columnOf.has(a.question_id)) continue;
      const row = index.rowOfId[a.response_id - index.idBase] ?? -1;
      if (row >= 0) addAnswer(index, row, a);
    }
    const passedBy = await db
      .selectFrom('not_asked')
      .select(['response_id', 'question_id'])
      .where('response_id', '>=', from)
      .where('response_id', '<=', to)
      .execute();
    for (const n of passedBy) {
      if (!index.columnOf.has(n.question_id)) continue;
      const row = index.rowOfId[n.response_id - index.idBase] ?? -1;
      if (row >= 0) addNotAsked(index, row, n.question_id);
    }
  }
  fillRollups(index.rollups, index.dimensions, index.counted, index.size);
  return index;
}
