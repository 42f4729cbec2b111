import type { Db, Trx } from '#db/connection';
import type { TranslatableEntity } from '#db/schema';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '~/platform/i18n/config';

// A theme's or priority's wording in the languages other than English, as the editor shows it.

export type OtherLocale = Exclude<Locale, 'en'>;
export const OTHER_LOCALES = LOCALES.filter((l): l is OtherLocale => l !== DEFAULT_LOCALE);

/** field → text, per language; a field with no translation is absent. */
export type FieldTranslations = Partial<Record<OtherLocale, Record<string, string>>>;

export async function readTranslations(db: Db, type: TranslatableEntity, id: number): Promise<FieldTranslations> {
  const rows = await db.selectFrom('translations').select(['locale', 'field', 'value']).where('entity_type', '=', type).where('entity_id', '=', id).execute();
  const result: FieldTranslations = {};
  for (const row of rows) {
    const locale = OTHER_LOCALES.find((l) => l === row.locale);
    if (locale) (result[locale] ??= {})[row.field] = row.value;
  }
  return result;
}

/**
 * Stores the given fields' translations: a text replaces the stored one, an empty text removes
 * it so readers see the English instead. Fields not given are left alone.
 */
export async function writeTranslations(trx: Trx, type: TranslatableEntity, id: number, fields: readonly string[], values: FieldTranslations): Promise<void> {
  for (const locale of OTHER_LOCALES) {
    for (const field of fields) {
      const value = values[locale]?.[field]?.trim() ?? '';
      const row = { entity_type: type, entity_id: id, field, locale };
      if (value === '') {
        await trx
          .deleteFrom('translations')
          .where('entity_type', '=', type)
          .where('entity_id', '=', id)
          .where('field', '=', field)
          .where('locale', '=', locale)
          .execute();
      } else {
        await trx
          .insertInto('translations')
          .values({ ...row, value })
          .onConflict((oc) => oc.columns(['entity_type', 'entity_id', 'field', 'locale']).doUpdateSet({ value }))
          .execute();
      }
    }
  }
}

export async function deleteTranslations(trx: Trx, type: TranslatableEntity, id: number): Promise<void> {
  await trx.deleteFrom('translations').where('entity_type', '=', type).where('entity_id', '=', id).execute();
}
