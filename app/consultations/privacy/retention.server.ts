import type { Consultation } from '#db/schema';
import type { Retention } from './notice';

// How long a consultation's answers are kept, as its privacy notice states it. The one place the
// notice learns it: until the retention policy's own reckoning (app/retention/policy.ts,
// retentionDateOf and the installation's default) is merged, the consultation's months, else the
// two years the site-wide notice has always promised.

export const NOTICE_DEFAULT_RETENTION_MONTHS = 24;

export function retentionOf(c: Pick<Consultation, 'closes_at' | 'retention_months' | 'retention_free_text' | 'retention_about_you'>): Retention {
  const months = c.retention_months ?? NOTICE_DEFAULT_RETENTION_MONTHS;
  return { months, until: c.closes_at ? addMonths(c.closes_at, months) : null, freeText: c.retention_free_text, aboutYou: c.retention_about_you };
}

/** The date `months` after an ISO instant, as YYYY-MM-DD (the 31st of a short month becomes its last day). */
function addMonths(iso: string, months: number): string {
  const from = new Date(iso);
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}
