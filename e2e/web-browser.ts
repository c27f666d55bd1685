import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Screenshots of the main pages, written by every run of the browser tests (ignored by git). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

export const PHONE = { width: 390, height: 844 };
/** The narrowest phone the layout must fit. */
export const SMALL_PHONE = { width: 320, height: 640 };
export const DESKTOP = { width: 1280, height: 900 };

/** The system's Chromium, headless, with nothing reaching outside this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: a scenario that ends with any has failed. */
  errors: string[];
}

/** A fresh browser context (its own session storage) on the app, signed in with `key` when given. */
export async function openApp(
  browser: Browser,
  baseUrl: string,
  options: { key?: string; viewport?: typeof DESKTOP } = {},
): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: options.viewport ?? DESKTOP, acceptDownloads: true });
  if (options.key) await context.addInitScript({ content: `sessionStorage.setItem('vetted.apiKey', ${JSON.stringify(options.key)});` });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The page's Content-Security-Policy must not have to block anything the app itself does. Inline
  // event handlers are the exception: the app has none, but Chromium reports those of a hostile model
  // card while DOMPurify parses it (in a document without a window, where nothing runs).
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && text.includes('Content Security Policy') && !text.startsWith('Executing inline event handler')) {
      errors.push(text);
    }
  });
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage });
}

/** Width the page scrolls sideways by: 0 when everything fits the viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/**
 * What sticks out where it should not, one line each: badges running over the box they sit in (and so over the
 * next column), and section tabs cut off at the edge of the window.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    const blockOf = (element) => {
      let box = element.parentElement;
      while (box && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
      return box;
    };
    for (const badge of document.querySelectorAll('main .badge, header .badge')) {
      const box = blockOf(badge);
      if (box && badge.getBoundingClientRect().right > box.getBoundingClientRect().right + 1) {
        problems.push('badge "' + badge.textContent + '" runs over its ' + box.tagName.toLowerCase() + '.' + box.className);
      }
    }
    for (const tab of document.querySelectorAll('.tabs .tab')) {
      if (tab.getBoundingClientRect().right > width + 1) problems.push('tab "' + tab.textContent + '" is cut off');
    }
    return problems;
  })()`);
}
