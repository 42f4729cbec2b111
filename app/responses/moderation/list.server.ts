import type { Db } from '#db/connection';
import type { ResponseStatus } from '#db/schema';
import { CHANNELS, type Channel } from '~/responses/codes';
import { EXCLUDED_STATUSES, LIST_STATUSES, type ListStatus } from './schemas';

export const PAGE_SIZE = 50;

export interface ListFilters {
  status: ListStatus;
  channel: Channel | null;
  page: number;
}

export interface ResponseRow {
  id: number;
  reference: string;
  submittedAt: string;
  channel: string;
  group: string;
  status: ResponseStatus;
}

export interface ResponsePage {
  rows: ResponseRow[];
  /** Responses matching the filters, counted by the database (never by loading them). */
  total: number;
  page: number;
  pages: number;
}

/** The filters from a list page's address; anything unknown falls back to "all", page 1. */
export function readListFilters(url: URL): ListFilters {
  const status = url.searchParams.get('status') ?? 'all';
  const channel = url.searchParams.get('channel') ?? '';
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  return {
    status: (LIST_STATUSES as readonly string[]).includes(status) ? (status as ListStatus) : 'all',
    channel: (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : null,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function filtered(db: Db, consultationId: number, filters: ListFilters) {
  let query = db.selectFrom('responses').where('consultation_id', '=', consultationId);
  if (filters.status === 'excluded') query = query.where('status', 'in', [...EXCLUDED_STATUSES]);
  else if (filters.status !== 'all') query = query.where('status', '=', filters.status);
  if (filters.channel) query = query.where('channel', '=', filters.channel);
  return query;
}

/**
 * One page of a consultation's responses, newest first. The total is a COUNT and the page a
 * LIMIT/OFFSET over the (consultation_id, submitted_at) index, so a consultation with 100,000
 * responses costs the same as one with 100.
 */
export async function listResponses(db: Db, consultationId: number, filters: ListFilters): Promise<ResponsePage> {
  const { n } = await filtered(db, consultationId, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await filtered(db, consultationId, filters)
    .select(['id', 'reference', 'submitted_at', 'channel', 'respondent_group', 'status'])
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return {
    rows: rows.map((r) => ({ id: r.id, reference: r.reference, submittedAt: r.submitted_at, channel: r.channel, group: r.respondent_group, status: r.status })),
    total,
    page,
    pages,
  };
}
