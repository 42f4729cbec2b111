import type { ConsultationStatus } from '#db/schema';

/** What a consultation is right now, from its stored status and its dates. */
export type EffectiveStatus = 'draft' | 'upcoming' | 'open' | 'closed' | 'results_published';

export function effectiveStatus(c: { status: ConsultationStatus; opens_at: string | null; closes_at: string | null }, now: Date): EffectiveStatus {
  if (c.status !== 'open') return c.status;
  const iso = now.toISOString();
  if (c.opens_at && iso < c.opens_at) return 'upcoming';
  if (c.closes_at && iso >= c.closes_at) return 'closed';
  return 'open';
}

/** The public can see a consultation once it has opened; drafts and scheduled ones stay hidden. */
export function isPublic(status: EffectiveStatus): boolean {
  return status === 'open' || status === 'closed' || status === 'results_published';
}
