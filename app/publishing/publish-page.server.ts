import type { Db } from '#db/connection';
import { listPriorityChoices } from '~/coding/codebook.server';
import { requireConsultation } from '~/consultations/find.server';
import { effectiveStatus } from '~/consultations/status';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import type { Locale } from '~/platform/i18n/config';
import { listActions } from './actions.server';

// What the officers' publishing pages show: where the results page stands, the opening words,
// the actions, and the priorities an action can serve (the consultation's own first).

export interface PriorityChoice {
  id: number;
  name: string;
  theme: string;
  linked: boolean;
}

export async function listActionPriorities(db: Db, consultationId: number, locale: Locale): Promise<PriorityChoice[]> {
  const [all, linked] = await Promise.all([
    listPriorityChoices(db),
    db.selectFrom('consultation_priorities').select('priority_id').where('consultation_id', '=', consultationId).execute(),
  ]);
  const tr = await loadTranslations(db, locale, [{ type: 'priority', ids: all.map((p) => p.id) }]);
  const linkedIds = new Set(linked.map((l) => l.priority_id));
  const choices = all.map((p) => ({ id: p.id, name: translated(tr, 'priority', p.id, 'name', p.name), theme: p.theme, linked: linkedIds.has(p.id) }));
  return [...choices.filter((p) => p.linked), ...choices.filter((p) => !p.linked)];
}

export async function loadPublishPage(db: Db, rawId: string | undefined, locale: Locale, now = new Date()) {
  const consultation = await requireConsultation(db, rawId);
  const actions = await listActions(db, consultation.id, locale);
  return {
    consultation: {
      id: consultation.id,
      slug: consultation.slug,
      title: consultation.title,
      status: effectiveStatus(consultation, now),
      publishedAt: consultation.results_published_at,
      resultsSummary: consultation.results_summary,
    },
    actions,
  };
}
