import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { createConsultation } from '../factories';
import { expectAccessible } from './axe';
import { countResponses, newVisitor, startSuite, stopSuite, waitForHydration, type RunningApp } from './harness';
import { addAccount, signIn, type Account } from './workspace';

// Responses from outside the online form, as an officer records them: keyed in one at a time,
// or a spreadsheet imported all at once (checked first, all or nothing, never twice).

const SLUG = 'intake-e2e';

let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let id: number;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
  id = await createConsultation(db, {
    slug: SLUG,
    sections: [
      {
        key: 's',
        questions: [
          { key: 'travel', kind: 'single_choice', text: 'How do you travel?', options: ['bus', 'tram'] },
          { key: 'like', kind: 'yes_no', text: 'Do you like it?' },
        ],
      },
    ],
  });
});
afterAll(() => stopSuite({ app, db, browser }));

async function officerPage(js: boolean, path: string): Promise<Page> {
  const context = await newVisitor(browser, app, { js });
  const page = await context.newPage();
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('an officer keys in a workshop response and sees its reference', async () => {
      const page = await officerPage(js, `/admin/consultations/${id}/responses/new`);
      // axe runs inside the page, so it needs JavaScript; the markup is the same without it.
      if (js) await expectAccessible(page);
      const before = await countResponses(db, { slug: SLUG });
      await page.getByLabel('Facilitator', { exact: true }).fill('Priya at Reddish library');
      await page.getByLabel('Date', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Save response' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Choose the channel the response came through');
      expect(await page.getByRole('alert').textContent()).toContain('Enter the date of the response');
      // Nothing typed is lost.
      expect(await page.getByLabel('Facilitator', { exact: true }).inputValue()).toBe('Priya at Reddish library');
      expect(await countResponses(db, { slug: SLUG })).toBe(before);

      await page.getByLabel('Channel', { exact: true }).selectOption('workshop');
      await page.getByLabel('Date', { exact: true }).fill('2026-03-01');
      await page.getByLabel('Label tram').check();
      await page.getByRole('button', { name: 'Save response' }).click();
      await page.getByRole('heading', { name: 'Response saved' }).waitFor();
      const reference = (await page.getByTestId('reference').textContent()) ?? '';
      expect(reference).toMatch(/^HRD-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      const stored = await db.selectFrom('responses').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ channel: 'workshop', facilitator: 'Priya at Reddish library', submitted_at: '2026-03-01T12:00:00.000Z' });
      expect(stored.entered_by).not.toBeNull();
      expect(await countResponses(db, { slug: SLUG })).toBe(before + 1);
      await page.getByRole('link', { name: 'Key in another response' }).click();
      await page.getByRole('button', { name: 'Save response' }).waitFor();
      await page.context().close();
    });

    it('an import with bad rows is refused row by row; fixed, it goes in; the same file again is refused', async () => {
      const page = await officerPage(js, `/admin/consultations/${id}/import`);
      // axe runs inside the page, so it needs JavaScript; the markup is the same without it.
      if (js) await expectAccessible(page);
      const tag = js ? 'js' : 'nojs';
      const before = await countResponses(db, { slug: SLUG });
      const header = 'channel,submitted_at,facilitator,travel,like,ward';
      await page
        .getByLabel('File', { exact: true })
        .setInputFiles(csvFile('bad.csv', `${header}\npaper,2026-03-02,${tag},bus,yes,Bramhal\nworkshop,2026-03-02,${tag},Train,no,\n`));
      await page.getByRole('button', { name: 'Check and import' }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('Row 2, column ward: “Bramhal” is not a ward – did you mean “Bramhall North”?');
      expect(await alert.textContent()).toContain('Row 3, column travel: “Train” is not one of this question’s answers');
      expect(await countResponses(db, { slug: SLUG })).toBe(before);
      // axe runs inside the page, so it needs JavaScript; the markup is the same without it.
      if (js) await expectAccessible(page);

      const good = csvFile('good.csv', `${header}\npaper,2026-03-02,${tag},bus,yes,Bramhall North\nworkshop,2026-03-02,${tag},Label tram,no,\n`);
      await page.getByLabel('File', { exact: true }).setInputFiles(good);
      await page.getByRole('button', { name: 'Check and import' }).click();
      await page.getByText('Imported 2 responses from good.csv').waitFor();
      expect(await countResponses(db, { slug: SLUG })).toBe(before + 2);

      await page.getByLabel('File', { exact: true }).setInputFiles(good);
      await page.getByRole('button', { name: 'Check and import' }).click();
      await expect.poll(() => alert.textContent()).toContain('This file was already imported');
      expect(await countResponses(db, { slug: SLUG })).toBe(before + 2);
      await page.context().close();
    });
  });
}

describe('in Urdu', () => {
  it('both pages pass axe right to left', async () => {
    const page = await officerPage(true, `/admin/consultations/${id}/import`);
    await page.goto(`/admin/consultations/${id}/import?lng=ur`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page);
    await page.goto(`/admin/consultations/${id}/responses/new`);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('the template', () => {
  it('downloads a header row naming this consultation’s questions', async () => {
    const page = await officerPage(false, `/admin/consultations/${id}/import`);
    const response = await page.request.get(`/admin/consultations/${id}/import/template.csv`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect((await response.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'channel,submitted_at,group,facilitator,travel,like,ward,age_band,sex,gender_identity,ethnicity,' +
        'disability,carer,religion,sexual_orientation,locale,notes',
    );
    await page.context().close();
  });
});
