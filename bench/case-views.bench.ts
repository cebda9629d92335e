/**
 * What one case summary and one refetch of the grid's default view cost the main loop while an
 * import appends 100,000 items (`npm run bench:views -- [--count 100000] [--every 250]`): the live
 * views, which take in only the items appended since they were last made (case-views.ts), beside
 * views made from nothing at the same moments, which pass over every item as each summary did
 * before the index told appends from other changes. Both in this process, interleaved, so the
 * load hits both alike; also checks that both give the same counts and view.
 */
import os from 'node:os';
import type { MediaItem } from '../shared/case/media-item.js';
import { createCaseIndex } from '../electron/services/case/case-index.js';
import { createCaseViews, type CaseViews } from '../electron/services/case/case-views.js';
import { randomUrlSafeId } from '../electron/services/case/random-id.js';
import { median, percentile } from './sample-stats.js';
import { mediaItemFixture } from '../test/fixtures/media-item.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

const count = Number(option('--count') ?? 100_000);
/** Items appended between two summaries: about what the import publishes in half a second at load. */
const every = Number(option('--every') ?? 250);
/** What the grid asks for first. */
const FIRST_PAGE = 200;

function itemOf(number: number): MediaItem {
  // Every seventh has copies, so the duplicates count has something to count.
  return mediaItemFixture({ id: randomUrlSafeId(), name: `${number}.png`, stackSize: number % 7 === 0 ? 2 : 1 });
}

/** A summary's counts and the first page of the default view, as the session makes them; ms. */
function summaryMs(views: CaseViews): { durationMs: number; answer: string } {
  const startMs = performance.now();
  const counts = views.counts();
  const page = views.items('to-review').slice(0, FIRST_PAGE);
  const durationMs = performance.now() - startMs;
  return { durationMs, answer: JSON.stringify([counts, page.map((item) => item.id)]) };
}

const index = createCaseIndex('/bench');
const live = createCaseViews(index);
const liveMs: number[] = [];
const freshMs: number[] = [];
for (let number = 1; number <= count; number += 1) {
  index.version += 1;
  index.items.push(itemOf(number));
  if (number % every !== 0) continue;
  const ours = summaryMs(live);
  const fromNothing = summaryMs(createCaseViews(index));
  if (ours.answer !== fromNothing.answer) throw new Error(`the live views differ from views made from nothing after ${number} items`);
  liveMs.push(ours.durationMs);
  freshMs.push(fromNothing.durationMs);
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const line = (name: string, values: readonly number[]): string =>
  `  ${name}: median ${ms(median(values))}, p99 ${ms(percentile(values, 0.99))}, max ${ms(Math.max(...values))}, all ${ms(values.reduce((sum, value) => sum + value, 0))}`;
console.log(
  `${liveMs.length} summaries (counts + first page of "to review"), one every ${every} of ${count.toLocaleString('en')} items appended; load ${os.loadavg()[0]?.toFixed(1)}`,
);
console.log(line('live views (only what was appended)', liveMs));
console.log(line('made from nothing (a pass over every item)', freshMs));
console.log(`  median ratio ${(median(freshMs) / Math.max(median(liveMs), 0.001)).toFixed(0)}×`);
