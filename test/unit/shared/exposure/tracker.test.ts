import { describe, expect, it } from 'vitest';
import { initialTrackerState, stepTracker } from '../../../../shared/exposure/tracker.js';
import { LedgerRecordSchema, type ExposureRecord } from '../../../../shared/exposure/ledger-record.js';
import { totalsByDay } from '../../../../shared/exposure/totals.js';
import { HOUR, MINUTE, SECOND, T0, Timeline, report } from './timeline.js';
import { plainWellbeingCounts } from './wellbeing-reference.js';

const exposureOf = (t: Timeline): ExposureRecord[] => t.records.filter((r): r is ExposureRecord => r.type === 'exposure');

describe('tracker: what is counted', () => {
  it('counts an item kept open for a known time exactly', () => {
    const t = new Timeline();
    expect(t.show(0, { viewer: {} }).counting).toBe(true);
    t.activeBetween(30 * SECOND, 90 * SECOND);
    t.at(97_250, { type: 'shutdown' });
    expect(t.totals()).toEqual({
      exposureMs: 97_250,
      unfilteredMs: 0,
      audioMs: 0,
      gridOnlyMs: 0,
      reveals: 0,
      longestStretchMs: 97_250,
      byFilter: [{ greyscale: true, blur: 'strong', reveal: 'none', exposureMs: 97_250 }],
      wellbeing: plainWellbeingCounts([]),
    });
    expect(exposureOf(t)).toEqual([
      { v: 1, type: 'exposure', startMs: T0, endMs: T0 + 97_250, surface: 'viewer', greyscale: true, blur: 'strong', reveal: 'none', audio: false },
    ]);
    for (const record of t.records) expect(LedgerRecordSchema.safeParse(record).success).toBe(true);
  });

  it('counts nothing before anything is reported', () => {
    const t = new Timeline();
    t.activeBetween(0, 2 * MINUTE);
    t.at(3 * MINUTE, { type: 'tick' });
    t.at(4 * MINUTE, { type: 'shutdown' });
    expect(t.records).toEqual([]);
    expect(t.state.open).toBeNull();
  });

  it('counts a spotlight then a whole reveal as two reveals and their time as unfiltered', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    t.show(10 * SECOND, { viewer: { reveal: 'spotlight' } });
    t.show(14 * SECOND, { viewer: { reveal: 'spotlight' } }); // the spotlight moved: same reveal
    t.show(16 * SECOND, { viewer: { reveal: 'whole' } }); // held into a whole reveal: a new one
    t.show(21 * SECOND, { viewer: {} });
    t.show(40 * SECOND, { viewer: { reveal: 'whole' } });
    t.show(45 * SECOND, { viewer: {} });
    t.at(60 * SECOND, { type: 'shutdown' });
    const totals = t.totals();
    expect(totals.exposureMs).toBe(60 * SECOND);
    expect(totals.unfilteredMs).toBe(6 * SECOND + 5 * SECOND + 5 * SECOND);
    expect(totals.reveals).toBe(3);
    expect(t.records.filter((r) => r.type === 'reveal')).toEqual([
      { v: 1, type: 'reveal', atMs: T0 + 10 * SECOND, mode: 'spotlight' },
      { v: 1, type: 'reveal', atMs: T0 + 16 * SECOND, mode: 'whole' },
      { v: 1, type: 'reveal', atMs: T0 + 40 * SECOND, mode: 'whole' },
    ]);
    expect(totals.byFilter).toEqual([
      { greyscale: true, blur: 'strong', reveal: 'none', exposureMs: 44 * SECOND },
      { greyscale: true, blur: 'strong', reveal: 'whole', exposureMs: 10 * SECOND },
      { greyscale: true, blur: 'strong', reveal: 'spotlight', exposureMs: 6 * SECOND },
    ]);
  });

  it('counts a profile set to off, or colour, as unfiltered without any reveal', () => {
    const t = new Timeline();
    t.show(0, { viewer: { blur: 'off' } });
    t.show(10 * SECOND, { viewer: { greyscale: false, blur: 'medium' } });
    t.show(25 * SECOND, { viewer: { blur: 'light' } });
    t.at(30 * SECOND, { type: 'shutdown' });
    expect(t.totals()).toMatchObject({ exposureMs: 30 * SECOND, unfilteredMs: 25 * SECOND, reveals: 0 });
  });

  it('labels time with only grid thumbnails on screen as grid-only', () => {
    const t = new Timeline();
    t.show(0, { grid: {} });
    t.show(30 * SECOND, { grid: {}, viewer: {} });
    t.show(50 * SECOND, { grid: {}, storyboard: {} });
    t.show(70 * SECOND, { grid: {} });
    t.at(80 * SECOND, { type: 'shutdown' });
    expect(t.totals()).toMatchObject({ exposureMs: 80 * SECOND, gridOnlyMs: 40 * SECOND });
    expect(exposureOf(t).map((r) => [r.endMs - r.startMs, r.surface])).toEqual([
      [30 * SECOND, 'grid'],
      [40 * SECOND, 'viewer'],
      [10 * SECOND, 'grid'],
    ]);
  });

  it('stops counting on Hide all (a report with no surfaces) and resumes when media shows again', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    const hidden = t.show(20 * SECOND, {});
    expect(hidden.counting).toBe(false);
    expect(hidden.records).toEqual([expect.objectContaining({ startMs: T0, endMs: T0 + 20 * SECOND })]);
    t.at(35 * SECOND, { type: 'tick' });
    expect(t.show(40 * SECOND, { viewer: {} }).counting).toBe(true);
    t.at(55 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(35 * SECOND);
  });

  it('stops counting while the page is not visible', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    t.show(10 * SECOND, { viewer: {} }, { pageVisible: false });
    t.show(30 * SECOND, { viewer: {} });
    t.at(40 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(20 * SECOND);
  });

  it('stops counting while the window is minimised and resumes when it is restored', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    expect(t.at(10 * SECOND, { type: 'window', shown: false }).counting).toBe(false);
    t.at(40 * SECOND, { type: 'activity' });
    expect(t.at(70 * SECOND, { type: 'window', shown: true }).counting).toBe(true);
    t.at(100 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(40 * SECOND);
  });

  it('stops counting while the screen is locked, writing the record at the lock', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    const locked = t.at(10 * SECOND, { type: 'power', state: 'locked' });
    expect(locked.records).toEqual([expect.objectContaining({ startMs: T0, endMs: T0 + 10 * SECOND })]);
    t.at(11 * MINUTE, { type: 'power', state: 'unlocked' });
    t.at(11 * MINUTE, { type: 'activity' });
    t.at(12 * MINUTE, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(10 * SECOND + MINUTE);
  });

  it('stops counting while the system is suspended', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    t.at(10 * SECOND, { type: 'power', state: 'suspended' });
    t.at(2 * HOUR, { type: 'power', state: 'resumed' });
    // Back at the keyboard: presence is input, not the resume itself.
    t.at(2 * HOUR + 5 * SECOND, { type: 'activity' });
    t.at(2 * HOUR + 65 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(10 * SECOND + MINUTE);
  });

  it('needs every condition: unlocking while minimised does not count', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    t.at(1 * SECOND, { type: 'window', shown: false });
    t.at(2 * SECOND, { type: 'power', state: 'locked' });
    t.at(3 * SECOND, { type: 'power', state: 'unlocked' });
    expect(t.at(4 * SECOND, { type: 'activity' }).counting).toBe(false);
    t.at(5 * SECOND, { type: 'window', shown: true });
    t.at(6 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(2 * SECOND);
  });
});

describe('tracker: idleness', () => {
  it('counts only until idleness began, when ticks keep coming', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    t.at(60 * SECOND, { type: 'activity' });
    let stoppedAt: number | null = null;
    for (let s = 61; s <= 400; s += 1) {
      const step = t.at(s * SECOND, { type: 'tick' });
      if (!step.counting && stoppedAt === null) stoppedAt = s * SECOND;
    }
    expect(stoppedAt).toBe(360 * SECOND);
    expect(t.totals().exposureMs).toBe(360 * SECOND);
  });

  it('counts only until idleness began, even when the tick arrives much later', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    t.at(60 * SECOND, { type: 'activity' });
    const late = t.at(3 * HOUR, { type: 'tick' });
    expect(late.records).toEqual([expect.objectContaining({ startMs: T0, endMs: T0 + 6 * MINUTE })]);
    expect(late.counting).toBe(false);
    // Input ends idleness: counting resumes from that moment, not from when idleness began.
    expect(t.at(3 * HOUR + 10 * SECOND, { type: 'activity' }).counting).toBe(true);
    t.at(3 * HOUR + 70 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(6 * MINUTE + MINUTE);
  });

  it('closes at the start of idleness when the event noticing it is a report', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    t.show(20 * MINUTE, { viewer: { reveal: 'none', blur: 'light' } });
    t.at(21 * MINUTE, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(5 * MINUTE);
  });

  it('uses the idle setting it is given', () => {
    const t = new Timeline(T0, { idleAfterMs: 2 * MINUTE });
    t.show(0, { viewer: {} });
    t.at(30 * MINUTE, { type: 'tick' });
    t.at(31 * MINUTE, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(2 * MINUTE);
  });

  it('keeps counting a playing video watched without any input', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} }, { video: { playing: true, audible: false } });
    for (let s = 1; s <= 20 * 60; s += 1) expect(t.at(s * SECOND, { type: 'tick' }).counting).toBe(true);
    // The video ends: the viewer is still there for the idle time, then the count stops.
    t.show(20 * MINUTE, { viewer: {} }, { video: { playing: false, audible: false } });
    t.at(40 * MINUTE, { type: 'tick' });
    t.at(41 * MINUTE, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(25 * MINUTE);
  });

  it('counts audio time exactly when a video is muted, then unmuted, then muted again', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} }, { video: { playing: true, audible: false } });
    t.show(30 * SECOND, { viewer: {} }, { video: { playing: true, audible: true } });
    t.show(50 * SECOND, { viewer: {} }, { video: { playing: true, audible: false } });
    t.show(55 * SECOND, { viewer: {} }, { video: { playing: false, audible: true } });
    t.at(60 * SECOND, { type: 'shutdown' });
    expect(t.totals()).toMatchObject({ exposureMs: 60 * SECOND, audioMs: 20 * SECOND });
  });

  it('counts no audio while media is hidden, even if the renderer says the video is audible', () => {
    const t = new Timeline();
    t.show(0, {}, { video: { playing: true, audible: true } });
    t.show(10 * SECOND, { grid: {} }, { video: { playing: true, audible: true } });
    t.at(20 * SECOND, { type: 'shutdown' });
    expect(t.totals()).toMatchObject({ exposureMs: 10 * SECOND, audioMs: 0, gridOnlyMs: 10 * SECOND });
  });
});

describe('tracker: flushes and shutdown', () => {
  it('splits records at each flush without changing the totals', () => {
    // The same session twice: once flushed every 10 s, once with input at those moments instead.
    const session = (every10s: 'flush' | 'activity'): Timeline => {
      const t = new Timeline();
      t.show(0, { viewer: {} });
      t.at(10 * SECOND, { type: every10s });
      t.at(20 * SECOND, { type: every10s });
      t.show(25 * SECOND, { viewer: { reveal: 'whole' } });
      t.at(30 * SECOND, { type: every10s });
      t.show(31 * SECOND, { viewer: {} });
      for (let s = 40; s <= 120; s += 10) t.at(s * SECOND, { type: every10s });
      t.at(125 * SECOND, { type: 'shutdown' });
      return t;
    };
    const flushed = session('flush');
    const plain = session('activity');
    expect(flushed.totals()).toEqual(plain.totals());
    expect(flushed.totals()).toMatchObject({ exposureMs: 125 * SECOND, unfilteredMs: 6 * SECOND, reveals: 1, longestStretchMs: 125 * SECOND });
    // Boundaries at 0, 10, 20, 25, 30, 31, 40, 50, …, 120, 125.
    expect(exposureOf(flushed)).toHaveLength(15);
    expect(exposureOf(plain)).toHaveLength(3);
    // A flush writes what was open so far and reopens the same class at once.
    const flush = flushed.steps[1];
    expect(flush?.records).toEqual([expect.objectContaining({ startMs: T0, endMs: T0 + 10 * SECOND })]);
    expect(flush?.state.open).toEqual({ startMs: T0 + 10 * SECOND, exposure: expect.objectContaining({ surface: 'viewer' }) });
  });

  it('writes nothing for a flush in the same millisecond a record opened', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    const flush = t.at(0, { type: 'flush' });
    expect(flush.records).toEqual([]);
    expect(flush.counting).toBe(true);
  });

  it('closes the open record on shutdown and refuses everything after', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    const end = t.at(5 * SECOND, { type: 'shutdown' });
    expect(end.counting).toBe(false);
    expect(end.records).toHaveLength(1);
    const after = t.show(6 * SECOND, { viewer: {} });
    expect(after.rejected).toBe('after-shutdown');
    expect(after.state).toBe(end.state);
  });
});

describe('tracker and local days', () => {
  it('splits a session across midnight between the days, and one across a DST change gains nothing', () => {
    for (const [startMs, expected] of [
      // 23:50 on Tue 14 May 2024 in Toronto, for 20 minutes.
      [Date.UTC(2024, 4, 15, 3, 50), { '2024-05-14': 10 * MINUTE, '2024-05-15': 10 * MINUTE }],
      // 01:50 EST on 10 March 2024 to 03:10 EDT: the wall clock moves 1 h 20 min, the session lasts 20 min.
      [Date.UTC(2024, 2, 10, 6, 50), { '2024-03-10': 20 * MINUTE }],
      // 01:50 EDT on 3 November 2024 to 01:10 EST: the wall clock goes back, the session still lasts 20 min.
      [Date.UTC(2024, 10, 3, 5, 50), { '2024-11-03': 20 * MINUTE }],
    ] as const) {
      const t = new Timeline(startMs);
      t.show(0, { viewer: {} }, { video: { playing: true, audible: false } });
      for (let s = 10; s < 20 * 60; s += 10) t.at(s * SECOND, { type: 'flush' });
      t.at(20 * MINUTE, { type: 'shutdown' });
      const days = Object.fromEntries([...totalsByDay(t.records, 'America/Toronto')].map(([day, totals]) => [day, totals.exposureMs]));
      expect(days).toEqual(expected);
    }
  });
});

describe('tracker: refusals', () => {
  it('refuses a stale report and changes nothing', () => {
    const t = new Timeline();
    t.at(0, { type: 'visibility', report: report(5, { viewer: {} }) });
    const before = t.state;
    for (const seq of [5, 4, 0]) {
      const stale = t.at(10 * SECOND, { type: 'visibility', report: report(seq, { viewer: { reveal: 'whole' } }) });
      expect(stale).toEqual({ state: before, records: [], rejected: 'stale-report', counting: true });
      expect(stale.state).toBe(before);
    }
    t.at(20 * SECOND, { type: 'visibility', report: report(6, {}) });
    expect(t.totals()).toMatchObject({ exposureMs: 20 * SECOND, unfilteredMs: 0, reveals: 0 });
  });

  it('refuses an event from before the last accepted one and changes nothing', () => {
    const t = new Timeline();
    t.show(0, { viewer: {} });
    t.at(30 * SECOND, { type: 'activity' });
    const before = t.state;
    const late = t.at(20 * SECOND, { type: 'window', shown: false });
    expect(late).toEqual({ state: before, records: [], rejected: 'out-of-order', counting: true });
    expect(t.at(29 * SECOND, { type: 'shutdown' }).rejected).toBe('out-of-order');
    // The same instant as the last event is not out of order.
    expect(t.at(30 * SECOND, { type: 'tick' }).rejected).toBeNull();
    t.at(40 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(40 * SECOND);
  });

  it('refuses times that are not times', () => {
    const state = initialTrackerState(T0);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 60]) {
      expect(stepTracker(state, { type: 'tick' }, bad, { idleAfterMs: MINUTE }).rejected).toBe('invalid-time');
    }
  });

  it('cannot start from a time that is not a time', () => {
    expect(() => initialTrackerState(Number.NaN)).toThrow(RangeError);
    expect(() => initialTrackerState(-5)).toThrow(RangeError);
  });

  it('keeps whole milliseconds from a fractional monotonic clock', () => {
    let state = initialTrackerState(T0 + 0.75);
    expect(state.startedAtMs).toBe(T0);
    state = stepTracker(state, { type: 'visibility', report: report(1, { viewer: {} }) }, T0 + 100.9, { idleAfterMs: MINUTE }).state;
    const end = stepTracker(state, { type: 'shutdown' }, T0 + 1_000.2, { idleAfterMs: 59_999.5 });
    expect(end.records).toEqual([expect.objectContaining({ startMs: T0 + 100, endMs: T0 + 1_000 })]);
  });
});

describe('tracker state', () => {
  it('is plain data that survives JSON and holds no item or case ids', () => {
    const t = new Timeline();
    t.show(0, { viewer: { reveal: 'spotlight' }, grid: {} }, { video: { playing: true, audible: true } });
    t.at(5 * SECOND, { type: 'power', state: 'locked' });
    const json = JSON.stringify(t.state);
    expect(JSON.parse(json)).toEqual(t.state);
    expect(json).not.toMatch(/item-0001|case-0001/);
  });

  it('resumes from a state restored from JSON exactly as from the original', () => {
    const a = new Timeline();
    a.show(0, { viewer: {} });
    a.at(10 * SECOND, { type: 'activity' });
    const restored = JSON.parse(JSON.stringify(a.state)) as typeof a.state;
    const config = { idleAfterMs: 5 * MINUTE };
    expect(stepTracker(restored, { type: 'tick' }, T0 + 20 * MINUTE, config)).toEqual(stepTracker(a.state, { type: 'tick' }, T0 + 20 * MINUTE, config));
  });
});

describe('tracker: a frozen process', () => {
  it('does not count a sleep nobody announced, even with a video playing', () => {
    const t = new Timeline(T0, { idleAfterMs: 5 * MINUTE, maxSilenceMs: 30 * SECOND });
    t.show(0, { viewer: {} }, { video: { playing: true, audible: false } });
    for (let s = 1; s <= 10; s++) t.at(s * SECOND, { type: 'tick' });
    // The machine sleeps for eight hours; the next tick comes after it wakes.
    t.at(10 * SECOND + 8 * HOUR, { type: 'tick' });
    t.at(10 * SECOND + 8 * HOUR + 5 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(10 * SECOND + 5 * SECOND);
  });

  it('trusts ordinary gaps between ticks', () => {
    const t = new Timeline(T0, { idleAfterMs: 5 * MINUTE, maxSilenceMs: 30 * SECOND });
    t.show(0, { viewer: {} });
    t.at(20 * SECOND, { type: 'tick' });
    t.at(40 * SECOND, { type: 'shutdown' });
    expect(t.totals().exposureMs).toBe(40 * SECOND);
  });
});
