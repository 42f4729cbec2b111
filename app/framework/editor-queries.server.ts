import { data } from '@remix-run/node';
import type { Db } from '#db/connection';
import { listLinkedConsultations } from './editing.server';
import { readTranslations } from './translations.server';

// What the framework editor shows: the English wording as stored, how much each priority is used.

export interface EditorPriority {
  id: number;
  key: string;
  name: string;
  ambition: string;
  consultations: number;
}

export interface EditorTheme {
  id: number;
  key: string;
  name: string;
  description: string;
  priorities: EditorPriority[];
}

export async function listFrameworkForEditing(db: Db): Promise<EditorTheme[]> {
  const [themes, priorities] = await Promise.all([
    db.selectFrom('themes').select(['id', 'key', 'name', 'description']).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('priorities as p')
      .leftJoin('consultation_priorities as cp', 'cp.priority_id', 'p.id')
      .select(['p.id', 'p.theme_id', 'p.key', 'p.name', 'p.ambition', (eb) => eb.fn.count<number>('cp.consultation_id').as('consultations')])
      .groupBy(['p.id', 'p.theme_id', 'p.key', 'p.name', 'p.ambition', 'p.position'])
      .orderBy('p.position')
      .orderBy('p.id')
      .execute(),
  ]);
  return themes.map((theme) => ({
    ...theme,
    priorities: priorities
      .filter((p) => p.theme_id === theme.id)
      .map((p) => ({ id: p.id, key: p.key, name: p.name, ambition: p.ambition, consultations: Number(p.consultations) })),
  }));
}

export async function listThemeChoices(db: Db): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('themes').select(['id', 'name']).orderBy('position').orderBy('id').execute();
}

export async function findThemeForEditing(db: Db, id: number) {
  const theme = await db.selectFrom('themes').select(['id', 'key', 'name', 'description']).where('id', '=', id).executeTakeFirst();
  if (!theme) return null;
  const [translations, priorities] = await Promise.all([
    readTranslations(db, 'theme', id),
    db.selectFrom('priorities').select(['id', 'name']).where('theme_id', '=', id).orderBy('position').execute(),
  ]);
  return { ...theme, translations, priorities };
}

export async function findPriorityForEditing(db: Db, id: number) {
  const priority = await db.selectFrom('priorities').select(['id', 'key', 'theme_id', 'name', 'ambition']).where('id', '=', id).executeTakeFirst();
  if (!priority) return null;
  const [translations, consultations] = await Promise.all([readTranslations(db, 'priority', id), listLinkedConsultations(db, id)]);
  return { ...priority, translations, consultations };
}

/** A route's id parameter as a number; anything else is a page that does not exist. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw data({ reason: 'not_found' }, { status: 404 });
  return id;
}
