import { startApp, launchBrowser, newVisitor, waitForHydration } from './harness';
const app = await startApp();
const browser = await launchBrowser();
const ctx = await newVisitor(browser, app, { js: true });
const page = await ctx.newPage();
await page.goto('/consultations/one-stockport-conversation/answer/2');
await waitForHydration(page);
await page.getByLabel('Good jobs and training').check();
await page.getByRole('button', { name: 'Continue', exact: true }).click();
await page.waitForURL(/answer\/3$/);
await page.getByText('Section 3 of 6', { exact: true }).waitFor();
const first = page.getByLabel('Choice 1 (most important)');
const val = () => first.evaluate((s) => (s as HTMLSelectElement).value + ' focused=' + (document.activeElement === s));
for (let i = 0; i < 30; i++) { await page.keyboard.press('Tab'); if (await first.evaluate(s => s === document.activeElement)) break; }
console.log(await val());
for (let i = 0; i < 4; i++) { await page.keyboard.press('ArrowDown'); console.log(await val()); }
await page.waitForTimeout(300);
console.log(await val());
await browser.close();
await app.stop();
