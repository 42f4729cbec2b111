import { data } from '@remix-run/node';
import type { Db } from '#db/connection';

/** The consultation a moderation URL names (any status), or a thrown 404. */
export async function requireModeratedConsultation(db: Db, rawId: string | undefined): Promise<{ id: number; title: string }> {
  const id = Number(rawId);
  const row = Number.isSafeInteger(id) && id > 0 ? await db.selectFrom('consultations').select(['id', 'title']).where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  return row;
}

/** A response id from a URL, or a thrown 404. */
export function responseIdOf(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  return id;
}
