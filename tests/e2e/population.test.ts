import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { newVisitor, ROOT, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { press, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// Who we heard from, as an officer meets it: a census table uploaded into a new baseline (and a
// wrong one refused with its row and column), then the demo One Stockport conversation's
// respondents set beside the real Census 2021 population, with the groups it under-represents,
// a respondent-group filter and a re-weighted question; JavaScript on and off, axe in English and Urdu.

// The demo's baseline (db/seed/population.ts), named here: app code is not loaded in end-to-end tests.
const DEMO_BASELINE = { name: 'Census 2021: Stockport' };
let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let consultationId: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow()).id;
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function officerOn(js: boolean, path: string): Promise<Page> {
  const context = await newVisitor(browser, app, { js });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

const censusFile = (name: string) => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(ROOT, 'db/reference/census', name)) });
const whoPath = () => `/admin/consultations/${consultationId}/who`;

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('an officer uploads census tables into a new baseline; a table it cannot read is refused with its row and column', async () => {
      const page = await officerOn(js, '/admin');
      await page.getByRole('link', { name: 'Population', exact: true }).click();
      await page.waitForURL(/\/admin\/population$/);
      if (js) await waitForHydration(page);
      const name = `Census 2021 sex and wards (${js ? 'on' : 'off'})`;
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Census figures, as published by the Office for National Statistics').check();
      await page.getByLabel('Source', { exact: true }).fill('Source: Office for National Statistics licensed under the Open Government Licence v3.0');
      const bad = 'ward_code,ward_name,General health: Very good health,Female,Male\nE05000779,Bramhall North,7493,7266,6774\n';
      await page
        .getByLabel('Census tables', { exact: true })
        .setInputFiles([censusFile('stockport_la_2021_population_by_sex.csv'), { name: 'health.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) }]);
      await page.getByRole('button', { name: 'Load the baseline' }).click();
      const alert = page.getByRole('alert');
      await expect
        .poll(() => alert.textContent())
        .toContain(
          'health.csv: row 1, column “General health: Very good health”: “General health: Very good health” is ' +
            'not a census category we can place in our groups',
        );
      // Nothing stored, and what was typed is still there.
      expect(await db.selectFrom('population_baselines').select('id').where('name', '=', name).execute()).toEqual([]);
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
      if (js) await expectAccessible(page);

      await page.getByLabel('Census figures, as published by the Office for National Statistics').check();
      await page
        .getByLabel('Census tables', { exact: true })
        .setInputFiles([censusFile('stockport_la_2021_population_by_sex.csv'), censusFile('stockport_ts008_sex_ward_wd22_from_oa_via_lsoa_bestfit.csv')]);
      await page.getByLabel('The ward figures are approximate (summed from smaller areas)').check();
      await press(page, page.getByRole('button', { name: 'Load the baseline' }), /\/admin\/population\/\d+\?loaded=new$/);
      await expect.poll(() => page.getByRole('status').textContent()).toContain(`“${name}” is loaded.`);
      const sex = page.locator('table[data-dimension="sex"]');
      await expect.poll(() => sex.getByRole('row', { name: /Female/ }).textContent()).toContain('151,373');
      expect(
        await page
          .locator('table[data-dimension="ward"]')
          .getByRole('row', { name: /Bramhall North/ })
          .textContent(),
      ).toContain('14,040');

      const baseline = await db.selectFrom('population_baselines').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
      expect(baseline.kind).toBe('census');
      const figures = await db
        .selectFrom('population_figures')
        .select(['dimension', 'value', 'count', 'approximation'])
        .where('baseline_id', '=', baseline.id)
        .execute();
      // Sex from the borough table (published), ward populations from the ward table (approximate).
      expect(
        figures
          .filter((f) => f.dimension === 'sex')
          .map((f) => [f.value, Number(f.count), f.approximation])
          .sort(),
      ).toEqual([
        ['female', 151373, null],
        ['male', 143400, null],
      ]);
      expect(figures.filter((f) => f.dimension === 'ward')).toHaveLength(21);
      expect(new Set(figures.filter((f) => f.dimension === 'ward').map((f) => f.approximation))).toEqual(new Set(['small-area']));
      const audit = await db
        .selectFrom('audit_events')
        .select(['action', 'actor'])
        .where('entity_type', '=', 'population_baseline')
        .where('entity_id', '=', String(baseline.id))
        .execute();
      expect(audit).toEqual([{ action: 'population_baseline.create', actor: officer.email }]);
    });

    it('opens "Who we heard from" of the One Stockport conversation against the census and sees who is under-represented', async () => {
      const page = await officerOn(js, `/admin/consultations/${consultationId}`);
      await press(page, page.getByRole('link', { name: 'Who we heard from', exact: true }), /\/who$/);
      if (js) await waitForHydration(page);
      // The newest baseline is chosen first; choose the demo's census one.
      await page.getByLabel('Population baseline', { exact: true }).selectOption({ label: `${DEMO_BASELINE.name} (Census figures)` });
      await press(page, page.getByRole('button', { name: 'Show', exact: true }), /\/who\?baseline=\d+/);
      await expect.poll(() => page.getByTestId('baseline').textContent()).toContain(`Population: ${DEMO_BASELINE.name}`);
      expect(await page.getByTestId('baseline').textContent()).toContain(
        'Source: Office for National Statistics licensed under the Open Government Licence v3.0',
      );
      const under = page.getByTestId('under-represented');
      expect(await under.textContent()).toContain('Age: 85 or over');
      const row = page.locator('section[aria-labelledby="who-ageBand"] tr[data-group="85_plus"]');
      expect(await row.locator('td').last().textContent()).toMatch(/^▼?\s*Yes/);
      expect(await page.locator('section[aria-labelledby="who-ward"]').textContent()).toContain('approximate, from small-area census data');
      if (js) await expectAccessible(page);

      // Residents only: the page says so, and counts fewer people.
      const everyone = await page.getByTestId('responses').textContent();
      await page.getByLabel('Respondents', { exact: true }).selectOption({ label: 'Resident' });
      await press(page, page.getByRole('button', { name: 'Show', exact: true }), /group=resident/);
      await expect.poll(() => page.getByTestId('responses').textContent()).not.toBe(everyone);
      expect(await page.getByLabel('Respondents', { exact: true }).inputValue()).toBe('resident');

      // A question re-weighted by sex, beside its raw percentages, with the design effect.
      await page.getByLabel('Re-weight by', { exact: true }).selectOption({ label: 'Sex' });
      await press(page, page.getByRole('button', { name: 'Re-weight', exact: true }), /by=sex/);
      await expect.poll(() => page.locator('#reweight-caption').textContent()).toContain('raw and re-weighted by Sex');
      expect(await page.locator('.pop-reweight').textContent()).toMatch(/Design effect \d\.\d\d/);
      expect(new URL(page.url()).searchParams.get('group')).toBe('resident');
    });
  });
}

describe('accessibility in English and Urdu', () => {
  it('the population pages and who we heard from pass axe (WCAG 2.2 AA)', async () => {
    const page = await officerOn(true, '/admin/population');
    const demo = await db.selectFrom('population_baselines').select('id').where('name', '=', DEMO_BASELINE.name).executeTakeFirstOrThrow();
    for (const lng of ['en', 'ur']) {
      for (const path of ['/admin/population', `/admin/population/${demo.id}`, `${whoPath()}?baseline=${demo.id}`]) {
        await visit(page, `${path}${path.includes('?') ? '&' : '?'}lng=${lng}`, true);
        expect(await page.locator('html').getAttribute('lang')).toBe(lng);
        await expectAccessible(page);
      }
    }
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ہم نے کس سے سنا');
    await visit(page, '/admin?lng=en', true);
  });
});
