import { describe, expect, it } from 'vitest';
import { BreakLedgerRecordSchema } from '../../../../shared/breaks/break-records.js';
import { BreakStateSchema, initialBreakState } from '../../../../shared/breaks/break-state.js';
import { stepBreaks } from '../../../../shared/breaks/break-scheduler.js';
import { BreakTimeline, HOUR, MINUTE, SECOND, T0, config, exposure } from './break-timeline.js';

const isDue = (step: { view: { phase: string } }): boolean => step.view.phase === 'due';
const isOnBreak = (step: { view: { phase: string } }): boolean => step.view.phase === 'on-break';

/** Works for `exposureMs` of counted exposure, starting each due break at once at an item boundary and sitting it out. */
function workWithBoundaries(t: BreakTimeline, exposureMs: number, startedAtExposureMs: number[]): void {
  const targetMs = t.exposedMs + exposureMs;
  while (t.exposedMs < targetMs) {
    t.exposeUntil(isDue, targetMs - t.exposedMs);
    if (t.view.phase !== 'due') continue;
    t.boundary();
    startedAtExposureMs.push(t.exposedMs);
    t.pause((t.view.breakSecondsLeft ?? 0) * SECOND);
  }
}

describe('breaks: due after counted exposure', () => {
  it('warns 30 s before and makes a micro-break due after 15 min of exposure', () => {
    const t = new BreakTimeline();
    t.expose(14 * MINUTE + 29 * SECOND);
    expect(t.view).toMatchObject({ phase: 'working', kind: 'micro', exposureSecondsUntilDue: 31, canSkip: false, canPostpone: false });
    t.expose(SECOND);
    expect(t.view).toMatchObject({ phase: 'warning', kind: 'micro', exposureSecondsUntilDue: 30, canSkip: true, canPostpone: true, postponesLeft: 2 });
    t.expose(29 * SECOND);
    expect(t.view.phase).toBe('warning');
    expect(t.records).toEqual([]);
    t.expose(SECOND);
    expect(t.view).toMatchObject({ phase: 'due', kind: 'micro', exposureSecondsUntilDue: 0, exposureSecondsUntilForcedStart: 120, breakLengthSec: 30 });
    expect(t.records).toEqual([{ v: 1, type: 'break', atMs: T0 + 15 * MINUTE, kind: 'micro', event: 'due' }]);
  });

  it('counts exposure, not wall time: pauses shorter than a break do not count and do not reset', () => {
    const t = new BreakTimeline();
    t.expose(10 * MINUTE);
    t.pause(20 * SECOND);
    t.exposeUntil(isDue, HOUR);
    expect(t.times('micro:due')).toEqual([15 * MINUTE + 20 * SECOND]);
  });

  it('takes twice the wall time when only half of it is counted', () => {
    const t = new BreakTimeline();
    // A step every 2 s, each counting the last second: a user flipping between media and notes.
    while (t.view.phase !== 'due') t.after(2 * SECOND, exposure(SECOND));
    expect(t.times('micro:due')).toEqual([30 * MINUTE]);
  });

  it('does not warn when the warning is set to 0', () => {
    const t = new BreakTimeline(config({ warningSec: 0 }));
    t.expose(15 * MINUTE - SECOND);
    expect(t.view.phase).toBe('working');
    t.expose(SECOND);
    expect(t.view.phase).toBe('due');
  });

  it('uses every number from the config: a micro-break every minute (the smallest setting)', () => {
    const t = new BreakTimeline(config({ microIntervalMin: 1, warningSec: 10, graceSec: 0, microDurationSec: 20 }));
    t.exposeUntil(isOnBreak, HOUR);
    expect(t.times('micro:started')).toEqual([MINUTE]);
    expect(t.view).toMatchObject({ phase: 'on-break', breakSecondsLeft: 20, breakLengthSec: 20 });
  });
});

describe('breaks: item boundary and grace', () => {
  it('waits for an item boundary once due, then runs the break its length in wall time', () => {
    const t = new BreakTimeline();
    t.expose(15 * MINUTE);
    t.expose(MINUTE);
    expect(t.view).toMatchObject({ phase: 'due', exposureSecondsUntilForcedStart: 60 });
    expect(t.labels).toEqual(['micro:due']);
    t.boundary();
    expect(t.times('micro:started')).toEqual([16 * MINUTE]);
    expect(t.view).toMatchObject({
      phase: 'on-break',
      kind: 'micro',
      breakSecondsLeft: 30,
      canEndEarly: true,
      canSkip: false,
      canPostpone: false,
      strictOverrideOffered: false,
    });
    t.pause(29 * SECOND);
    expect(t.view).toMatchObject({ phase: 'on-break', breakSecondsLeft: 1 });
    t.pause(SECOND);
    expect(t.labels).toEqual(['micro:due', 'micro:started', 'micro:taken']);
    expect(t.times('micro:taken')).toEqual([16 * MINUTE + 30 * SECOND]);
    expect(t.view).toMatchObject({ phase: 'working', kind: 'micro', exposureSecondsUntilDue: 15 * 60 });
    expect(t.state.rest.exposureMs).toBe(16 * MINUTE);
  });

  it('ignores an item boundary before the break is due', () => {
    const t = new BreakTimeline();
    t.expose(14 * MINUTE + 45 * SECOND);
    const step = t.boundary();
    expect(step.records).toEqual([]);
    expect(step.view.phase).toBe('warning');
  });

  it('starts the break anyway when no boundary comes within the grace period (2 min of exposure)', () => {
    const t = new BreakTimeline();
    t.exposeUntil(isOnBreak, HOUR);
    expect(t.labels).toEqual(['micro:due', 'micro:started']);
    expect(t.times('micro:started')).toEqual([17 * MINUTE]);
  });

  it('measures the grace in exposure: a short pause while due does not shorten or end it', () => {
    const t = new BreakTimeline();
    t.expose(15 * MINUTE);
    t.pause(20 * SECOND);
    expect(t.view).toMatchObject({ phase: 'due', exposureSecondsUntilForcedStart: 120 });
    t.exposeUntil(isOnBreak, HOUR);
    expect(t.times('micro:started')).toEqual([17 * MINUTE + 20 * SECOND]);
  });

  it('starts at once when the grace is 0', () => {
    const t = new BreakTimeline(config({ graceSec: 0 }));
    t.exposeUntil(isOnBreak, HOUR);
    expect(t.times('micro:due')).toEqual([15 * MINUTE]);
    expect(t.times('micro:started')).toEqual([15 * MINUTE]);
  });

  it('ends a break at its end even when the next event comes late', () => {
    const t = new BreakTimeline(config({ graceSec: 0 }));
    t.exposeUntil(isOnBreak, HOUR);
    const late = t.after(45 * SECOND, exposure(0, false));
    expect(late.records).toEqual([{ v: 1, type: 'break', atMs: T0 + 15 * MINUTE + 30 * SECOND, kind: 'micro', event: 'taken' }]);
    expect(late.view.phase).toBe('working');
  });

  it('ignores exposure counted during a break and keeps the break running', () => {
    const t = new BreakTimeline(config({ graceSec: 0 }));
    t.exposeUntil(isOnBreak, HOUR);
    t.expose(20 * SECOND);
    expect(t.view).toMatchObject({ phase: 'on-break', breakSecondsLeft: 10 });
    expect(t.state.rest.exposureMs).toBe(15 * MINUTE);
    t.expose(10 * SECOND); // the break ends at this step's end: none of it counts either
    expect(t.labels).toEqual(['micro:due', 'micro:started', 'micro:taken']);
    expect(t.state.rest.exposureMs).toBe(15 * MINUTE);
    t.expose(10 * SECOND);
    expect(t.state.rest.exposureMs).toBe(15 * MINUTE + 10 * SECOND);
    expect(t.state.micro.exposureMs).toBe(10 * SECOND);
  });

  it('counts the part of a step after the break ended', () => {
    const t = new BreakTimeline(config({ graceSec: 0 }));
    t.exposeUntil(isOnBreak, HOUR);
    t.pause(25 * SECOND);
    t.after(10 * SECOND, exposure(10 * SECOND)); // ends 5 s after the break
    expect(t.state.micro.exposureMs).toBe(5 * SECOND);
  });
});

describe('breaks: a rest break satisfies the micro-break', () => {
  it('gives micro-breaks at 15, 30 and 45 min of exposure and only the rest break at 60', () => {
    const t = new BreakTimeline();
    const startedAt: number[] = [];
    workWithBoundaries(t, 76 * MINUTE, startedAt);
    expect(startedAt).toEqual([15, 30, 45, 60, 75].map((m) => m * MINUTE));
    expect(t.labels.filter((l) => l.endsWith(':started'))).toEqual(['micro:started', 'micro:started', 'micro:started', 'rest:started', 'micro:started']);
    expect(t.labels.filter((l) => l.endsWith(':due'))).toEqual(['micro:due', 'micro:due', 'micro:due', 'rest:due', 'micro:due']);
    expect(t.times('rest:taken')).toHaveLength(1);
  });

  it('brings the rest break forward to a micro-break due less than half a micro interval before it', () => {
    const t = new BreakTimeline();
    // Three natural micro-breaks leave the micro counter 3 min behind the rest counter.
    for (let i = 0; i < 3; i += 1) {
      t.expose(14 * MINUTE);
      t.pause(30 * SECOND);
    }
    expect(t.labels).toEqual(['micro:natural', 'micro:natural', 'micro:natural']);
    expect(t.view).toMatchObject({ kind: 'rest', exposureSecondsUntilDue: 15 * 60 });
    t.exposeUntil(isDue, HOUR);
    expect(t.labelsFrom(3)).toEqual(['rest:due']);
    expect(t.state.rest.exposureMs).toBe(57 * MINUTE);
  });

  it('keeps the micro-break when the rest break is further away, and turns it into the rest break if it waits too long', () => {
    const t = new BreakTimeline();
    t.expose(14 * MINUTE);
    t.pause(30 * SECOND);
    t.expose(14 * MINUTE);
    t.pause(30 * SECOND);
    t.expose(9 * MINUTE);
    t.pause(30 * SECOND); // micro counter reset at 37 min: next micro at 52, rest at 60 (8 min > 7.5 min later)
    t.exposeUntil(isDue, HOUR);
    expect(t.labelsFrom(3)).toEqual(['micro:due']);
    expect(t.view.kind).toBe('micro');
    // No boundary: after 30 s more the rest break is within 7.5 min and takes over, keeping the micro's grace.
    t.exposeUntil(isOnBreak, HOUR);
    expect(t.labelsFrom(3)).toEqual(['micro:due', 'rest:due', 'rest:started']);
    expect(t.state.onBreak).toMatchObject({ kind: 'rest' });
    expect(t.state.rest.exposureMs).toBe(54 * MINUTE);
  });

  it('resets both counters when a rest break is taken', () => {
    const t = new BreakTimeline(config({ microEnabled: false }));
    t.exposeUntil(isDue, 2 * HOUR);
    expect(t.exposedMs).toBe(HOUR);
    t.boundary();
    t.pause(10 * MINUTE);
    expect(t.labels).toEqual(['rest:due', 'rest:started', 'rest:taken']);
    expect(t.state.micro).toEqual({ exposureMs: 0, extraMs: 0, postponesUsed: 0 });
    expect(t.state.rest).toEqual({ exposureMs: 0, extraMs: 0, postponesUsed: 0 });
  });

  it('with rest breaks off, gives only micro-breaks; with both off, none at all', () => {
    const micro = new BreakTimeline(config({ restEnabled: false }));
    const startedAt: number[] = [];
    workWithBoundaries(micro, 61 * MINUTE, startedAt);
    expect(startedAt).toEqual([15, 30, 45, 60].map((m) => m * MINUTE));
    expect(micro.labels.every((l) => l.startsWith('micro:'))).toBe(true);

    const none = new BreakTimeline(config({ restEnabled: false, microEnabled: false }));
    none.expose(3 * HOUR, 10 * SECOND);
    expect(none.records).toEqual([]);
    expect(none.view).toMatchObject({ phase: 'working', kind: null, exposureSecondsUntilDue: null });
  });
});

describe('breaks: clock jumps and bad input', () => {
  it('treats a sleep as a pause: waking up satisfies breaks instead of firing them', () => {
    const t = new BreakTimeline();
    t.expose(14 * MINUTE + 45 * SECOND);
    expect(t.view.phase).toBe('warning');
    const wake = t.after(2 * HOUR, exposure(0, true));
    expect(wake.records).toEqual([
      { v: 1, type: 'break', atMs: T0 + 15 * MINUTE + 15 * SECOND, kind: 'micro', event: 'natural' },
      { v: 1, type: 'break', atMs: T0 + 24 * MINUTE + 45 * SECOND, kind: 'rest', event: 'natural' },
    ]);
    expect(wake.view).toMatchObject({ phase: 'working', exposureSecondsUntilDue: 15 * 60 });
    t.expose(10 * MINUTE);
    expect(t.records).toHaveLength(2);
  });

  it('writes the same records for a long pause whether it comes in one step or in ticks', () => {
    const ticks = new BreakTimeline();
    const jump = new BreakTimeline();
    for (const t of [ticks, jump]) t.expose(20 * MINUTE + 10 * SECOND, 5 * SECOND);
    ticks.pause(2 * HOUR);
    jump.after(2 * HOUR, exposure(0, false));
    expect(jump.records).toEqual(ticks.records);
    expect(jump.state).toEqual(ticks.state);
  });

  it('ends a break once when the clock jumps past its end, and fires nothing after', () => {
    const t = new BreakTimeline(config({ graceSec: 0 }));
    t.exposeUntil(isOnBreak, HOUR);
    const wake = t.after(3 * HOUR, exposure(0, true));
    expect(wake.records.map((r) => (r.type === 'break' ? r.event : r.type))).toEqual(['taken', 'natural']);
    expect(wake.records[0]).toMatchObject({ atMs: T0 + 15 * MINUTE + 30 * SECOND, kind: 'micro' });
    expect(wake.records[1]).toMatchObject({ kind: 'rest' });
    for (let i = 0; i < 100; i += 1) t.after(SECOND, exposure(0, false));
    expect(t.labels).toEqual(['micro:due', 'micro:started', 'micro:taken', 'rest:natural']);
  });

  it('cuts a counted figure larger than the wall time elapsed, and starts at most one break for it', () => {
    const t = new BreakTimeline();
    t.expose(MINUTE);
    const bogus = t.after(SECOND, exposure(5 * HOUR));
    expect(t.state.micro.exposureMs).toBe(MINUTE + SECOND);
    expect(bogus.records).toEqual([]);
    const t2 = new BreakTimeline();
    const jump = t2.after(2 * HOUR, exposure(2 * HOUR));
    expect(jump.records.map((r) => (r.type === 'break' ? `${r.kind}:${r.event}` : r.type))).toEqual(['rest:due', 'rest:started']);
    t2.expose(20 * MINUTE);
    expect(t2.labels).toEqual(['rest:due', 'rest:started', 'rest:taken']);
  });

  it('refuses events earlier than the last one (clock set back), changing nothing', () => {
    const t = new BreakTimeline();
    t.expose(5 * MINUTE);
    const before = t.state;
    const back = t.at(t.nowMs - HOUR, exposure(SECOND));
    expect(back.rejected).toBe('out-of-order');
    expect(back.state).toBe(before);
    expect(back.records).toEqual([]);
    expect(t.at(t.nowMs, exposure(0)).rejected).toBeNull(); // the same instant is fine
    t.exposeUntil(isDue, HOUR);
    expect(t.times('micro:due')).toEqual([15 * MINUTE]);
  });

  it('refuses invalid times and impossible figures', () => {
    const t = new BreakTimeline();
    t.expose(MINUTE);
    const before = t.state;
    for (const nowMs of [Number.NaN, -1, Number.POSITIVE_INFINITY]) expect(t.at(nowMs, exposure(0)).rejected).toBe('invalid-time');
    expect(t.after(SECOND, exposure(-5)).rejected).toBe('invalid-event');
    expect(t.after(SECOND, exposure(Number.NaN)).rejected).toBe('invalid-event');
    expect(t.after(SECOND, { type: 'exposure', countingSinceLastStep: true, countedMs: 0, unfilteredMs: Number.POSITIVE_INFINITY, audioMs: 0 }).rejected).toBe(
      'invalid-event',
    );
    expect(t.state).toBe(before);
    expect(() => initialBreakState(Number.NaN)).toThrow(RangeError);
  });

  it('survives a restart: the persisted state keeps the timer, and time away counts as a pause', () => {
    const t = new BreakTimeline();
    t.expose(10 * MINUTE);
    const saved = JSON.parse(JSON.stringify(t.state)) as unknown;
    const restored = BreakStateSchema.parse(saved);
    const soon = stepBreaks(restored, exposure(0, true), t.nowMs + 20 * SECOND, t.cfg);
    expect(soon.records).toEqual([]);
    expect(soon.view.exposureSecondsUntilDue).toBe(5 * 60);
    const later = stepBreaks(restored, exposure(0, true), t.nowMs + 20 * MINUTE, t.cfg);
    expect(later.records.map((r) => (r.type === 'break' ? `${r.kind}:${r.event}` : r.type))).toEqual(['micro:natural', 'rest:natural']);
  });

  it('writes only records the ledger schema accepts, in time order', () => {
    const t = new BreakTimeline(config({ strictMode: true }));
    const startedAt: number[] = [];
    workWithBoundaries(t, 2 * HOUR, startedAt);
    t.exposeUntil(isDue, HOUR);
    t.act({ type: 'strict-override', reason: 'court deadline' });
    t.pause(HOUR);
    expect(t.records.length).toBeGreaterThan(10);
    for (const record of t.records) expect(BreakLedgerRecordSchema.safeParse(record).success).toBe(true);
    const times = t.records.map((r) => r.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
