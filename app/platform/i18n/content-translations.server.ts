import type { Db } from '#db/connection';
import type { TranslatableEntity } from '#db/schema';
import { DEFAULT_LOCALE, type Locale } from '~/platform/i18n/config';

// What officers wrote in other languages (consultations, questions, options, priorities, themes,
// actions), read from the translations table; the interface's own words are in locales/.

export type Translations = Map<string, string>;

/**
 * Translations of many entities in one query. Content is written in English first, so English
 * needs no lookup: callers fall back to the stored column.
 */
export async function loadTranslations(db: Db, locale: Locale, wanted: { type: TranslatableEntity; ids: number[] }[]): Promise<Translations> {
  const result: Translations = new Map();
  const nonEmpty = wanted.filter((w) => w.ids.length > 0);
  if (locale === DEFAULT_LOCALE || nonEmpty.length === 0) return result;
  const rows = await db
    .selectFrom('translations')
    .select(['entity_type', 'entity_id', 'field', 'value'])
    .where('locale', '=', locale)
    .where((eb) => eb.or(nonEmpty.map((w) => eb.and([eb('entity_type', '=', w.type), eb('entity_id', 'in', w.ids)]))))
    .execute();
  for (const row of rows) result.set(`${row.entity_type}:${row.entity_id}:${row.field}`, row.value);
  return result;
}

/** The translated value of one field, or the English original when it has not been translated. */
export function translated(translations: Translations, type: TranslatableEntity, id: number, field: string, original: string): string {
  const value = translations.get(`${type}:${id}:${field}`);
  return value && value.trim() !== '' ? value : original;
}
