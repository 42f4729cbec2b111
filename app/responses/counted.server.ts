import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '#db/schema';
import type { Db } from '#db/connection';

// One definition of "a response in the counts", for every count, chart and export: a response
// an officer marked as spam, duplicate or test is kept (and can be restored) but never counted.
//
//   whereCounted(db.selectFrom('responses'))            -> responses in the counts
//   whereCounted(db.selectFrom('answers').innerJoin('responses', ...))  -> answers of them
//   countedResponses(db, consultationId)                -> a query builder to add to

/** Restricts any query that has `responses` in it (selected or joined) to the responses in the counts. */
export function whereCounted<DB extends Database, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return qb.where(sql.ref('responses.status'), '=', 'counted');
}

/** A consultation's counted responses, to select from or count: `countedResponses(db, id).select(...)`. */
export function countedResponses(db: Db, consultationId: number) {
  return db.selectFrom('responses').where('responses.consultation_id', '=', consultationId).where('responses.status', '=', 'counted');
}

/** How many responses a consultation has in its counts. */
export async function countCounted(db: Db, consultationId: number): Promise<number> {
  const row = await countedResponses(db, consultationId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
