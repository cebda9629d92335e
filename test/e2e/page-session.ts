import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from './host-process.js';

export interface SeenMedia {
  url: URL;
  status: number;
  body: Buffer;
  /** Order of arrival, to tell what came before a reveal. */
  sequence: number;
}

export interface RecordingPage {
  page: Page;
  media: SeenMedia[];
  /**
   * Resolves once every body of the responses seen so far has been read: a response is
   * recorded when its headers arrive, its body later, so read bodies only after this.
   */
  bodiesRead(): Promise<void>;
}

/**
 * A page that records every media response it receives, bodies included. `beforeGoto`
 * runs on the page before it loads the app (to add an init script, say).
 */
export async function openRecordingPage(
  browser: Browser,
  url: string,
  options: { beforeGoto?: (page: Page) => Promise<unknown> } = {},
): Promise<RecordingPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await options.beforeGoto?.(page);
  const media: SeenMedia[] = [];
  const reading: Promise<void>[] = [];
  let sequence = 0;
  page.on('response', (response) => {
    const responseUrl = new URL(response.url());
    if (!responseUrl.pathname.startsWith('/media/')) return;
    const entry: SeenMedia = { url: responseUrl, status: response.status(), body: Buffer.alloc(0), sequence: sequence++ };
    media.push(entry);
    if (responseUrl.pathname.endsWith('/original')) return;
    reading.push(
      response.body().then(
        (body) => void (entry.body = body),
        () => undefined,
      ),
    );
  });
  await page.goto(url);
  return { page, media, bodiesRead: async () => void (await Promise.all(reading)) };
}

const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
const README_SCREENSHOT_DIR = join(REPO_ROOT, 'docs', 'screenshots');

/**
 * Saves a screenshot under test-results/; with VEIL_UPDATE_SCREENSHOTS=1 also into
 * docs/screenshots/ for the README (tests never write into the source tree otherwise).
 */
export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const bytes = await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  if (process.env['VEIL_UPDATE_SCREENSHOTS'] === '1') {
    mkdirSync(README_SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(README_SCREENSHOT_DIR, `${name}.png`) });
  }
  return bytes;
}
