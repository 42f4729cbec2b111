import type { Db } from '#db/connection';
import type { Locale } from '~/platform/i18n/config';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';

/** The council's priorities, grouped by theme, for the details page's checkboxes. */
export async function listPriorityChoices(db: Db, locale: Locale) {
  const [themes, priorities] = await Promise.all([
    db.selectFrom('themes').select(['id', 'name']).orderBy('position').execute(),
    db.selectFrom('priorities').select(['id', 'theme_id', 'name']).orderBy('position').execute(),
  ]);
  const tr = await loadTranslations(db, locale, [
    { type: 'theme', ids: themes.map((t) => t.id) },
    { type: 'priority', ids: priorities.map((p) => p.id) },
  ]);
  return themes.map((t) => ({
    id: t.id,
    name: translated(tr, 'theme', t.id, 'name', t.name),
    priorities: priorities.filter((p) => p.theme_id === t.id).map((p) => ({ id: p.id, name: translated(tr, 'priority', p.id, 'name', p.name) })),
  }));
}
