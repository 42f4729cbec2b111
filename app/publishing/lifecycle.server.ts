import type { Db } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { findConsultation, type Result } from '~/consultations/builder/consultations.server';
import { effectiveStatus } from '~/consultations/status';

// Publishing a consultation's results ("we asked, you said, we did") and taking them down again.
// Only a closed consultation's results can be published: while it is open the figures still
// move, and a draft has none. Each change moves updated_at, which keys the public page caches.

/** The officer's opening words on the public results page. */
export async function saveResultsSummary(trx: Db, actor: Actor, id: number, summary: string, now = new Date()): Promise<Result> {
  const before = await findConsultation(trx, id);
  if (!before) return { ok: false, error: 'builder:notFound' };
  await trx.updateTable('consultations').set({ results_summary: summary, updated_at: now.toISOString() }).where('id', '=', id).execute();
  await recordAudit(
    trx,
    actor,
    { action: 'results.summary', entityType: 'consultation', entityId: id, consultationId: id, summary: `Changed what we say first about "${before.title}"`, before: { results_summary: before.results_summary }, after: { results_summary: summary } },
    now,
  );
  return { ok: true };
}

export async function publishResults(trx: Db, actor: Actor, id: number, now = new Date()): Promise<Result> {
  const before = await findConsultation(trx, id);
  if (!before) return { ok: false, error: 'builder:notFound' };
  if (effectiveStatus(before, now) !== 'closed') return { ok: false, error: 'publishing:notClosed' };
  if (before.results_summary.trim() === '') return { ok: false, error: 'publishing:summaryMissing', field: 'summary' };
  const after = { status: 'results_published' as const, results_published_at: now.toISOString() };
  await trx
    .updateTable('consultations')
    .set({ ...after, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  await recordAudit(
    trx,
    actor,
    { action: 'results.publish', entityType: 'consultation', entityId: id, consultationId: id, summary: `Published the results of "${before.title}"`, before: { status: before.status, results_published_at: before.results_published_at }, after },
    now,
  );
  return { ok: true };
}

/** Takes the public results page down; the consultation is closed again, its actions kept. */
export async function unpublishResults(trx: Db, actor: Actor, id: number, now = new Date()): Promise<Result> {
  const before = await findConsultation(trx, id);
  if (!before) return { ok: false, error: 'builder:notFound' };
  if (before.status !== 'results_published') return { ok: false, error: 'publishing:notPublished' };
  const after = { status: 'closed' as const, results_published_at: null };
  await trx
    .updateTable('consultations')
    .set({ ...after, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  await recordAudit(
    trx,
    actor,
    { action: 'results.unpublish', entityType: 'consultation', entityId: id, consultationId: id, summary: `Took down the results of "${before.title}"`, before: { status: before.status, results_published_at: before.results_published_at }, after },
    now,
  );
  return { ok: true };
}
