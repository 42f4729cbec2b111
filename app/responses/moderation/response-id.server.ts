import { data } from '@remix-run/node';

/** A response id from a URL, or a thrown 404. */
export function responseIdOf(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  return id;
}
