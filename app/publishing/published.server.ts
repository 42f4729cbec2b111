import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { findConsultationBySlug } from '~/consultations/queries.server';

// What the public may see of a consultation's results: nothing until an officer publishes them.
// The public results page and the public open-data files both ask here, so they cannot disagree.

export const resultsArePublished = (consultation: Pick<Consultation, 'status'>) => consultation.status === 'results_published';

/** The consultation with this slug if its results are published; a 404 for the public otherwise. */
export async function requirePublishedConsultation(db: Db, slug: string | undefined): Promise<Consultation> {
  const consultation = slug ? await findConsultationBySlug(db, slug) : undefined;
  if (!consultation || !resultsArePublished(consultation)) throw new Response(null, { status: 404, statusText: 'Not Found' });
  return consultation;
}
