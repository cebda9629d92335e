import { describe, expect, it } from 'vitest';
import type { LimitsEvent } from '../../../../shared/limits/limits-types.js';
import { LimitsTimeline, MINUTE, T0, oneCap } from './limits-timeline.js';

/** A timeline part-way to a daily exposure cap, with a warning already written. */
function midway(): LimitsTimeline {
  const t = new LimitsTimeline(oneCap('exposure', 'day', 20));
  t.view('exposure', 16 * MINUTE);
  return t;
}

function expectRefused(t: LimitsTimeline, atMs: number, event: LimitsEvent, rejected: string): void {
  const before = t.state;
  const json = JSON.stringify(before);
  const step = t.at(atMs, event);
  expect(step.rejected).toBe(rejected);
  expect(step.records).toEqual([]);
  expect(step.state).toBe(before);
  expect(JSON.stringify(step.state)).toBe(json);
  expect(step.view.caps.exposure.day.usedMs).toBe(16 * MINUTE);
}

const oneMinute: LimitsEvent = { type: 'exposure', countedMs: MINUTE, unfilteredMs: 0, audioMs: 0 };

describe('refused events change nothing', () => {
  it('an event earlier than the last one', () => {
    const t = midway();
    expectRefused(t, T0 + 16 * MINUTE - 1, oneMinute, 'out-of-order');
  });

  it('an event at the same millisecond as the last is in order', () => {
    const t = midway();
    expect(t.at(T0 + 16 * MINUTE, oneMinute).rejected).toBeNull();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -5, 2 ** 60])('a time that is not one (%s)', (atMs) => {
    expectRefused(midway(), atMs, oneMinute, 'invalid-time');
  });

  it.each([
    ['negative counted time', { countedMs: -MINUTE, unfilteredMs: 0, audioMs: 0 }],
    ['NaN', { countedMs: Number.NaN, unfilteredMs: 0, audioMs: 0 }],
    ['infinite audio', { countedMs: MINUTE, unfilteredMs: 0, audioMs: Number.POSITIVE_INFINITY }],
    ['more unfiltered than counted time', { countedMs: MINUTE, unfilteredMs: MINUTE + 1, audioMs: 0 }],
    ['more audio than counted time', { countedMs: MINUTE, unfilteredMs: 0, audioMs: 2 * MINUTE }],
  ])('amounts that cannot be: %s', (_label, amounts) => {
    expectRefused(midway(), T0 + 17 * MINUTE, { type: 'exposure', ...amounts }, 'invalid-amounts');
  });

  it('an event of a kind it does not know', () => {
    expectRefused(midway(), T0 + 17 * MINUTE, { type: 'reset' } as unknown as LimitsEvent, 'unknown-event');
  });

  it('a time zone the runtime does not know, when a new day must be placed', () => {
    const t = midway();
    t.config = { ...t.config, timeZone: 'Mars/Olympus_Mons' };
    expectRefused(t, Date.UTC(2024, 4, 15, 13, 0), oneMinute, 'unknown-time-zone');
  });

  it('a refused override at a cap leaves text-only on', () => {
    const t = midway();
    t.view('exposure', 4 * MINUTE);
    const before = t.state;
    const step = t.override(T0 + 21 * MINUTE, 'exposure', 'day', '');
    expect(step).toMatchObject({ rejected: 'reason-too-short', records: [], view: { textOnly: true } });
    expect(step.state).toBe(before);
  });
});
