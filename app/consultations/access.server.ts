import { data } from '@remix-run/node';
import type { Db } from '#db/connection';
import type { Locale } from '~/platform/i18n/config';
import type { ClosedError } from '~/ui/closed-error';
import type { PublicConsultation } from './definition';
import { loadConsultationDefinition } from './definition.server';
import { findConsultationBySlug } from './queries.server';
import type { YouthDef } from '~/consultations/versions/youth-definition';
import { loadYouthDefinition } from '~/consultations/versions/youth-definition.server';
import { effectiveStatus, isPublic } from './status';

const notFound = () => new Response(null, { status: 404, statusText: 'Not Found' });

/** A consultation the public may see; drafts and unopened ones are "not found". */
export async function requirePublicConsultation(db: Db, slug: string, locale: Locale, now: Date): Promise<PublicConsultation> {
  const row = await findConsultationBySlug(db, slug);
  const status = row ? effectiveStatus(row, now) : null;
  if (!row || !status || !isPublic(status)) throw notFound();
  const def = await loadConsultationDefinition(db, row, locale);
  return { ...def, effectiveStatus: status };
}

/** A consultation that is taking answers now; once closed, 410 Gone with the reason. */
export async function requireOpenConsultation(db: Db, slug: string, locale: Locale, now: Date): Promise<PublicConsultation> {
  const def = await requirePublicConsultation(db, slug, locale, now);
  if (def.effectiveStatus !== 'open') {
    const error: ClosedError = { reason: 'closed', title: def.title, closesAt: def.closesAt, slug: def.slug };
    throw data(error, { status: 410, statusText: 'Gone' });
  }
  return def;
}

/** The young people's version of a consultation taking answers now; 404 when it has none. */
export async function requireOpenYouthVersion(db: Db, slug: string, locale: Locale, now: Date): Promise<YouthDef> {
  const def = await requireOpenConsultation(db, slug, locale, now);
  const row = await findConsultationBySlug(db, def.slug);
  const youth = row ? await loadYouthDefinition(db, row, locale) : null;
  if (!youth) throw notFound();
  return youth;
}
