import { describe, expect, it } from 'vitest';
import type { BreakAction } from '../../../../shared/breaks/break-events.js';
import { checkOverrideReason } from '../../../../shared/breaks/break-actions.js';
import { BreakTimeline, HOUR, MINUTE, SECOND, T0, config } from './break-timeline.js';

const isDue = (step: { view: { phase: string } }): boolean => step.view.phase === 'due';
const isOnBreak = (step: { view: { phase: string } }): boolean => step.view.phase === 'on-break';

/** Expects `action` to be refused with `rejected`, leaving the very same state and writing nothing. */
function expectRefused(t: BreakTimeline, action: BreakAction, rejected: string): void {
  const before = t.state;
  const recordsBefore = t.records.length;
  const step = t.act(action);
  expect(step.rejected).toBe(rejected);
  expect(step.state).toBe(before);
  expect(step.records).toEqual([]);
  expect(t.records).toHaveLength(recordsBefore);
}

/** Three natural micro-breaks, so the rest break is brought forward to 57 min and is the one due. */
function restDueAt57(t: BreakTimeline): void {
  for (let i = 0; i < 3; i += 1) {
    t.expose(14 * MINUTE);
    t.pause(30 * SECOND);
  }
  t.exposeUntil(isDue, HOUR);
  expect(t.view).toMatchObject({ phase: 'due', kind: 'rest' });
}

describe('breaks: postpone', () => {
  it('moves a coming break by 5 min of exposure, at most twice, then refuses', () => {
    const t = new BreakTimeline();
    t.expose(14 * MINUTE + 40 * SECOND);
    const first = t.act({ type: 'postpone' });
    expect(first.records).toEqual([{ v: 1, type: 'break', atMs: T0 + 14 * MINUTE + 40 * SECOND, kind: 'micro', event: 'postponed' }]);
    expect(first.view).toMatchObject({ phase: 'working', exposureSecondsUntilDue: 20 + 5 * 60, postponesLeft: 1 });
    t.exposeUntil(isDue, HOUR);
    expect(t.exposedMs).toBe(20 * MINUTE);
    expect(t.act({ type: 'postpone' }).view).toMatchObject({ exposureSecondsUntilDue: 5 * 60, postponesLeft: 0 });
    t.exposeUntil(isDue, HOUR);
    expect(t.exposedMs).toBe(25 * MINUTE);
    expect(t.view).toMatchObject({ canPostpone: false, postponesLeft: 0 });
    expectRefused(t, { type: 'postpone' }, 'no-postpones-left');
    t.exposeUntil(isOnBreak, HOUR);
    expect(t.exposedMs).toBe(27 * MINUTE);
    expect(t.labels).toEqual(['micro:postponed', 'micro:due', 'micro:postponed', 'micro:due', 'micro:started']);
    t.pause(30 * SECOND);
    t.expose(14 * MINUTE + 45 * SECOND);
    expect(t.view).toMatchObject({ phase: 'warning', postponesLeft: 2, canPostpone: true });
  });

  it('gives a due break the full postpone from now, however long it waited for a boundary', () => {
    const t = new BreakTimeline();
    t.expose(16 * MINUTE);
    t.act({ type: 'postpone' });
    t.exposeUntil(isDue, HOUR);
    expect(t.exposedMs).toBe(21 * MINUTE);
  });

  it('refuses to postpone while working or on a break, or when postpones are set to 0', () => {
    const t = new BreakTimeline();
    t.expose(MINUTE);
    expectRefused(t, { type: 'postpone' }, 'not-now');
    t.exposeUntil(isDue, HOUR);
    t.boundary();
    expectRefused(t, { type: 'postpone' }, 'not-now');

    const none = new BreakTimeline(config({ maxPostpones: 0 }));
    none.expose(14 * MINUTE + 45 * SECOND);
    expect(none.view).toMatchObject({ phase: 'warning', canPostpone: false, postponesLeft: 0 });
    expectRefused(none, { type: 'postpone' }, 'no-postpones-left');
  });

  it('postpones a rest break together with the micro-break it covers', () => {
    const t = new BreakTimeline();
    restDueAt57(t);
    const step = t.act({ type: 'postpone' });
    expect(step.records).toEqual([expect.objectContaining({ kind: 'rest', event: 'postponed' })]);
    expect(step.view).toMatchObject({ phase: 'working', kind: 'rest', exposureSecondsUntilDue: 5 * 60, postponesLeft: 1 });
    const from = t.records.length;
    t.exposeUntil(isDue, HOUR);
    expect(t.labelsFrom(from)).toEqual(['rest:due']);
    expect(t.exposedMs).toBe(62 * MINUTE);
  });
});

describe('breaks: skip', () => {
  it('skips a coming or due break, resetting its counter, and counts it', () => {
    const t = new BreakTimeline();
    t.expose(14 * MINUTE + 45 * SECOND);
    const skipped = t.act({ type: 'skip' });
    expect(skipped.records).toEqual([{ v: 1, type: 'break', atMs: T0 + 14 * MINUTE + 45 * SECOND, kind: 'micro', event: 'skipped' }]);
    expect(skipped.view).toMatchObject({ phase: 'working', exposureSecondsUntilDue: 15 * 60 });
    expect(t.state.rest.exposureMs).toBe(14 * MINUTE + 45 * SECOND);
    t.exposeUntil(isDue, HOUR);
    expect(t.act({ type: 'skip' }).records).toEqual([expect.objectContaining({ kind: 'micro', event: 'skipped' })]);
    expect(t.labels).toEqual(['micro:skipped', 'micro:due', 'micro:skipped']);
  });

  it('skipping a rest break resets the micro-break it covers too', () => {
    const t = new BreakTimeline();
    restDueAt57(t);
    t.act({ type: 'skip' });
    expect(t.state.micro.exposureMs).toBe(0);
    expect(t.state.rest.exposureMs).toBe(0);
  });

  it('refuses to skip when skipping is off, while working, or on a break', () => {
    const off = new BreakTimeline(config({ skipAllowed: false }));
    off.exposeUntil(isDue, HOUR);
    expect(off.view.canSkip).toBe(false);
    expectRefused(off, { type: 'skip' }, 'skip-not-allowed');

    const t = new BreakTimeline();
    t.expose(MINUTE);
    expectRefused(t, { type: 'skip' }, 'not-now');
    t.exposeUntil(isDue, HOUR);
    t.boundary();
    expectRefused(t, { type: 'skip' }, 'not-now');
  });
});

describe('breaks: ending early', () => {
  it('ends a running break early, counted, and resets its counter', () => {
    const t = new BreakTimeline();
    t.exposeUntil(isDue, HOUR);
    t.boundary();
    t.pause(10 * SECOND);
    const ended = t.act({ type: 'end-early' });
    expect(ended.records).toEqual([{ v: 1, type: 'break', atMs: T0 + 15 * MINUTE + 10 * SECOND, kind: 'micro', event: 'ended-early' }]);
    expect(ended.view).toMatchObject({ phase: 'working', exposureSecondsUntilDue: 15 * 60 });
    expectRefused(t, { type: 'end-early' }, 'not-now');
    t.pause(MINUTE);
    expect(t.labels).toEqual(['micro:due', 'micro:started', 'micro:ended-early']);
  });
});

describe('breaks: strict mode', () => {
  const strict = config({ strictMode: true });

  it('offers no skip, postpone or end-early, only the escape hatch', () => {
    const t = new BreakTimeline(strict);
    t.expose(14 * MINUTE + 45 * SECOND);
    expect(t.view).toMatchObject({ phase: 'warning', canSkip: false, canPostpone: false, postponesLeft: 0, strictOverrideOffered: true });
    expectRefused(t, { type: 'skip' }, 'strict-mode');
    expectRefused(t, { type: 'postpone' }, 'strict-mode');
    t.exposeUntil(isDue, HOUR);
    expectRefused(t, { type: 'skip' }, 'strict-mode');
    expectRefused(t, { type: 'postpone' }, 'strict-mode');
    t.boundary();
    expect(t.view).toMatchObject({ phase: 'on-break', canEndEarly: false, strictOverrideOffered: true });
    expectRefused(t, { type: 'end-early' }, 'strict-mode');
    t.pause(30 * SECOND);
    expect(t.labels).toEqual(['micro:due', 'micro:started', 'micro:taken']);
  });

  it('starts the break after the grace period whatever the user does, without the escape hatch', () => {
    const t = new BreakTimeline(strict);
    t.exposeUntil(isOnBreak, HOUR);
    expect(t.times('micro:started')).toEqual([17 * MINUTE]);
  });

  it('refuses the escape hatch without a real reason', () => {
    const t = new BreakTimeline(strict);
    t.exposeUntil(isDue, HOUR);
    t.boundary();
    for (const reason of ['', '   ', ' ok ', '\n\t.']) expectRefused(t, { type: 'strict-override', reason }, 'reason-too-short');
    expectRefused(t, { type: 'strict-override', reason: 'x'.repeat(501) }, 'reason-too-long');
    expect(t.view.phase).toBe('on-break');
  });

  it('ends a running break with a typed reason, recorded trimmed, and resets the counter', () => {
    const t = new BreakTimeline(strict);
    t.exposeUntil(isDue, HOUR);
    t.boundary();
    t.pause(5 * SECOND);
    const step = t.act({ type: 'strict-override', reason: '  Court exhibit due at noon ' });
    expect(step.records).toEqual([
      { v: 1, type: 'break', atMs: T0 + 15 * MINUTE + 5 * SECOND, kind: 'micro', event: 'strict-override', reason: 'Court exhibit due at noon' },
    ]);
    expect(step.view).toMatchObject({ phase: 'working', exposureSecondsUntilDue: 15 * 60 });
    t.pause(MINUTE);
    expect(t.labels).toEqual(['micro:due', 'micro:started', 'micro:strict-override']);
  });

  it('cancels a due break with a typed reason', () => {
    const t = new BreakTimeline(strict);
    t.exposeUntil(isDue, HOUR);
    const step = t.act({ type: 'strict-override', reason: 'suspect interview now' });
    expect(step.records).toEqual([expect.objectContaining({ kind: 'micro', event: 'strict-override', reason: 'suspect interview now' })]);
    t.expose(2 * MINUTE);
    expect(t.labels).toEqual(['micro:due', 'micro:strict-override']);
    expect(t.view).toMatchObject({ phase: 'working', exposureSecondsUntilDue: 13 * 60 });
  });

  it('refuses the escape hatch outside strict mode and while working', () => {
    const t = new BreakTimeline();
    t.exposeUntil(isDue, HOUR);
    expect(t.view.strictOverrideOffered).toBe(false);
    expectRefused(t, { type: 'strict-override', reason: 'a good reason' }, 'not-strict');
    const s = new BreakTimeline(strict);
    s.expose(MINUTE);
    expect(s.view.strictOverrideOffered).toBe(false);
    expectRefused(s, { type: 'strict-override', reason: 'a good reason' }, 'not-now');
  });
});

describe('checkOverrideReason', () => {
  it('trims and bounds the reason', () => {
    expect(checkOverrideReason('  abc  ')).toEqual({ ok: true, reason: 'abc' });
    expect(checkOverrideReason('ab')).toEqual({ ok: false, rejected: 'reason-too-short' });
    expect(checkOverrideReason(`  ${'y'.repeat(500)}  `)).toEqual({ ok: true, reason: 'y'.repeat(500) });
  });
});
