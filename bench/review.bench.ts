/**
 * Review keypress benchmark (`npm run bench:review`, after a build): tsx bench/review.bench.ts
 * [--count 100000] [--presses 200] [--profile review.cpuprofile]
 *
 * Opens a case of 100,000 tiny distinct pictures (bench/review-case.ts) in Chromium through the
 * browser host, opens the first item to review in the viewer, and then, by keyboard only:
 * - `--presses` times, a number key that categorises the open item followed at once by N;
 * - beside them, in the same run and interleaved with them, N alone (next to review, nothing
 *   decided) and → alone (the next item, nothing asked of the review), each half as many times.
 * Each step is timed in the page, from the first key's keydown (its event timestamp) to the
 * start of the request for the next item's veiled view (Resource Timing): the issue's goal is
 * p95 under 50 ms for the categorise step. Then, after a reload with the "open the next item after
 * categorising" setting on, half as many steps of the number key alone (the setting does N's part). The contract calls' own durations, seen from the
 * page, say where the time goes; `--profile` also writes a CPU profile of the page during the measured
 * steps (Chrome DevTools format; `tsx bench/cpu-profile-summary.ts <file>` sums it by source file). Exporting 100,000 decisions is `bench:review-export`'s.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { launchChromium } from '../test/e2e/browser.js';
import { startTestHost, waitUntil, type RunningTestHost } from '../test/e2e/host-process.js';
import { reviewCase } from './review-case.js';
import { median, percentile } from './sample-stats.js';

const GOAL_P95_MS = 50;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

const COUNT = option('--count', 100_000);
const PRESSES = option('--presses', 200);
const PROFILE_AT = process.argv.indexOf('--profile');
const PROFILE_FILE = PROFILE_AT < 0 ? null : (process.argv[PROFILE_AT + 1] ?? null);
/** How long the import and the background PDQ pass may take before the bench goes on without them. */
const IMPORT_WAIT_MS = 30 * 60_000;

/**
 * Installed before the app loads: every keydown (capturing, so before the app's own handler)
 * and the first request of each item's veiled view, plus every contract call, with page times.
 */
const PROBE = `
  window.__veilProbe = { keys: [], views: [], calls: [], seen: new Set() };
  window.addEventListener('keydown', (event) => window.__veilProbe.keys.push({ key: event.key, atMs: event.timeStamp }), true);
  performance.setResourceTimingBufferSize(1000000);
  new PerformanceObserver((list) => {
    const probe = window.__veilProbe;
    for (const entry of list.getEntries()) {
      const url = new URL(entry.name);
      const view = /^\\/media\\/([^/]+)\\/view$/.exec(url.pathname);
      if (view && url.searchParams.get('blur') !== 'off') {
        const id = decodeURIComponent(view[1]);
        if (!probe.seen.has(id)) {
          probe.seen.add(id);
          probe.views.push({ id, atMs: entry.startTime });
        }
      } else if (url.pathname.startsWith('/api/')) {
        probe.calls.push({ name: url.pathname.slice(5), atMs: entry.startTime, durationMs: entry.duration });
      }
    }
  }).observe({ type: 'resource', buffered: true });
`;

const ProbeSchema = z.object({
  keys: z.array(z.object({ key: z.string(), atMs: z.number() })),
  views: z.array(z.object({ id: z.string(), atMs: z.number() })),
  calls: z.array(z.object({ name: z.string(), atMs: z.number(), durationMs: z.number() })),
});
type Probe = z.infer<typeof ProbeSchema>;

const readProbe = async (page: Page): Promise<Probe> =>
  ProbeSchema.parse(await page.evaluate('({ keys: window.__veilProbe.keys, views: window.__veilProbe.views, calls: window.__veilProbe.calls })'));

const CaseSchema = z.object({
  caseId: z.string(),
  itemCount: z.number(),
  toReviewCount: z.number(),
  import: z.object({ phase: z.string() }),
  pdqProgress: z.object({ doneCount: z.number(), totalCount: z.number() }).nullable(),
});

type Mode = 'categorise + N' | 'N alone' | '→ alone' | 'categorise, open next';
/** The keys each step presses, in order; the first one's keydown starts the clock. "Open next" is the setting doing N's part. */
const KEYS: Record<Mode, string[]> = { 'categorise + N': ['1', 'n'], 'N alone': ['n'], '→ alone': ['ArrowRight'], 'categorise, open next': ['1'] };
/** Categorise twice as often as each baseline, interleaved, so a busy moment of the machine falls on all three alike. */
const ROUND: Mode[] = ['categorise + N', 'N alone', 'categorise + N', '→ alone'];

interface Step {
  mode: Mode;
  /** Index of the step's first keydown in the probe's list. */
  keyIndex: number;
  /** Views already requested before the step. */
  viewIndex: number;
}

/** Presses a step's keys and waits (on the page's state) until a new item's veiled view was asked for. */
async function step(page: Page, mode: Mode, keysBefore: number, viewsBefore: number): Promise<Step> {
  for (const key of KEYS[mode]) await page.keyboard.press(key);
  await page.waitForFunction(`window.__veilProbe.views.length > ${viewsBefore}`, undefined, { timeout: 60_000, polling: 'raf' });
  return { mode, keyIndex: keysBefore, viewIndex: viewsBefore };
}

const PlaceSchema = z.object({ index: z.number().nullable() }).nullable();

/**
 * Opens the first item to review: N from the grid's first item focuses it, Enter opens it. A case reopens focused
 * where an earlier run left it: that focus is waited for first, so it is not mistaken for N's, and N's late answer
 * cannot close the viewer Enter opened.
 */
async function openFirstToReview(page: Page, host: RunningTestHost, caseId: string): Promise<void> {
  const first = page.getByRole('gridcell').first();
  await first.waitFor({ timeout: 120_000 });
  const place = PlaceSchema.parse(await host.call('getReviewPlace', { caseId }));
  if (place !== null && place.index !== null) {
    await page.waitForFunction(`document.activeElement?.closest('[data-item-index]')?.dataset.itemIndex === '${place.index}'`, undefined, { timeout: 60_000 });
  }
  await first.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('n');
  await page.waitForFunction(`document.activeElement?.closest('[data-item-index]')?.dataset.itemIndex !== '0'`, undefined, { timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Viewer' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction('window.__veilProbe.views.length > 0', undefined, { timeout: 60_000 });
}

/** Samples the page's main thread every 100 µs until `stopInto` writes the profile. */
async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async stopInto(file: string) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      console.log(`CPU profile of the measured steps written to ${file}`);
    },
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: readonly number[]) =>
  `p50 ${ms(median(values))}, p95 ${ms(percentile(values, 0.95))}, max ${ms(Math.max(...values))} (${values.length} steps)`;

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const caseDir = await reviewCase(COUNT, log);
  const openedMs = performance.now();
  const host = await startTestHost({ caseDir });
  const browser = await launchChromium();
  try {
    let lastLogMs = 0;
    const opened = await waitUntil(
      async () => CaseSchema.parse(await host.call('getCase', {})),
      (now) => {
        const pdqDone = now.pdqProgress !== null && now.pdqProgress.doneCount === now.pdqProgress.totalCount;
        if (performance.now() - lastLogMs > 30_000) {
          lastLogMs = performance.now();
          log(
            `  import ${now.import.phase}, ${now.itemCount.toLocaleString('en')} items; PDQ pass ${now.pdqProgress ? `${now.pdqProgress.doneCount}/${now.pdqProgress.totalCount}` : 'not started'}`,
          );
        }
        return now.import.phase === 'done' && pdqDone;
      },
      IMPORT_WAIT_MS,
    );
    log(
      `case open, imported and PDQ-hashed in ${((performance.now() - openedMs) / 1000).toFixed(0)} s: ${opened.itemCount.toLocaleString('en')} items, ` +
        `${opened.toReviewCount.toLocaleString('en')} to review`,
    );

    // bypassCSP: the page's CSP forbids eval, which the string probes need (they stay out of the DOM-less bench typecheck).
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1, bypassCSP: true });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(host.url);
    const progress = page.locator('.review-progress');
    await progress.filter({ hasText: `of ${opened.toReviewCount.toLocaleString('en')} reviewed` }).waitFor({ timeout: 120_000 });
    log(`header before: "${(await progress.textContent()) ?? ''}"`);
    await openFirstToReview(page, host, opened.caseId);
    // Warm up (code paths compiled, the viewer's first pages fetched), not counted.
    for (let warm = 0; warm < 10; warm += 1) {
      const before = await readProbe(page);
      await step(page, warm % 2 ? '→ alone' : 'N alone', before.keys.length, before.views.length);
    }

    const steps: Step[] = [];
    const rounds = Math.ceil(PRESSES / 2);
    const profiler = PROFILE_FILE === null ? null : await startProfile(page);
    const startedMs = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      for (const mode of ROUND) {
        const before = await readProbe(page);
        steps.push(await step(page, mode, before.keys.length, before.views.length));
      }
    }
    if (profiler !== null && PROFILE_FILE !== null) await profiler.stopInto(PROFILE_FILE);
    const probe = await readProbe(page);
    const latencies = new Map<Mode, number[]>();
    const gaps: number[] = [];
    /** Per step: from the end of the last answer that named the next item (categoriseItem or nextToReview) to the view requested — the renderer's share. */
    const drawing = new Map<Mode, number[]>();
    const collect = (seen: Probe, taken: readonly Step[]) => {
      for (const { mode, keyIndex, viewIndex } of taken) {
        const key = seen.keys[keyIndex];
        const view = seen.views[viewIndex];
        if (key === undefined || view === undefined) throw new Error(`step ${mode} left no keydown or no view`);
        latencies.set(mode, [...(latencies.get(mode) ?? []), view.atMs - key.atMs]);
        const answerEnds = seen.calls
          .filter(
            (call) => (call.name === 'nextToReview' || call.name === 'categoriseItem') && call.atMs >= key.atMs && call.atMs + call.durationMs <= view.atMs,
          )
          .map((call) => call.atMs + call.durationMs);
        if (answerEnds.length > 0) drawing.set(mode, [...(drawing.get(mode) ?? []), view.atMs - Math.max(...answerEnds)]);
        const second = seen.keys[keyIndex + 1];
        if (mode === 'categorise + N' && second !== undefined) gaps.push(second.atMs - key.atMs);
      }
    };
    collect(probe, steps);
    const measuredFrom = probe.keys[steps[0]?.keyIndex ?? 0]?.atMs ?? 0;
    const callTimes = (name: string) => probe.calls.filter((call) => call.name === name && call.atMs >= measuredFrom).map((call) => call.durationMs);

    // With the setting on, the number key alone opens the next item: measured after the others (a reload reads the setting, and starts a new probe).
    const { review } = z.object({ review: z.object({}).passthrough() }).parse(await host.call('getSettings', {}));
    await host.call('updateSettings', { review: { ...review, openNextAfterDecision: true } });
    await page.reload();
    await progress.filter({ hasText: /reviewed/ }).waitFor({ timeout: 120_000 });
    await openFirstToReview(page, host, opened.caseId);
    // The reloaded page warms up again, not counted.
    for (let warm = 0; warm < 10; warm += 1) {
      const before = await readProbe(page);
      await step(page, warm % 2 ? '→ alone' : 'N alone', before.keys.length, before.views.length);
    }
    const openNextSteps: Step[] = [];
    for (let press = 0; press < rounds; press += 1) {
      const before = await readProbe(page);
      openNextSteps.push(await step(page, 'categorise, open next', before.keys.length, before.views.length));
    }
    await host.call('updateSettings', { review: { ...review, openNextAfterDecision: false } });
    collect(await readProbe(page), openNextSteps);
    const wallS = (performance.now() - startedMs) / 1000;
    steps.push(...openNextSteps);

    log(`\nkeypress → next item's veiled view requested, ${COUNT.toLocaleString('en')}-item case (${steps.length} steps in ${wallS.toFixed(0)} s):`);
    for (const mode of Object.keys(KEYS) as Mode[]) log(`  ${mode.padEnd(21)} ${summary(latencies.get(mode) ?? [])}`);
    log(`  (in "categorise + N", the number key's keydown to N's keydown — Playwright sending the second key: ${summary(gaps)})`);
    log("  of which the renderer's share, from the last answer naming the next item to its view requested:");
    for (const [mode, values] of drawing) log(`    ${mode.padEnd(19)} ${summary(values)}`);
    for (const mode of ['categorise + N', 'categorise, open next'] as const) {
      const p95 = percentile(latencies.get(mode) ?? [], 0.95);
      log(`  goal: ${mode}, p95 < ${GOAL_P95_MS} ms: ${p95 < GOAL_P95_MS ? 'met' : 'MISSED'} (${ms(p95)})`);
    }
    log('contract calls seen from the page (request to response end):');
    for (const name of ['categoriseItem', 'nextToReview', 'listItems', 'getItemReview', 'getStackMembers']) {
      const times = callTimes(name);
      if (times.length > 0) log(`  ${name.padEnd(15)} ${summary(times)}`);
    }
    const decided = Math.ceil(PRESSES / 2) * 3;
    await progress.filter({ hasText: /reviewed/ }).waitFor();
    log(`header after ${decided} decisions: "${(await progress.textContent()) ?? ''}"`);
    await context.close();
  } catch (error) {
    // A dropped connection (ECONNRESET) alone does not say whether the host died: its end and last words do.
    const exited = host.exited();
    log(`host ${exited === null ? 'still running' : `exited (code ${exited.code}, signal ${exited.signal})`}; its last output:`);
    log(host.output.slice(-20).join('\n'));
    throw error;
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main();
