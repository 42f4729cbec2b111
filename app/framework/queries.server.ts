import type { Db } from '#db/connection';
import { onLoggedChanges } from '~/platform/change-log.server';
import type { Locale } from '~/platform/i18n/config';
import type { PriorityRef } from '~/framework/priorities';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';

// Consultation definitions are cached with their priorities' names (definition.server.ts), so a
// change to the framework moves this revision and with it every cache key: at once in the process
// that made it, and in every other process when the change log's feed delivers the entry
// editing.server.ts wrote with the change (platform/change-log.server.ts). On globalThis, as
// server.js and the Remix build each bundle this module and the feed runs in the first.
const revisions = ((globalThis as { [key: symbol]: unknown })[Symbol.for('heard.frameworkRevisions')] ??= new WeakMap<Db, number>()) as WeakMap<Db, number>;

export function frameworkRevision(db: Db): number {
  return revisions.get(db) ?? 0;
}

export function noteFrameworkChanged(db: Db): void {
  revisions.set(db, frameworkRevision(db) + 1);
}

onLoggedChanges((db, changes) => {
  if (changes.some((c) => c.kind === 'framework')) noteFrameworkChanged(db);
});

export interface ThemeWithPriorities {
  key: string;
  name: string;
  description: string;
  priorities: { key: string; name: string; ambition: string }[];
}

/** The council's framework (themes and their priorities), in the reader's language. */
export async function listFramework(db: Db, locale: Locale): Promise<ThemeWithPriorities[]> {
  const [themes, priorities] = await Promise.all([
    db.selectFrom('themes').selectAll().orderBy('position').execute(),
    db.selectFrom('priorities').selectAll().orderBy('position').execute(),
  ]);
  const tr = await loadTranslations(db, locale, [
    { type: 'theme', ids: themes.map((t) => t.id) },
    { type: 'priority', ids: priorities.map((p) => p.id) },
  ]);
  return themes.map((t) => ({
    key: t.key,
    name: translated(tr, 'theme', t.id, 'name', t.name),
    description: translated(tr, 'theme', t.id, 'description', t.description),
    priorities: priorities
      .filter((p) => p.theme_id === t.id)
      .map((p) => ({
        key: p.key,
        name: translated(tr, 'priority', p.id, 'name', p.name),
        ambition: translated(tr, 'priority', p.id, 'ambition', p.ambition),
      })),
  }));
}

/** The priorities each of the given consultations is linked to, keyed by consultation id. */
export async function listPrioritiesOfMany(db: Db, consultationIds: number[], locale: Locale): Promise<Map<number, PriorityRef[]>> {
  const result = new Map<number, PriorityRef[]>();
  if (consultationIds.length === 0) return result;
  const rows = await db
    .selectFrom('consultation_priorities as cp')
    .innerJoin('priorities as p', 'p.id', 'cp.priority_id')
    .innerJoin('themes as t', 't.id', 'p.theme_id')
    .select(['cp.consultation_id', 'p.id as priorityId', 'p.key', 'p.name', 't.id as themeId', 't.key as themeKey', 't.name as themeName'])
    .where('cp.consultation_id', 'in', consultationIds)
    .orderBy('t.position')
    .orderBy('p.position')
    .execute();
  const tr = await loadTranslations(db, locale, [
    { type: 'priority', ids: rows.map((r) => r.priorityId) },
    { type: 'theme', ids: rows.map((r) => r.themeId) },
  ]);
  for (const r of rows) {
    const list = result.get(r.consultation_id) ?? [];
    list.push({
      key: r.key,
      name: translated(tr, 'priority', r.priorityId, 'name', r.name),
      themeKey: r.themeKey,
      themeName: translated(tr, 'theme', r.themeId, 'name', r.themeName),
    });
    result.set(r.consultation_id, list);
  }
  return result;
}

export async function listPrioritiesOf(db: Db, consultationId: number, locale: Locale): Promise<PriorityRef[]> {
  return (await listPrioritiesOfMany(db, [consultationId], locale)).get(consultationId) ?? [];
}
