import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousAccessibilityProblems } from './web-accessibility.js';
import { DESKTOP, horizontalOverflow, layoutProblems, PHONE, screenshot, SMALL_PHONE } from './web-browser.js';

/** One page in one state, checked at every width. */
export interface TourStop {
  /** Names the screenshots: tour-<name>-<width>.png */
  name: string;
  url: string;
  /** Brings the loaded page into the state to check (a form filled in, a result shown). */
  act?: (page: Page) => Promise<void>;
}

/** The two widths of the screenshots and the accessibility checks, and the narrowest phone for the layout alone. */
const WIDTHS = [
  { name: 'phone', viewport: PHONE, complete: true },
  { name: 'desktop', viewport: DESKTOP, complete: true },
  { name: 'small-phone', viewport: SMALL_PHONE, complete: false },
] as const;

/** Until the page says so (string expressions through the DevTools protocol: the page's CSP forbids eval). */
const until = (page: Page, condition: string) => expect.poll(() => page.evaluate<boolean>(condition), { timeout: 10_000 }).toBe(true);

/** The page has its heading and nothing is loading any more. */
const loaded = (page: Page) =>
  until(page, "document.querySelector('main h1') !== null && document.querySelector('main .loading') === null");

/** After a resize: every table wider than its box has become a focusable region (they measure themselves). */
const settled = (page: Page) =>
  until(
    page,
    "[...document.querySelectorAll('.table-scroll')].every((box) => box.scrollWidth <= box.clientWidth + 1 || box.tabIndex === 0)",
  );

/**
 * Visits each stop and checks it at 390, 1280 and 320 px: nothing wider than the window, no badge over its
 * column, no tab cut off, an h1, and (at 390 and 1280) no serious or critical axe-core finding. Every problem
 * found, one line each: an empty list is a pass.
 */
export async function tourProblems(page: Page, stops: TourStop[]): Promise<string[]> {
  const problems: string[] = [];
  for (const stop of stops) {
    await page.setViewportSize(PHONE);
    await page.goto(stop.url);
    await loaded(page);
    await stop.act?.(page);
    for (const width of WIDTHS) {
      await page.setViewportSize(width.viewport);
      await settled(page);
      const where = `${stop.name} at ${width.viewport.width} px`;
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${where}: ${overflow} px wider than the window`);
      for (const problem of await layoutProblems(page)) problems.push(`${where}: ${problem}`);
      if ((await page.locator('h1').count()) === 0) problems.push(`${where}: no h1`);
      if (!width.complete) continue;
      for (const problem of await seriousAccessibilityProblems(page)) problems.push(`${where}: ${problem}`);
      await screenshot(page, `tour-${stop.name}-${width.name}`, false);
    }
  }
  return problems;
}
