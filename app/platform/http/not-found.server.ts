import { data } from '@remix-run/node';
import type { Params } from '@remix-run/react';
import { PRIVATE_PAGE } from './cache-headers';

// An address that names nothing: a thrown 404 that the shared error boundary shows. (A
// consultation's own pages find it through ~/consultations/find.server, which says the same.)

/** A numeric id from the address, or a thrown 404 for one nothing could have. */
export function idParam(params: Params, name: string): number {
  const id = Number(params[name]);
  if (!Number.isInteger(id) || id <= 0) throw data({ reason: 'not_found' }, { status: 404 });
  return id;
}

export function notFound(): never {
  throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': PRIVATE_PAGE } });
}
