import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Fails when the page is wider than its window: a 320 px screen would have to scroll sideways. */
export async function expectNoSidewaysScroll(page: Page, name = page.url()): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${name} is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
}
