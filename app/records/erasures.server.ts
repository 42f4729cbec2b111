import { sql } from 'kysely';
import type { Db } from '#db/connection';
import type { ErasureReason } from '#db/schema';

// What has been erased, from the erasures table: how many, why, when. The table keeps no
// content, and neither does anything read here.

export interface ErasureTotals {
  total: number;
  byReason: Record<ErasureReason, number>;
  /** The latest erasure (ISO), or null when there has been none. */
  latest: string | null;
}

export interface ErasureMonth extends ErasureTotals {
  /** "2027-03" */
  month: string;
}

// Written out (not bound) so PostgreSQL sees the grouped expression and the selected one as the same.
const MONTH = sql<string>`substr(erased_at, 1, 7)`;

const NONE: ErasureTotals = { total: 0, byReason: { request: 0, officer: 0 }, latest: null };

/** The erasure totals of each consultation that has had any (all consultations when `ids` is not given). */
export async function countErasures(db: Db, ids?: readonly number[]): Promise<Map<number, ErasureTotals>> {
  if (ids?.length === 0) return new Map();
  let query = db
    .selectFrom('erasures')
    .select((eb) => ['consultation_id', 'reason', eb.fn.countAll<number | string>().as('n'), eb.fn.max('erased_at').as('latest')])
    .groupBy(['consultation_id', 'reason']);
  if (ids) query = query.where('consultation_id', 'in', ids);
  const totals = new Map<number, ErasureTotals>();
  for (const row of await query.execute()) add(totals, row.consultation_id, row.reason, Number(row.n), row.latest);
  return totals;
}

/** One consultation's erasures month by month (by when they were carried out), oldest first. */
export async function countErasuresByMonth(db: Db, consultationId: number): Promise<ErasureMonth[]> {
  const rows = await db
    .selectFrom('erasures')
    .where('consultation_id', '=', consultationId)
    // erased_at is an ISO timestamp: its first seven characters are the month, in either database.
    .select((eb) => [MONTH.as('month'), 'reason', eb.fn.countAll<number | string>().as('n'), eb.fn.max('erased_at').as('latest')])
    .groupBy([MONTH, 'reason'])
    .execute();
  const months = new Map<string, ErasureTotals>();
  for (const row of rows) add(months, row.month, row.reason, Number(row.n), row.latest);
  return [...months].map(([month, totals]) => ({ month, ...totals })).sort((a, b) => a.month.localeCompare(b.month));
}

export function erasuresOrNone(totals: ErasureTotals | undefined): ErasureTotals {
  return totals ?? NONE;
}

function add<K>(into: Map<K, ErasureTotals>, key: K, reason: ErasureReason, n: number, latest: string | null) {
  const totals = into.get(key) ?? { total: 0, byReason: { request: 0, officer: 0 }, latest: null };
  totals.total += n;
  totals.byReason[reason] += n;
  if (latest && (!totals.latest || latest > totals.latest)) totals.latest = latest;
  into.set(key, totals);
}
