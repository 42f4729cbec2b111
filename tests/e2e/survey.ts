import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Db } from '../../db/connection';
import { ROOT, storedTranslation, waitForHydration } from './harness';

// What a resident reads and does on the way through a survey, shared by the e2e tests.

export const SLUGS = {
  oneStockport: 'one-stockport-conversation',
  climate: 'climate-friendly-stockport',
  covid: 'covid-impact-survey',
  parks: 'parks-and-green-spaces',
  library: 'library-opening-hours',
} as const;

export type Locale = 'en' | 'pl' | 'ur';
type Namespace = 'common' | 'survey' | 'about' | 'youth';

const bundles = new Map<string, Record<string, unknown>>();

function bundle(locale: Locale, ns: Namespace): Record<string, unknown> {
  const key = `${locale}/${ns}`;
  let found = bundles.get(key);
  if (!found) {
    found = JSON.parse(readFileSync(join(ROOT, 'locales', locale, `${ns}.json`), 'utf8')) as Record<string, unknown>;
    bundles.set(key, found);
  }
  return found;
}

function lookup(tree: Record<string, unknown>, path: string): string | undefined {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The interface text a reader of `locale` sees for "ns:key", straight from locales/, with
 * {{placeholders}} filled in and the plural form chosen the way i18next chooses it.
 */
export function ui(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const [ns, path] = key.includes(':') ? (key.split(':') as [Namespace, string]) : (['common', key] as const);
  const tree = bundle(locale, ns);
  let template: string | undefined;
  if (typeof vars.count === 'number') template = lookup(tree, `${path}_${new Intl.PluralRules(locale).select(vars.count)}`);
  template ??= lookup(tree, path) ?? lookup(tree, `${path}_other`);
  if (template === undefined) throw new Error(`No ${locale} text for ${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** An answer's label as a reader of `locale` sees it: the option's own words, translated when stored. */
export async function optionLabel(db: Db, questionKey: string, optionKey: string, locale: Locale): Promise<string> {
  const option = await db
    .selectFrom('options')
    .innerJoin('questions', 'questions.id', 'options.question_id')
    .select(['options.id', 'options.label'])
    .where('questions.key', '=', questionKey)
    .where('options.key', '=', optionKey)
    .executeTakeFirstOrThrow();
  return (await storedTranslation(db, 'option', option.id, 'label', locale)) ?? option.label;
}

export async function questionText(db: Db, questionKey: string, locale: Locale): Promise<string> {
  const question = await db.selectFrom('questions').select(['id', 'text']).where('key', '=', questionKey).executeTakeFirstOrThrow();
  return (await storedTranslation(db, 'question', question.id, 'text', locale)) ?? question.text;
}

/** Opens a page as a visitor would, and with JavaScript on waits until the app has started. */
export async function visit(page: Page, path: string, js: boolean) {
  const response = await page.goto(path);
  if (js) await waitForHydration(page);
  return response;
}

/** Presses a button that sends a form and waits for the page it leads to. */
export async function press(page: Page, button: Locator, to: RegExp): Promise<void> {
  await button.click();
  await page.waitForURL(to);
}

export const stepUrl = (slug: string, step: string) => new RegExp(`/consultations/${slug}/answer/${step}(\\?|#|$)`);
export const checkUrl = (slug: string) => new RegExp(`/consultations/${slug}/check(\\?|#|$)`);
export const confirmationUrl = (slug: string) => new RegExp(`/consultations/${slug}/confirmation/HRD-`);

export const REFERENCE = /HRD-[2-9A-Z]{4}-[2-9A-Z]{4}/;

/** Whether `locator` is where the keyboard is. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** What a screen reader announces after a field's name: its hint, error and count (aria-describedby). */
export function descriptionOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );
}

/**
 * The least a person must answer in the One Stockport conversation (the required questions),
 * from the first section (opened unless it is the page already) to the check page, in the page's language.
 */
export async function answerRequiredOnly(page: Page, db: Db, { js, locale }: { js: boolean; locale: Locale }): Promise<void> {
  const slug = SLUGS.oneStockport;
  const next = () => page.getByRole('button', { name: ui(locale, 'survey:continue'), exact: true });
  if (!stepUrl(slug, '1').test(page.url())) await visit(page, `/consultations/${slug}/answer/1`, js);
  await page.getByLabel(await optionLabel(db, 'best_thing', 'parks_green_spaces', locale), { exact: true }).check();
  await press(page, next(), stepUrl(slug, '2'));
  await page.getByLabel(await optionLabel(db, 'future_important', 'jobs', locale), { exact: true }).check();
  await press(page, next(), stepUrl(slug, '3'));
  await page
    .getByLabel(ui(locale, 'survey:rankPositionFirst'), { exact: true })
    .selectOption({ label: await optionLabel(db, 'top_priorities', 'healthy_happy', locale) });
  await press(page, next(), stepUrl(slug, '4'));
  await press(page, next(), stepUrl(slug, 'about-you'));
  await press(page, next(), stepUrl(slug, 'your-words'));
  await press(page, next(), checkUrl(slug));
  await page.getByRole('heading', { level: 1, name: ui(locale, 'survey:check.title') }).waitFor();
}

/** The reference shown on the confirmation page. */
export async function shownReference(page: Page): Promise<string> {
  const text = await page.getByRole('main').getByText(REFERENCE).first().innerText();
  const match = REFERENCE.exec(text);
  if (!match) throw new Error(`No reference on the confirmation page: ${text}`);
  return match[0];
}
