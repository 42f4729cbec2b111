import type { Db } from '#db/connection';
import type { DataRequestKind, DataRequestStatus } from '#db/schema';

// Residents' requests (data_requests, app/data-requests) as the record counts them: how many
// copies and erasures were asked for about a consultation's responses, how many are still open,
// done or refused. Counts only; a request's reference, email and message never leave here.

export interface RequestTotals {
  access: number;
  erasure: number;
  /** Received or verified, not yet done or refused. */
  open: number;
  completed: number;
  refused: number;
}

const NONE: RequestTotals = { access: 0, erasure: 0, open: 0, completed: 0, refused: 0 };

/** The request totals of each consultation that has had any (all consultations when `ids` is not given). */
export async function countRequests(db: Db, ids?: readonly number[]): Promise<Map<number, RequestTotals>> {
  if (ids?.length === 0) return new Map();
  let query = db
    .selectFrom('data_requests')
    .select((eb) => ['consultation_id', 'kind', 'status', eb.fn.countAll<number | string>().as('n')])
    .where('consultation_id', 'is not', null)
    .groupBy(['consultation_id', 'kind', 'status']);
  if (ids) query = query.where('consultation_id', 'in', ids);
  const totals = new Map<number, RequestTotals>();
  for (const row of await query.execute()) {
    if (row.consultation_id === null) continue;
    const into = totals.get(row.consultation_id) ?? { ...NONE };
    add(into, row.kind, row.status, Number(row.n));
    totals.set(row.consultation_id, into);
  }
  return totals;
}

export function requestsOrNone(totals: RequestTotals | undefined): RequestTotals {
  return totals ?? NONE;
}

function add(into: RequestTotals, kind: DataRequestKind, status: DataRequestStatus, n: number) {
  into[kind] += n;
  if (status === 'completed') into.completed += n;
  else if (status === 'refused') into.refused += n;
  else into.open += n;
}
