import { data } from '@remix-run/node';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';

/** The consultation a workspace URL names, whatever its status, or a thrown 404. */
export async function requireConsultationById(db: Db, rawId: string | undefined): Promise<Consultation> {
  const id = Number(rawId);
  const consultation = Number.isSafeInteger(id) && id > 0 ? await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!consultation) throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  return consultation;
}

/** Moves the consultation's version on, so cached public definitions are rebuilt. */
export async function touchConsultation(db: Db, consultationId: number, now: Date): Promise<void> {
  await db.updateTable('consultations').set({ updated_at: now.toISOString() }).where('id', '=', consultationId).execute();
}
