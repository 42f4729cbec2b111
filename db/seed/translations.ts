import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import type { TranslatableEntity, TranslationTable } from '../schema';

/** A piece of demo text in English (stored on the row) and its Polish and Urdu translations. */
export interface Localised {
  en: string;
  pl: string;
  ur: string;
}

export const TRANSLATED_LOCALES = ['pl', 'ur'] as const;

type Translation = Insertable<TranslationTable>;

/** Collects translation rows while entities are inserted, then writes them in a few statements. */
export class TranslationBatch {
  private readonly rows: Translation[] = [];

  add(entityType: TranslatableEntity, entityId: number, field: string, text: Localised | undefined): void {
    if (!text || text.en === '') return;
    for (const locale of TRANSLATED_LOCALES) {
      this.rows.push({ entity_type: entityType, entity_id: entityId, field, locale, value: text[locale] });
    }
  }

  async write(db: Db): Promise<number> {
    // 5 parameters a row: stay well inside SQLite's 32,766 bound-parameter limit.
    for (let start = 0; start < this.rows.length; start += 2000) {
      await db
        .insertInto('translations')
        .values(this.rows.slice(start, start + 2000))
        .execute();
    }
    return this.rows.length;
  }
}
