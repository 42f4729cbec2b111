import { data } from '@remix-run/node';
import type { Db } from '#db/connection';
import type { Locale } from '~/i18n/config';
import type { ClosedError, PublicConsultation } from './definition';
import { loadConsultationDefinition } from './definition.server';
import { findConsultationBySlug } from './queries.server';
import { effectiveStatus, isPublic } from './status';

/** A consultation the public may see; drafts and unopened ones are "not found". */
export async function requirePublicConsultation(db: Db, slug: string, locale: Locale, now: Date): Promise<PublicConsultation> {
  const row = await findConsultationBySlug(db, slug);
  const status = row ? effectiveStatus(row, now) : null;
  if (!row || !status || !isPublic(status)) throw new Response(null, { status: 404, statusText: 'Not Found' });
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
