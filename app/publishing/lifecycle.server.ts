import type { Db } from '#db/connection';
import type { Actor } from '~/platform/audit.server';
import { changeConsultation, refuse, type Result } from '~/consultations/change.server';
import { effectiveStatus } from '~/consultations/status';

// Publishing a consultation's results ("we asked, you said, we did") and taking them down again.
// Only a closed consultation's results can be published: while it is open the figures still
// move, and a draft has none. Each change moves updated_at, which keys the public page caches,
// and opens its own transaction (changeConsultation), with its audit entry.

/** The officer's opening words on the public results page. */
export function saveResultsSummary(db: Db, actor: Actor, id: number, summary: string, now = new Date()): Promise<Result> {
  return changeConsultation(
    db,
    actor,
    id,
    {
      set: () => ({ results_summary: summary }),
      audit: (before) => ({
        action: 'results.summary',
        summary: `Changed what we say first about "${before.title}"`,
        before: { results_summary: before.results_summary },
        after: { results_summary: summary },
      }),
    },
    now,
  );
}

export function publishResults(db: Db, actor: Actor, id: number, now = new Date()): Promise<Result> {
  return changeConsultation(
    db,
    actor,
    id,
    {
      check: (before) => {
        if (effectiveStatus(before, now) !== 'closed') return refuse('publishing:notClosed');
        if (before.results_summary.trim() === '') return refuse('publishing:summaryMissing', 'summary');
        return undefined;
      },
      set: () => ({ status: 'results_published' as const, results_published_at: now.toISOString() }),
      audit: (before, after) => ({
        action: 'results.publish',
        summary: `Published the results of "${before.title}"`,
        before: { status: before.status, results_published_at: before.results_published_at },
        after,
      }),
    },
    now,
  );
}

/** Takes the public results page down; the consultation is closed again, its actions kept. */
export function unpublishResults(db: Db, actor: Actor, id: number, now = new Date()): Promise<Result> {
  return changeConsultation(
    db,
    actor,
    id,
    {
      check: (before) => (before.status !== 'results_published' ? refuse('publishing:notPublished') : undefined),
      set: () => ({ status: 'closed' as const, results_published_at: null }),
      audit: (before, after) => ({
        action: 'results.unpublish',
        summary: `Took down the results of "${before.title}"`,
        before: { status: before.status, results_published_at: before.results_published_at },
        after,
      }),
    },
    now,
  );
}
