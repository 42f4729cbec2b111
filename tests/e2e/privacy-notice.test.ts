import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { oneStockportConversation } from '../../db/seed/demo/one-stockport';
import { expectAccessible } from './axe';
import { expectNoSidewaysScroll } from './narrow';
import { newVisitor, ROOT, type RunningApp, startSuite, stopSuite, translationOf, waitForHydration } from './harness';
import { press, SLUGS, ui, visit, type Locale } from './survey';
import { addAccount, signIn, type Account } from './workspace';
import { youthPath } from './youth';
import { readLocale } from '../i18n/locale-keys';

// Each consultation's privacy notice, as residents and young people meet it: linked from the
// consultation page, every survey step and the young people's start page (JavaScript on and off),
// in English and in Urdu (right to left), axe clean and 320 px wide; and an officer writing it in
// the builder without JavaScript.

const slug = SLUGS.oneStockport;
const noticePath = `/consultations/${slug}/privacy`;
const youngNoticePath = `/consultations/${slug}/young/privacy`;
const seeded = oneStockportConversation.privacy!;
const builderTexts = readLocale(ROOT, 'en', 'builder');
/** The workspace's English words (builder.json), which survey.ts's ui() does not read. */
function words(key: string): string {
  const text = builderTexts[key];
  if (text === undefined) throw new Error(`No builder text ${key}`);
  return text;
}

let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function visitor(js: boolean, { locale = 'en', width }: { locale?: Locale; width?: number } = {}): Promise<Page> {
  const context = await newVisitor(browser, app, { js, width });
  contexts.push(context);
  const page = await context.newPage();
  if (locale !== 'en') await visit(page, `/?lng=${locale}`, js);
  return page;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

for (const js of [false, true]) {
  describe(`the links to it, JavaScript ${js ? 'on' : 'off'}`, () => {
    it("the consultation page and every survey step lead to this consultation's notice", async () => {
      const page = await visitor(js);
      await visit(page, `/consultations/${slug}`, js);
      await press(page, page.getByRole('link', { name: ui('en', 'consultation.privacyLink'), exact: true }), new RegExp(`${noticePath}$`));
      await page.getByRole('heading', { level: 1, name: ui('en', 'survey:privacyNotice.title', { title: oneStockportConversation.title.en }) }).waitFor();
      expect(await page.getByText(seeded.purpose.en, { exact: true }).isVisible()).toBe(true);

      await visit(page, `/consultations/${slug}/answer/1`, js);
      const note = page.locator('.privacy-note').getByRole('link');
      expect(await note.getAttribute('href')).toBe(noticePath);
    });

    it("the young people's start page leads to the notice in young people's words", async () => {
      const page = await visitor(js);
      await visit(page, youthPath(), js);
      await press(page, page.getByRole('link', { name: ui('en', 'youth:intro.safe'), exact: true }), new RegExp(`${youngNoticePath}$`));
      await page.getByRole('heading', { level: 1, name: ui('en', 'youth:privacyNotice.title') }).waitFor();
      expect(await page.getByText(seeded.purposeYoung.en, { exact: true }).isVisible()).toBe(true);
    });
  });
}

describe('what it says', () => {
  it('who, why, the lawful basis, who sees it, how long, rights and contact, in English', async () => {
    const page = await visitor(false);
    expect((await visit(page, noticePath, false))?.status()).toBe(200);
    const main = page.getByRole('main');
    for (const text of [
      ui('en', 'survey:privacyNotice.basis.public_task'),
      ui('en', 'survey:privacyNotice.special.substantial_public_interest'),
      seeded.sharedWith.en,
      ui('en', 'survey:privacyNotice.published', { threshold: 10 }),
      ui('en', 'survey:privacyNotice.freeText.redact'),
    ]) {
      expect(await main.getByText(text).count(), text).toBeGreaterThan(0);
    }
    expect(await main.getByText(ui('en', 'survey:privacyNotice.keepMonths', { count: 24 })).count()).toBe(1);
    expect(await main.getByRole('link', { name: 'dataprotection@stockport.gov.uk' }).getAttribute('href')).toBe('mailto:dataprotection@stockport.gov.uk');
    expect(await main.getByRole('link', { name: ui('en', 'survey:privacyNotice.rightsLink') }).getAttribute('href')).toBe('/your-data');
  });

  it('in Urdu, right to left, with the translated purpose and title', async () => {
    const page = await visitor(false, { locale: 'ur' });
    await visit(page, noticePath, false);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await heading(page)).toBe(ui('ur', 'survey:privacyNotice.title', { title: await translationOf(db, slug, 'title', 'ur') }));
    expect(await page.getByText(seeded.purpose.ur, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(ui('ur', 'survey:privacyNotice.basis.public_task')).isVisible()).toBe(true);
  });

  it('says when the answers were anonymised, once they have been', async () => {
    await db.updateTable('consultations').set({ anonymised_at: '2027-03-01T02:00:00.000Z' }).where('slug', '=', SLUGS.covid).execute();
    const page = await visitor(false);
    expect((await visit(page, `/consultations/${SLUGS.covid}/privacy`, false))?.status()).toBe(200);
    expect(await page.getByText(ui('en', 'survey:privacyNotice.anonymised', { date: '1 March 2027' }), { exact: true }).isVisible()).toBe(true);
  });

  it('is not there for a consultation the public cannot see, nor for young people where there is no young version', async () => {
    const page = await visitor(false);
    const draft = await db.selectFrom('consultations').select('slug').where('status', '=', 'draft').executeTakeFirst();
    if (draft) expect((await page.request.get(`/consultations/${draft.slug}/privacy`)).status()).toBe(404);
    expect((await page.request.get('/consultations/no-such-consultation/privacy')).status()).toBe(404);
    const withoutYoung = await db
      .selectFrom('consultations')
      .select('slug')
      .where('youth_code', 'is', null)
      .where('status', '!=', 'draft')
      .executeTakeFirstOrThrow();
    expect((await page.request.get(`/consultations/${withoutYoung.slug}/privacy`)).status()).toBe(200);
    expect((await page.request.get(`/consultations/${withoutYoung.slug}/young/privacy`)).status()).toBe(404);
  });
});

for (const locale of ['en', 'ur'] as const) {
  describe(`accessible, ${locale === 'en' ? 'English' : 'Urdu'}`, () => {
    for (const path of [noticePath, youngNoticePath]) {
      it(`${path}: axe clean, and 320 px wide without scrolling sideways`, async () => {
        const page = await visitor(true, { locale });
        expect((await visit(page, path, true))?.status()).toBe(200);
        await expectAccessible(page);
        const narrow = await visitor(false, { locale, width: 320 });
        await visit(narrow, path, false);
        await expectNoSidewaysScroll(narrow, path);
      });
    }
  });
}

describe('the builder', () => {
  it('an officer writes the notice without JavaScript; residents read it at once', async () => {
    const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', SLUGS.climate).executeTakeFirstOrThrow();
    const page = await visitor(false);
    await signIn(page, officer, `/admin/consultations/${id}/privacy`);
    expect(await heading(page)).toBe(words('privacyNotice.title'));
    await page.getByLabel(words('privacyNotice.purpose'), { exact: true }).fill('To plan how Stockport reaches net zero carbon by 2038.');
    await page.getByLabel(words('privacyNotice.bases.consent'), { exact: true }).check();
    await page.getByLabel(words('privacyNotice.contact'), { exact: true }).fill('climate.dpo@stockport.gov.uk');
    await press(page, page.getByRole('button', { name: words('privacyNotice.save') }), /\/privacy\?done=saved$/);
    expect(await page.getByRole('status').innerText()).toBe(words('privacyNotice.saved'));
    expect(await page.getByLabel(words('privacyNotice.bases.consent'), { exact: true }).isChecked()).toBe(true);

    const resident = await visitor(false);
    expect((await visit(resident, `/consultations/${SLUGS.climate}/privacy`, false))?.status()).toBe(200);
    expect(await resident.getByText('To plan how Stockport reaches net zero carbon by 2038.').isVisible()).toBe(true);
    expect(await resident.getByText(ui('en', 'survey:privacyNotice.basis.consent')).isVisible()).toBe(true);
    expect(await resident.getByRole('link', { name: 'climate.dpo@stockport.gov.uk' }).isVisible()).toBe(true);
    const audit = await db
      .selectFrom('audit_events')
      .select('summary')
      .where('consultation_id', '=', id)
      .where('action', '=', 'consultation.privacy_notice')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a lawful basis that is not offered is refused with 400, keeping what was typed', async () => {
    const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', SLUGS.library).executeTakeFirstOrThrow();
    const page = await visitor(false);
    await signIn(page, officer, `/admin/consultations/${id}/privacy`);
    await page.getByLabel(words('privacyNotice.purpose'), { exact: true }).fill('Library hours that suit everyone.');
    // Legitimate interests is not open to a council for its tasks: a forged form is told so.
    await page.getByLabel(words('privacyNotice.bases.public_task'), { exact: true }).evaluate((radio: HTMLInputElement) => {
      radio.value = 'legitimate_interests';
    });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: words('privacyNotice.save') }).click(),
    ]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState();
    expect(await page.getByRole('alert').innerText()).toContain(words('errors.privacyChoiceInvalid'));
    expect(await page.getByLabel(words('privacyNotice.purpose'), { exact: true }).inputValue()).toBe('Library hours that suit everyone.');
    expect(await db.selectFrom('privacy_notices').select('consultation_id').where('consultation_id', '=', id).execute()).toEqual([]);
  });
});

it('is reached from the workspace tabs, and its form is axe clean', async () => {
  const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const page = await visitor(true);
  await signIn(page, officer, `/admin/consultations/${id}`);
  await waitForHydration(page);
  await press(page, page.getByRole('navigation').getByRole('link', { name: words('privacyNotice.title'), exact: true }), /\/privacy$/);
  expect(await page.getByLabel(words('privacyNotice.purpose'), { exact: true }).inputValue()).toBe(seeded.purpose.en);
  await expectAccessible(page);
});
