import type { Db } from '#db/connection';
import type { ResponseStatus } from '#db/schema';

export interface ResponseCounts {
  /** Responses in every count. */
  counted: number;
  /** Kept, but out of every count: spam, duplicate, test. */
  excluded: number;
  byStatus: Record<ResponseStatus, number>;
}

/** How many responses a consultation has, counted and kept out. */
export async function countResponsesByStatus(db: Db, consultationId: number): Promise<ResponseCounts> {
  const rows = await db
    .selectFrom('responses')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('consultation_id', '=', consultationId)
    .groupBy('status')
    .execute();
  const byStatus: Record<ResponseStatus, number> = { counted: 0, spam: 0, duplicate: 0, test: 0 };
  for (const row of rows) byStatus[row.status] = Number(row.n);
  return { counted: byStatus.counted, excluded: byStatus.spam + byStatus.duplicate + byStatus.test, byStatus };
}
