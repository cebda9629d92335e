import { describe, expect, it } from 'vitest';
import { BreakTimeline, HOUR, MINUTE, SECOND, T0, config, exposure } from './break-timeline.js';

const isDue = (step: { view: { phase: string } }): boolean => step.view.phase === 'due';

describe('breaks: natural breaks', () => {
  it('counts a pause as long as a micro-break as one, once, and keeps the rest counter', () => {
    const t = new BreakTimeline();
    t.expose(10 * MINUTE);
    t.pause(29 * SECOND);
    expect(t.records).toEqual([]);
    t.pause(SECOND);
    expect(t.records).toEqual([{ v: 1, type: 'break', atMs: T0 + 10 * MINUTE + 30 * SECOND, kind: 'micro', event: 'natural' }]);
    t.pause(5 * MINUTE);
    expect(t.records).toHaveLength(1);
    expect(t.state.micro.exposureMs).toBe(0);
    expect(t.state.rest.exposureMs).toBe(10 * MINUTE);
    t.exposeUntil(isDue, HOUR);
    expect(t.times('micro:due')).toEqual([10 * MINUTE + 5 * MINUTE + 30 * SECOND + 15 * MINUTE]);
  });

  it('does not reset on a pause 1 s shorter than the micro-break', () => {
    const t = new BreakTimeline();
    t.expose(10 * MINUTE);
    t.pause(29 * SECOND);
    t.exposeUntil(isDue, HOUR);
    expect(t.labels).toEqual(['micro:due']);
    expect(t.times('micro:due')).toEqual([15 * MINUTE + 29 * SECOND]);
  });

  it('counts a pause as long as a rest break as both breaks', () => {
    const t = new BreakTimeline();
    t.expose(40 * MINUTE, 10 * SECOND); // micro-breaks due, then started by the grace, along the way
    const from = t.records.length;
    const lastExposureMs = t.nowMs - T0;
    t.pause(10 * MINUTE);
    expect(t.labelsFrom(from)).toEqual(['micro:natural', 'rest:natural']);
    expect(t.times('micro:natural')).toEqual([lastExposureMs + 30 * SECOND]);
    expect(t.times('rest:natural')).toEqual([lastExposureMs + 10 * MINUTE]);
    expect(t.state.micro.exposureMs).toBe(0);
    expect(t.state.rest.exposureMs).toBe(0);
    expect(t.view).toMatchObject({ phase: 'working', kind: 'micro', exposureSecondsUntilDue: 15 * 60 });
  });

  it('satisfies a due break with a natural pause: no break screen afterwards', () => {
    const t = new BreakTimeline();
    t.exposeUntil(isDue, HOUR);
    t.pause(30 * SECOND);
    expect(t.labels).toEqual(['micro:due', 'micro:natural']);
    expect(t.view.phase).toBe('working');
    expect(t.state.dueKind).toBeNull();
    t.expose(5 * MINUTE);
    expect(t.labels).toEqual(['micro:due', 'micro:natural']);
  });

  it('writes nothing for pauses when nothing was counted', () => {
    const t = new BreakTimeline();
    t.pause(3 * HOUR, 30 * SECOND);
    expect(t.records).toEqual([]);
  });

  it('places the exposure of a step that stopped counting at its start, so the pause begins there', () => {
    const t = new BreakTimeline();
    t.expose(5 * MINUTE);
    // This step counted 1 s of its 10 s and is no longer counting: exposure ended 1 s in.
    t.after(10 * SECOND, exposure(SECOND, false));
    expect(t.state.lastExposureEndMs).toBe(T0 + 5 * MINUTE + SECOND);
    t.pause(21 * SECOND);
    expect(t.times('micro:natural')).toEqual([5 * MINUTE + 31 * SECOND]);
  });

  it('takes a step that begins counting with no time yet as exposure from now', () => {
    const t = new BreakTimeline();
    t.expose(5 * MINUTE);
    t.pause(20 * SECOND);
    t.after(SECOND, exposure(0, true));
    expect(t.state.lastExposureEndMs).toBe(t.nowMs);
    t.pause(20 * SECOND);
    expect(t.records).toEqual([]);
  });
});

describe('breaks: working hours', () => {
  /** Tuesday 15:58 in Toronto. */
  const TUE_1558 = T0 + 6 * HOUR + 58 * MINUTE;

  it('warns once per stretch of exposure after hours, gently, from its start', () => {
    const t = new BreakTimeline(config(), TUE_1558);
    t.expose(MINUTE + 59 * SECOND);
    expect(t.view.afterHours).toBe(false);
    t.expose(SECOND);
    expect(t.records).toEqual([{ v: 1, type: 'after-hours', atMs: T0 + 7 * HOUR }]);
    expect(t.view.afterHours).toBe(true);
    t.expose(10 * MINUTE);
    t.pause(9 * MINUTE);
    t.expose(MINUTE);
    expect(t.times('after-hours')).toEqual([2 * MINUTE]);
    expect(t.view.afterHours).toBe(true);
  });

  it('starts a new stretch after a pause as long as a rest break', () => {
    const t = new BreakTimeline(config(), TUE_1558 + 2 * MINUTE);
    t.expose(MINUTE);
    t.pause(10 * MINUTE);
    expect(t.view.afterHours).toBe(false);
    t.expose(MINUTE);
    expect(t.times('after-hours')).toEqual([SECOND, 11 * MINUTE + SECOND]);
  });

  it('ends the stretch when exposure is back inside working hours', () => {
    // Wednesday 07:55 in Toronto: five minutes before the working day.
    const t = new BreakTimeline(config(), T0 + 22 * HOUR + 55 * MINUTE);
    t.expose(4 * MINUTE + 59 * SECOND);
    expect(t.view.afterHours).toBe(true);
    t.expose(SECOND);
    expect(t.view.afterHours).toBe(false);
    expect(t.times('after-hours')).toEqual([SECOND]);
  });

  it('treats exposure on a day without hours (Saturday) as after hours, and never warns without working hours', () => {
    const saturday = Date.UTC(2024, 4, 18, 14, 0, 0);
    const t = new BreakTimeline(config(), saturday);
    t.expose(SECOND);
    expect(t.labels).toEqual(['after-hours']);
    const off = new BreakTimeline(config({ workingHours: null }), saturday);
    off.expose(30 * MINUTE, 10 * SECOND);
    expect(off.labels).not.toContain('after-hours');
    expect(off.view.afterHours).toBe(false);
  });

  it('follows a night shift across midnight', () => {
    const night = { start: '22:00', end: '06:00' } as const;
    const cfg = config({ workingHours: { mon: night, tue: night, wed: night, thu: night, fri: night, sat: null, sun: null } });
    // Wednesday 02:00 in Toronto is inside Tuesday night's shift; Wednesday 09:00 is not.
    const small = new BreakTimeline(cfg, T0 + 17 * HOUR);
    small.expose(MINUTE);
    expect(small.view.afterHours).toBe(false);
    const morning = new BreakTimeline(cfg, T0 + 24 * HOUR);
    morning.expose(SECOND);
    expect(morning.labels).toEqual(['after-hours']);
  });

  it('re-reads the hours in a new time zone without touching the break counters', () => {
    // Tuesday 15:30 in Toronto is 21:30 in Paris.
    const start = T0 + 6 * HOUR + 30 * MINUTE;
    const toronto = new BreakTimeline(config(), start);
    const paris = new BreakTimeline(config({}, 'Europe/Paris'), start);
    for (const t of [toronto, paris]) t.expose(20 * MINUTE, 5 * SECOND);
    expect(toronto.labels).not.toContain('after-hours');
    expect(paris.times('after-hours')).toEqual([5 * SECOND]);
    const { afterHoursSinceMs: _a, ...torontoRest } = toronto.state;
    const { afterHoursSinceMs: _b, ...parisRest } = paris.state;
    expect(parisRest).toEqual(torontoRest);
    expect(paris.labels.filter((l) => l !== 'after-hours')).toEqual(toronto.labels);

    // Moving to Paris mid-stretch: the next exposure is judged there.
    toronto.cfg = config({}, 'Europe/Paris');
    toronto.expose(SECOND);
    expect(toronto.view.afterHours).toBe(true);
  });

  it('gives no warning, and keeps scheduling breaks, in a time zone it does not know', () => {
    const t = new BreakTimeline(config({}, 'Mars/Olympus_Mons'), Date.UTC(2024, 4, 18, 14, 0, 0));
    t.exposeUntil(isDue, HOUR);
    expect(t.labels).toEqual(['micro:due']);
    expect(t.view.afterHours).toBe(false);
  });
});
