import { inTransaction, type Db } from '#db/connection';
import type { TranslatableEntity } from '#db/schema';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { consultationTexts, missingTranslations } from '~/consultations/builder/translation-status.server';
import { DEFAULT_LOCALE, LANGUAGES, type Locale } from '~/platform/i18n/config';
import { touchConsultation } from '~/consultations/change.server';

/** The languages a consultation can be translated into: every interface language but English. */
export const TRANSLATION_LOCALES = LANGUAGES.filter((l) => l.code !== DEFAULT_LOCALE);

export interface TextToTranslate {
  /** The form field's name: entity-id-field (entity types and fields use underscores, never hyphens). */
  name: string;
  entityType: TranslatableEntity;
  entityId: number;
  field: string;
  english: string;
  translation: string;
}

export const fieldNameOf = (t: { entityType: string; entityId: number; field: string }) => `${t.entityType}-${t.entityId}-${t.field}`;

export function requiredLocalesOf(consultation: { required_locales: string }): string[] {
  return consultation.required_locales
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Per language: how many of the consultation's texts it has, and how many it still needs. */
export async function translationProgress(db: Db, consultationId: number) {
  const total = (await consultationTexts(db, consultationId)).length;
  return Promise.all(
    TRANSLATION_LOCALES.map(async (l) => {
      const missing = (await missingTranslations(db, consultationId, l.code)).length;
      return { locale: l.code, name: l.name, total, missing, translated: total - missing };
    }),
  );
}

/** Every text of the consultation with its English and its translation into `locale` ('' when none). */
export async function listTextsToTranslate(db: Db, consultationId: number, locale: Locale): Promise<TextToTranslate[]> {
  const texts = await consultationTexts(db, consultationId);
  const stored = await storedTranslations(db, texts, locale);
  return texts.map((t) => {
    const name = fieldNameOf(t);
    return { name, entityType: t.entityType, entityId: t.entityId, field: t.field, english: t.english, translation: stored.get(name) ?? '' };
  });
}

async function storedTranslations(db: Db, texts: { entityType: TranslatableEntity; entityId: number }[], locale: Locale): Promise<Map<string, string>> {
  const ids = new Map<TranslatableEntity, number[]>();
  for (const t of texts) ids.set(t.entityType, [...(ids.get(t.entityType) ?? []), t.entityId]);
  if (ids.size === 0) return new Map();
  const rows = await db
    .selectFrom('translations')
    .select(['entity_type', 'entity_id', 'field', 'value'])
    .where('locale', '=', locale)
    .where((eb) => eb.or([...ids].map(([type, list]) => eb.and([eb('entity_type', '=', type), eb('entity_id', 'in', list)]))))
    .execute();
  return new Map(rows.map((r) => [fieldNameOf({ entityType: r.entity_type, entityId: r.entity_id, field: r.field }), r.value]));
}

/**
 * Saves a language's translations as typed: a changed text is upserted, an emptied one deleted,
 * and only texts of this consultation are touched, whatever else the form carries. One audit
 * entry lists every change. Returns how many texts changed.
 */
export async function saveTranslations(
  db: Db,
  user: { id: number; email: string },
  consultationId: number,
  locale: Locale,
  values: Record<string, string | undefined>,
  now = new Date(),
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const texts = await listTextsToTranslate(trx, consultationId, locale);
    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    for (const t of texts) {
      if (!(t.name in values)) continue;
      const value = (values[t.name] ?? '').trim();
      if (value === t.translation) continue;
      const key = { entity_type: t.entityType, entity_id: t.entityId, field: t.field, locale };
      if (value === '') {
        await trx
          .deleteFrom('translations')
          .where('entity_type', '=', key.entity_type)
          .where('entity_id', '=', key.entity_id)
          .where('field', '=', key.field)
          .where('locale', '=', locale)
          .execute();
      } else {
        await trx
          .insertInto('translations')
          .values({ ...key, value })
          .onConflict((oc) => oc.columns(['entity_type', 'entity_id', 'field', 'locale']).doUpdateSet({ value }))
          .execute();
      }
      before[t.name] = t.translation || null;
      after[t.name] = value || null;
    }
    const changed = Object.keys(after).length;
    if (changed > 0) {
      await touchConsultation(trx, consultationId, now);
      await recordAudit(
        trx,
        actorOf(user),
        {
          action: 'consultation.translate',
          entityType: 'consultation',
          entityId: consultationId,
          consultationId,
          summary: `Changed ${changed} ${locale} translation(s)`,
          before,
          after,
        },
        now,
      );
    }
    return changed;
  });
}
