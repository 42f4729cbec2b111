import type { Db } from '#db/connection';
import type { ConsultationStatus } from '#db/schema';
import type { Locale } from '~/platform/i18n/config';
import { listPrioritiesOfMany } from '~/framework/queries.server';
import type { ConsultationCard } from './definition';
import { effectiveStatus, isPublic } from './status';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';

export interface HubFilters {
  theme?: string;
  priority?: string;
}

/** The consultations the public can see, newest first, optionally only those tied to a theme or priority. */
export async function listPublicConsultations(db: Db, locale: Locale, filters: HubFilters, now: Date): Promise<ConsultationCard[]> {
  const rows = await db.selectFrom('consultations').selectAll().where('status', '!=', 'draft').orderBy('closes_at', 'desc').execute();
  const visible = rows.map((row) => ({ row, status: effectiveStatus(row, now) })).filter(({ status }) => isPublic(status));
  const ids = visible.map(({ row }) => row.id);
  const [priorities, tr] = await Promise.all([listPrioritiesOfMany(db, ids, locale), loadTranslations(db, locale, [{ type: 'consultation', ids }])]);
  return visible
    .map(({ row, status }) => ({
      slug: row.slug,
      title: translated(tr, 'consultation', row.id, 'title', row.title),
      summary: translated(tr, 'consultation', row.id, 'summary', row.summary),
      status,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      estimatedMinutes: row.estimated_minutes,
      priorities: priorities.get(row.id) ?? [],
      youthCode: row.youth_code,
    }))
    .filter(
      (card) =>
        (!filters.theme || card.priorities.some((p) => p.themeKey === filters.theme)) &&
        (!filters.priority || card.priorities.some((p) => p.key === filters.priority)),
    );
}

/** How many consultations there are in each state, for the workspace's dashboard. */
export async function countConsultationsByStatus(db: Db): Promise<Record<ConsultationStatus, number>> {
  const rows = await db
    .selectFrom('consultations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<ConsultationStatus, number> = { draft: 0, open: 0, closed: 0, results_published: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
