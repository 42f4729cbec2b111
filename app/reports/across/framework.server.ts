import type { Db } from '#db/connection';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import type { Locale } from '~/platform/i18n/config';
import { quotableAnswers } from '~/publishing/quotes/sources.server';

// The council's framework as the across-consultations view reads it: its themes and priorities,
// and for each priority how many consultations are linked to it and how many quotes speak to it.

export interface HeardPriority {
  id: number;
  name: string;
  ambition: string;
  consultations: number;
  quotes: number;
}

export interface HeardTheme {
  id: number;
  name: string;
  description: string;
  priorities: HeardPriority[];
}

async function readFramework(db: Db, locale: Locale, themeId?: number) {
  let themesQuery = db.selectFrom('themes').select(['id', 'name', 'description']).orderBy('position');
  let prioritiesQuery = db.selectFrom('priorities').select(['id', 'theme_id', 'name', 'ambition']).orderBy('position');
  if (themeId !== undefined) {
    themesQuery = themesQuery.where('id', '=', themeId);
    prioritiesQuery = prioritiesQuery.where('theme_id', '=', themeId);
  }
  const [themes, priorities] = await Promise.all([themesQuery.execute(), prioritiesQuery.execute()]);
  const tr = await loadTranslations(db, locale, [
    { type: 'theme', ids: themes.map((t) => t.id) },
    { type: 'priority', ids: priorities.map((p) => p.id) },
  ]);
  return { themes, priorities, tr };
}

/** Every theme with its priorities, each with its linked consultations (drafts aside) and quotes. */
export async function listHeardFramework(db: Db, locale: Locale): Promise<HeardTheme[]> {
  const [{ themes, priorities, tr }, links, quotes] = await Promise.all([
    readFramework(db, locale),
    db
      .selectFrom('consultation_priorities')
      .innerJoin('consultations', 'consultations.id', 'consultation_priorities.consultation_id')
      .where('consultations.status', '!=', 'draft')
      .select((eb) => ['consultation_priorities.priority_id', eb.fn.countAll<number>().as('n')])
      .groupBy('consultation_priorities.priority_id')
      .execute(),
    quotableAnswers(db)
      .innerJoin('quotes', 'quotes.answer_id', 'answers.id')
      .leftJoin('codebook_themes', 'codebook_themes.id', 'quotes.theme_id')
      .select(['quotes.priority_id', 'codebook_themes.priority_id as theme_priority_id'])
      .execute(),
  ]);
  const quotesAbout = (priorityId: number) => quotes.filter((q) => q.priority_id === priorityId || q.theme_priority_id === priorityId).length;
  return themes.map((t) => ({
    id: t.id,
    name: translated(tr, 'theme', t.id, 'name', t.name),
    description: translated(tr, 'theme', t.id, 'description', t.description),
    priorities: priorities
      .filter((p) => p.theme_id === t.id)
      .map((p) => ({
        id: p.id,
        name: translated(tr, 'priority', p.id, 'name', p.name),
        ambition: translated(tr, 'priority', p.id, 'ambition', p.ambition),
        consultations: Number(links.find((l) => l.priority_id === p.id)?.n ?? 0),
        quotes: quotesAbout(p.id),
      })),
  }));
}

/** One framework theme with its priorities, or undefined. */
export async function findHeardTheme(db: Db, themeId: number, locale: Locale) {
  const { themes, priorities, tr } = await readFramework(db, locale, themeId);
  const theme = themes[0];
  if (!theme) return undefined;
  return {
    id: theme.id,
    name: translated(tr, 'theme', theme.id, 'name', theme.name),
    description: translated(tr, 'theme', theme.id, 'description', theme.description),
    priorities: priorities.map((p) => ({ id: p.id, name: translated(tr, 'priority', p.id, 'name', p.name) })),
  };
}

/** One priority with its framework theme, or undefined. */
export async function findHeardPriority(db: Db, priorityId: number, locale: Locale) {
  const row = await db
    .selectFrom('priorities')
    .innerJoin('themes', 'themes.id', 'priorities.theme_id')
    .select(['priorities.id', 'priorities.name', 'priorities.ambition', 'themes.id as theme_id', 'themes.name as theme_name'])
    .where('priorities.id', '=', priorityId)
    .executeTakeFirst();
  if (!row) return undefined;
  const tr = await loadTranslations(db, locale, [
    { type: 'priority', ids: [row.id] },
    { type: 'theme', ids: [row.theme_id] },
  ]);
  return {
    id: row.id,
    name: translated(tr, 'priority', row.id, 'name', row.name),
    ambition: translated(tr, 'priority', row.id, 'ambition', row.ambition),
    theme: { id: row.theme_id, name: translated(tr, 'theme', row.theme_id, 'name', row.theme_name) },
  };
}
