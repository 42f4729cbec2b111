import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { createConsultation } from '../factories';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { ui } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// An officer gives a draft consultation its other versions: a Polish translation, a young
// people's version with its answers mapped onto the main ones, and previews both as the public
// would see them, without anything being stored.

const en = (key: string, vars?: Record<string, string | number>) => ui('en', `versions:${key}`, vars);

let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
});
afterAll(() => stopSuite({ app, db, browser }));

const draft = () =>
  createConsultation(db, {
    status: 'draft',
    sections: [
      {
        key: 'park',
        title: 'Your park',
        questions: [
          { key: `fav_${Math.random().toString(36).slice(2, 8)}`, kind: 'single_choice', text: 'Which do you like best?', options: ['swings', 'slide'] },
        ],
      },
    ],
  });

async function officerPage(js: boolean, path: string): Promise<Page> {
  const page = await (await newVisitor(browser, app, { js })).newPage();
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

async function go(page: Page, path: string, js: boolean) {
  await page.goto(path);
  if (js) await waitForHydration(page);
}

const stored = async () => ({
  responses: Number(
    (
      await db
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  drafts: Number(
    (
      await db
        .selectFrom('response_drafts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

for (const js of [true, false]) {
  describe(`other versions, JavaScript ${js ? 'on' : 'off'}`, () => {
    it('translates a draft into Polish and the missing count goes down', async () => {
      const id = await draft();
      const base = `/admin/consultations/${id}/translations`;
      const page = await officerPage(js, base);
      const missing = page.getByTestId('missing-pl');
      expect(await missing.innerText()).toBe('8');
      await page.getByRole('link', { name: en('translations.editMissing', { language: en('languages.pl') }) }).click();
      await page.waitForURL(`**${base}/pl?missing=1`);
      if (js) await waitForHydration(page);
      const title = page.getByLabel(en('fields.consultation.title'));
      expect(await title.getAttribute('lang')).toBe('pl');
      await title.fill('Konsultacja testowa');
      await page.getByRole('button', { name: en('translate.save', { language: en('languages.pl') }) }).click();
      await page.getByText(en('translate.saved', { count: 1 })).waitFor();
      const row = await db
        .selectFrom('translations')
        .select('value')
        .where('entity_type', '=', 'consultation')
        .where('entity_id', '=', id)
        .where('locale', '=', 'pl')
        .executeTakeFirst();
      expect(row?.value).toBe('Konsultacja testowa');
      await go(page, base, js);
      expect(await page.getByTestId('missing-pl').innerText()).toBe('7');
      expect(await page.getByTestId('missing-ur').innerText()).toBe('8');
      await go(page, `${base}/ur`, js);
      expect(await page.getByLabel(en('fields.question.text')).getAttribute('dir')).toBe('rtl');
      await page.context().close();
    });

    it('builds a young people’s question mapping its answers, after a clear refusal', async () => {
      const id = await draft();
      const base = `/admin/consultations/${id}/youth`;
      const page = await officerPage(js, base);
      const code = `park${js ? 'on' : 'off'}${id}`;
      await page.getByLabel(en('youth.code')).fill(code);
      await page.getByRole('button', { name: en('youth.saveCode') }).click();
      await page
        .getByTestId('youth-link')
        .filter({ hasText: `/young/${code}` })
        .waitFor();
      // A QR code of the same link, for posters: an SVG whose text is the address.
      const qr = page.getByRole('img', { name: `QR code that opens ${app.url}/young/${code}` });
      const svg = Buffer.from((await qr.getAttribute('src'))!.replace('data:image/svg+xml;base64,', ''), 'base64').toString();
      expect(svg).toMatch(/^<svg[^>]*viewBox/);
      expect(await page.getByRole('link', { name: 'Download the QR code (SVG) for posters and slides' }).getAttribute('download')).toBe(`young-${code}.svg`);

      await page.getByRole('link', { name: en('youth.addLink') }).click();
      await page.waitForURL(`**${base}/new`);
      if (js) await waitForHydration(page);
      await page.getByRole('button', { name: en('youth.useQuestion') }).click();
      await page.waitForURL(/question=/);
      if (js) await waitForHydration(page);
      await page.getByLabel(en('youth.text')).fill('What do you like most?');
      await page.getByLabel(en('youth.answerNumber', { number: 1 }), { exact: true }).fill('Swinging');
      await page.getByLabel(en('youth.mapsToNumber', { number: 1 })).selectOption({ label: en('youth.notUsed') });
      await page.getByRole('button', { name: en('youth.add') }).click();
      await page.getByRole('alert').getByText(ui('en', 'versions:errors.mapMissing')).waitFor();
      // What was typed survives the refusal.
      expect(await page.getByLabel(en('youth.text')).inputValue()).toBe('What do you like most?');
      expect(await page.getByLabel(en('youth.answerNumber', { number: 1 }), { exact: true }).inputValue()).toBe('Swinging');
      expect(await db.selectFrom('youth_items').select('id').where('consultation_id', '=', id).execute()).toHaveLength(0);

      await page.getByLabel(en('youth.mapsToNumber', { number: 1 })).selectOption({ label: 'Label swings' });
      await page.getByRole('button', { name: en('youth.add') }).click();
      await page.waitForURL(`**${base}?added=*`);
      await page.getByRole('heading', { name: 'What do you like most?' }).waitFor();
      await page.getByText(en('youth.mapping', { label: 'Swinging', option: 'Label swings' })).waitFor();
      const options = await db
        .selectFrom('youth_options as yo')
        .innerJoin('youth_items as y', 'y.id', 'yo.youth_item_id')
        .innerJoin('options as o', 'o.id', 'yo.option_id')
        .select(['yo.label', 'o.key'])
        .where('y.consultation_id', '=', id)
        .orderBy('yo.position')
        .execute();
      expect(options).toEqual([
        { label: 'Swinging', key: 'swings' },
        { label: 'Label slide', key: 'slide' },
      ]);
      await page.context().close();
    });

    it('previews a draft as a resident and as a young person, storing nothing', async () => {
      const id = await draft();
      const question = await db.selectFrom('questions').select('id').where('consultation_id', '=', id).executeTakeFirstOrThrow();
      const item = await db
        .insertInto('youth_items')
        .values({ consultation_id: id, question_id: question.id, key: 'fav', position: 1, kind: 'single_choice', text: 'What is the best bit?' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const swings = await db.selectFrom('options').select('id').where('question_id', '=', question.id).where('key', '=', 'swings').executeTakeFirstOrThrow();
      const slide = await db.selectFrom('options').select('id').where('question_id', '=', question.id).where('key', '=', 'slide').executeTakeFirstOrThrow();
      await db
        .insertInto('youth_options')
        .values([
          { youth_item_id: item.id, key: 'swings', position: 1, label: 'Swings', option_id: swings.id },
          { youth_item_id: item.id, key: 'slide', position: 2, label: 'Slide', option_id: slide.id },
        ])
        .execute();
      await db
        .updateTable('consultations')
        .set({ youth_code: `prev${id}`, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
      const before = await stored();

      const page = await officerPage(js, `/admin/consultations/${id}/preview`);
      await page.getByRole('link', { name: en('preview.startResidents') }).click();
      await page.waitForURL(`**/admin/consultations/${id}/preview/1`);
      if (js) await waitForHydration(page);
      await page.getByText(en('preview.banner')).first().waitFor();
      await page.getByRole('heading', { name: 'Your park', level: 1 }).waitFor();
      await page.getByRole('radio', { name: 'Label swings' }).check();
      await page.getByRole('button', { name: ui('en', 'survey:continue') }).click();
      await page.waitForURL(/\/preview\/(about-you|your-words)$/);

      await go(page, `/admin/consultations/${id}/preview`, js);
      await page.getByRole('link', { name: en('preview.startYoung') }).click();
      await page.waitForURL(`**/preview/young/age`);
      if (js) await waitForHydration(page);
      await page.getByRole('radio', { name: ui('en', 'youth:age.under_11') }).check();
      await page.getByRole('button', { name: ui('en', 'youth:next') }).click();
      await page.waitForURL(/\/preview\/young\/1\?age=under_11/);
      await page.getByText('What is the best bit?').waitFor();
      await page.getByText(en('preview.banner')).first().waitFor();

      // Polish preview: the interface switches language.
      await go(page, `/admin/consultations/${id}/preview/1?lng=pl`, js);
      await page.getByText(ui('pl', 'versions:preview.banner')).first().waitFor();
      expect(await stored()).toEqual(before);
      await page.context().close();
    });
  });
}

describe('accessibility of the versions pages', () => {
  for (const locale of ['en', 'ur'] as const) {
    it(`has no axe violations in ${locale === 'en' ? 'English' : 'Urdu'}`, async () => {
      const id = await draft();
      await db
        .updateTable('consultations')
        .set({ youth_code: `axe${locale}${id}`, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
      const question = await db.selectFrom('questions').select('id').where('consultation_id', '=', id).executeTakeFirstOrThrow();
      const base = `/admin/consultations/${id}`;
      const page = await officerPage(true, `${base}/translations?lng=${locale}`);
      for (const path of [
        'translations',
        'translations/pl',
        'translations/ur',
        'youth',
        `youth/new?question=${question.id}`,
        'preview',
        'preview/1',
        'preview/young/age',
      ]) {
        await go(page, `${base}/${path}`, true);
        await expectAccessible(page);
      }
      await page.context().close();
    });
  }
});
