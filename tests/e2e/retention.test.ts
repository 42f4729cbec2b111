import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { COMMAND_LINE } from '../../app/platform/audit.server';
import { runRetention } from '../../app/retention/anonymise.server';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite } from './harness';
import { addAccount, signIn, type Account } from './workspace';

// Retention as officers and residents meet it (issue 18), with JavaScript off: the builder's
// "Keeping responses" fieldset refuses a bad number with the values kept and saves a good one;
// once a published consultation's responses are anonymised, its public results page keeps its
// figures and says when, in English, Polish and Urdu. Axe checks each page (with JavaScript on,
// which axe needs).

let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
});
afterAll(() => stopSuite({ app, db, browser }));

async function page(js: boolean): Promise<Page> {
  const opened = await (await newVisitor(browser, app, { js })).newPage();
  opened.setDefaultTimeout(20_000);
  return opened;
}

describe('the builder’s “Keeping responses” fieldset (JavaScript off)', () => {
  it('says the default in words, refuses a bad number keeping every value, and saves the policy', async () => {
    const { id } = await db.selectFrom('consultations').select('id').where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow();
    const officerPage = await page(false);
    await signIn(officerPage, officer, `/admin/consultations/${id}/details`);
    await officerPage.waitForURL(new RegExp(`/admin/consultations/${id}/details$`));
    const fieldset = officerPage.getByRole('region', { name: 'Keeping responses' });
    expect(await fieldset.innerText()).toContain("Leave blank to use this installation's default: 24 months.");

    await officerPage.getByLabel('Months after closing before the responses are anonymised').fill('5000');
    await officerPage.getByLabel('Keep them').check();
    await officerPage.getByLabel('Remove').check();
    const refused = officerPage.waitForResponse((r) => r.request().method() === 'POST');
    await officerPage.getByRole('button', { name: 'Save the details' }).click();
    expect((await refused).status()).toBe(400);
    await officerPage.waitForLoadState('load');
    expect(await officerPage.getByRole('alert').innerText()).toContain('Enter a whole number of months from 0 to 1200, or leave it blank');
    expect(await officerPage.getByLabel('Months after closing before the responses are anonymised').inputValue()).toBe('5000');
    expect(await officerPage.getByLabel('Keep them').isChecked()).toBe(true);
    expect(await officerPage.getByLabel('Remove').isChecked()).toBe(true);

    await officerPage.getByLabel('Months after closing before the responses are anonymised').fill('6');
    await officerPage.getByRole('button', { name: 'Save the details' }).click();
    await officerPage.waitForURL(new RegExp(`/admin/consultations/${id}\\?done=saved$`));
    const stored = await db
      .selectFrom('consultations')
      .select(['retention_months', 'retention_free_text', 'retention_about_you'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ retention_months: 6, retention_free_text: 'keep', retention_about_you: 'remove' });
    const audit = await db.selectFrom('audit_events').select('after_json').where('consultation_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ retention_months: 6, retention_about_you: 'remove' });
    await officerPage.context().close();

    // Axe needs JavaScript in the page: the same form, with it on.
    const checked = await page(true);
    await signIn(checked, officer, `/admin/consultations/${id}/details`);
    await checked.waitForURL(new RegExp(`/admin/consultations/${id}/details$`));
    expect(await checked.getByLabel('Months after closing before the responses are anonymised').inputValue()).toBe('6');
    await expectAccessible(checked);
    await checked.context().close();
  });
});

describe('a published consultation whose responses were anonymised', () => {
  it('keeps its published figures and says when, in every language', async () => {
    const consultation = await db
      .selectFrom('consultations')
      .select(['id', 'slug'])
      .where('status', '=', 'results_published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const resident = await page(false);
    const figuresOf = async () => {
      await resident.goto(`/consultations/${consultation.slug}/results?lng=en`);
      return resident.locator('#you-said').innerText();
    };
    const before = await figuresOf();

    await db.updateTable('consultations').set({ retention_months: 0 }).where('id', '=', consultation.id).execute();
    const run = await runRetention(db, COMMAND_LINE, { defaults: { months: 24, freeText: 'redact', aboutYou: 'coarsen' } });
    expect(run.plans.map((p) => p.consultationId)).toEqual([consultation.id]);
    const { anonymised_at } = await db.selectFrom('consultations').select('anonymised_at').where('id', '=', consultation.id).executeTakeFirstOrThrow();
    const day = new Date(anonymised_at!);

    // The page cache hears of it through the change log within a moment.
    await expect.poll(async () => (await figuresOf()) && resident.locator('.notice').count(), { timeout: 10_000 }).toBe(1);
    expect(await figuresOf()).toBe(before);
    const words = {
      en: `The responses behind these results were anonymised on ${day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })}`,
      pl: 'Odpowiedzi, na których opierają się te wyniki, zostały zanonimizowane',
      ur: 'ان نتائج کے پیچھے موجود جوابات',
    };
    const checked = await page(true);
    for (const [locale, text] of Object.entries(words)) {
      await resident.goto(`/consultations/${consultation.slug}/results?lng=${locale}`);
      expect(await resident.locator('.notice').innerText()).toContain(text);
      // Axe needs JavaScript in the page: the same page, with it on.
      await checked.goto(`/consultations/${consultation.slug}/results?lng=${locale}`);
      await expectAccessible(checked);
    }
    await resident.context().close();
    await checked.context().close();
  });
});
