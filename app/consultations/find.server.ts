import { data } from '@remix-run/node';
import type { Db, Trx } from '#db/connection';
import { prepared } from '#db/prepared';
import type { Consultation } from '#db/schema';
import type { Locale } from '~/platform/i18n/config';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import type { ClosedError } from '~/ui/closed-error';
import type { PublicConsultation } from './definition';
import { loadConsultationDefinition } from './definition.server';
import type { YouthDef } from '~/consultations/versions/youth-definition';
import { loadYouthDefinition } from '~/consultations/versions/youth-definition.server';
import { effectiveStatus, isPublic } from './status';

// Finding one consultation, for everyone who needs one: the plain finders (undefined when there is
// none), the workspace's (any status, by the id in the address, a private 404), and the public's
// (by slug, only what the public may see, a plain 404, or 410 once closed).

export function findConsultation(db: Db, id: number): Promise<Consultation | undefined> {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

// Prepared (#db/prepared): every public page and submission finds its consultation by slug.
const bySlug = prepared((db: Db | Trx, v: { slug: string }) => db.selectFrom('consultations').selectAll().where('slug', '=', v.slug));

export async function findConsultationBySlug(db: Db, slug: string): Promise<Consultation | undefined> {
  return (await bySlug(db, { slug })).rows[0];
}

/** The consultation whose young people's version has this short code. */
export function findConsultationByYouthCode(db: Db, code: string): Promise<Consultation | undefined> {
  return db.selectFrom('consultations').selectAll().where('youth_code', '=', code).executeTakeFirst();
}

// The workspace: officers reach a consultation by the id in the address, whatever its status.

/** The workspace's 404: the shared error boundary shows it, and no cache keeps it. */
function workspaceNotFound(): never {
  throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

/** The id in a workspace address, or a thrown 404 for one no consultation could have. */
function idOf(rawId: string | undefined): number {
  const id = Number(rawId);
  return Number.isSafeInteger(id) && id > 0 ? id : workspaceNotFound();
}

/** The consultation a workspace address names (`params.id`), whatever its status, or a thrown 404. */
export async function requireConsultation(db: Db, rawId: string | undefined): Promise<Consultation> {
  return (await findConsultation(db, idOf(rawId))) ?? workspaceNotFound();
}

/** As requireConsultation, loading only its id and title: for pages that name it and load the rest themselves. */
export async function requireConsultationTitle(db: Db, rawId: string | undefined): Promise<Pick<Consultation, 'id' | 'title'>> {
  const row = await db.selectFrom('consultations').select(['id', 'title']).where('id', '=', idOf(rawId)).executeTakeFirst();
  return row ?? workspaceNotFound();
}

// The public: by slug, and only what the public may see. A draft is "not found", never "forbidden".

const publicNotFound = () => new Response(null, { status: 404, statusText: 'Not Found' });

/** The row and definition of a consultation the public may see; drafts and unopened ones are "not found". */
async function publicConsultation(db: Db, slug: string, locale: Locale, now: Date): Promise<{ row: Consultation; def: PublicConsultation }> {
  const row = await findConsultationBySlug(db, slug);
  const status = row ? effectiveStatus(row, now) : null;
  if (!row || !status || !isPublic(status)) throw publicNotFound();
  const def = await loadConsultationDefinition(db, row, locale);
  return { row, def: { ...def, effectiveStatus: status } };
}

/** As publicConsultation, and taking answers now; once closed, 410 Gone with the reason. */
async function openConsultation(db: Db, slug: string, locale: Locale, now: Date): Promise<{ row: Consultation; def: PublicConsultation }> {
  const found = await publicConsultation(db, slug, locale, now);
  const { def } = found;
  if (def.effectiveStatus !== 'open') {
    const error: ClosedError = { reason: 'closed', title: def.title, closesAt: def.closesAt, slug: def.slug };
    throw data(error, { status: 410, statusText: 'Gone' });
  }
  return found;
}

/** A consultation the public may see; drafts and unopened ones are "not found". */
export async function requirePublicConsultation(db: Db, slug: string, locale: Locale, now: Date): Promise<PublicConsultation> {
  return (await publicConsultation(db, slug, locale, now)).def;
}

/** A consultation that is taking answers now; once closed, 410 Gone with the reason. */
export async function requireOpenConsultation(db: Db, slug: string, locale: Locale, now: Date): Promise<PublicConsultation> {
  return (await openConsultation(db, slug, locale, now)).def;
}

/** The young people's version of a consultation taking answers now; 404 when it has none. */
export async function requireOpenYouthVersion(db: Db, slug: string, locale: Locale, now: Date): Promise<YouthDef> {
  const { row } = await openConsultation(db, slug, locale, now);
  const youth = await loadYouthDefinition(db, row, locale);
  if (!youth) throw publicNotFound();
  return youth;
}

/** Results the public may see: nothing until an officer publishes them. */
export const resultsArePublished = (consultation: Pick<Consultation, 'status'>) => consultation.status === 'results_published';

/**
 * The consultation with this slug if its results are published; a 404 for the public otherwise.
 * The public results page and the public open-data files both ask here, so they cannot disagree.
 */
export async function requirePublishedConsultation(db: Db, slug: string | undefined): Promise<Consultation> {
  const consultation = slug ? await findConsultationBySlug(db, slug) : undefined;
  if (!consultation || !resultsArePublished(consultation)) throw publicNotFound();
  return consultation;
}
