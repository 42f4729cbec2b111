import type { Locator, Page } from 'playwright-core';
import type { Db } from '../../db/connection';
import { storedTranslation } from './harness';
import { isFocused, SLUGS, ui, type Locale } from './survey';

// What a young person reads and does on the way through the young people's version of the
// One Stockport conversation (short code "onestockport"), shared by the e2e tests.

export const YOUTH_SLUG = SLUGS.oneStockport;
export const YOUTH_CODE = 'onestockport';

/** A page of the young people's version: its intro, "age", an item's number, "more" or "check". */
export const youthPath = (step?: string) => (step ? `/consultations/${YOUTH_SLUG}/young/${step}` : `/consultations/${YOUTH_SLUG}/young`);
export const youthUrl = (step?: string) => new RegExp(`/consultations/${YOUTH_SLUG}/young${step ? `/${step}` : ''}(\\?|#|$)`);
export const youthDoneUrl = new RegExp(`/consultations/${YOUTH_SLUG}/young/done/HRD-[2-9A-Z]{4}-[2-9A-Z]{4}$`);

/** The names of the fields only 13 and over are offered, which must never reach a form for an under-13. */
export const IDENTIFYING_FIELDS = ['postcode_district', 'quote_consent', 'quote_credit', 'quote_name'] as const;

async function youthItem(db: Db, itemKey: string) {
  return db
    .selectFrom('youth_items')
    .innerJoin('consultations', 'consultations.id', 'youth_items.consultation_id')
    .select(['youth_items.id', 'youth_items.text', 'youth_items.position'])
    .where('consultations.slug', '=', YOUTH_SLUG)
    .where('youth_items.key', '=', itemKey)
    .executeTakeFirstOrThrow();
}

/**
 * The young people's items everyone is asked, in order: their keys, and their page numbers ("1", "2"...).
 * An item asked only after some answers (the demo's Covid-19 follow-up) is left out; page numbers
 * still count it, as the form does.
 */
export async function youthItems(db: Db): Promise<{ key: string; step: string }[]> {
  const rows = await db
    .selectFrom('youth_items')
    .innerJoin('consultations', 'consultations.id', 'youth_items.consultation_id')
    .select(['youth_items.key', 'youth_items.show_if'])
    .where('consultations.slug', '=', YOUTH_SLUG)
    .orderBy('youth_items.position')
    .execute();
  return rows.flatMap((r, i) => (r.show_if === null ? [{ key: r.key, step: String(i + 1) }] : []));
}

/** A young people's question as a reader of `locale` sees it (its translation when stored). */
export async function youthText(db: Db, itemKey: string, locale: Locale): Promise<string> {
  const item = await youthItem(db, itemKey);
  return (await storedTranslation(db, 'youth_item', item.id, 'text', locale)) ?? item.text;
}

/** A young people's answer's label as a reader of `locale` sees it (its translation when stored). */
export async function youthLabel(db: Db, itemKey: string, optionKey: string, locale: Locale): Promise<string> {
  const item = await youthItem(db, itemKey);
  const option = await db
    .selectFrom('youth_options')
    .select(['id', 'label'])
    .where('youth_item_id', '=', item.id)
    .where('key', '=', optionKey)
    .executeTakeFirstOrThrow();
  return (await storedTranslation(db, 'youth_option', option.id, 'label', locale)) ?? option.label;
}

/** The five faces' labels, from very sad to very happy, as a reader of `locale` sees them for this item. */
export async function faceLabels(db: Db, itemKey: string, locale: Locale): Promise<string[]> {
  const faces = ['strongly_disagree', 'disagree', 'neither', 'agree', 'strongly_agree'];
  return Promise.all(faces.map((face) => youthLabel(db, itemKey, face, locale)));
}

/** "Question 3 of 13", in the page's language. */
export const progressText = (locale: Locale, number: number, total: number) => ui(locale, 'youth:progress', { number, total });

export const nextButton = (page: Page, locale: Locale = 'en') => page.getByRole('button', { name: ui(locale, 'youth:next'), exact: true });

/** The page's own question: the one top-level heading. */
export const pageHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** Chooses an answer card (a radio button or checkbox) by the words on it, as a person reads them. */
export async function choose(scope: Page | Locator, role: 'radio' | 'checkbox', name: string): Promise<void> {
  await scope.getByRole(role, { name, exact: true }).check();
}

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${target.toString()}`);
}
