import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { requests } from '../../shared/contract.js';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import { launchChromium } from './browser.js';
import { waitUntil, type RunningTestHost } from './host-process.js';

/** One e2e file's world: a temporary folder, the browser host started on what it holds, and Chromium. */
export interface HostInChromium {
  /** The file's temporary folder, removed after its tests. */
  readonly rootDir: string;
  /** The running host. A test that restarts it puts the new one here, so that one is stopped after the tests. */
  host: RunningTestHost;
  readonly browser: Browser;
  /** A new page on the host's app, at the size the e2e tests' screenshots use. */
  openPage(): Promise<Page>;
}

/**
 * Sets up, before the file's tests, a temporary folder named from `prefix` that `start` fills and starts a host on, then
 * `ready` (what the tests need of that host first, such as an import ended), then Chromium; after them, closes Chromium,
 * stops the host and removes the folder, whatever failed on the way (a host whose `ready` failed is stopped too).
 */
export function useHostInChromium(
  prefix: string,
  start: (rootDir: string) => Promise<RunningTestHost>,
  ready?: (host: RunningTestHost, rootDir: string) => Promise<void>,
): HostInChromium {
  let rootDir: string | null = null;
  let host: RunningTestHost | null = null;
  let browser: Browser | null = null;

  beforeAll(async () => {
    rootDir = mkdtempSync(join(tmpdir(), prefix));
    host = await start(rootDir);
    await ready?.(host, rootDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (rootDir !== null) rmSync(rootDir, { recursive: true, force: true });
  });

  function present<T>(value: T | null, what: string): T {
    if (value === null) throw new Error(`no ${what}: the file's set-up failed`);
    return value;
  }

  return {
    get rootDir() {
      return present(rootDir, 'temporary folder');
    },
    get host() {
      return present(host, 'host');
    },
    set host(next: RunningTestHost) {
      host = next;
    },
    get browser() {
      return present(browser, 'Chromium');
    },
    async openPage() {
      const page = await present(browser, 'Chromium').newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
      await page.goto(present(host, 'host').url);
      return page;
    },
  };
}

/**
 * Polls the host until its open case has imported (and, with `pdqDone`, its PDQ pass has ended, so stacks and near matches
 * are final), and `also` holds; returns that case's summary.
 */
export async function waitForImport(
  host: RunningTestHost,
  options: { pdqDone?: boolean; also?: (summary: CaseSummary) => boolean } = {},
): Promise<CaseSummary> {
  const summary = await waitUntil(
    async () => requests.getCase.result.parse(await host.call('getCase', {})),
    (now) =>
      now !== null &&
      now.import.phase === 'done' &&
      (!options.pdqDone || (now.pdqProgress !== null && now.pdqProgress.doneCount === now.pdqProgress.totalCount)) &&
      (options.also?.(now) ?? true),
    120_000,
  );
  if (summary === null) throw new Error('no case open');
  return summary;
}
