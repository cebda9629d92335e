import { describe, expect, it } from 'vitest';
import { breakView } from '../../../../shared/breaks/break-view.js';
import { initialBreakState, type BreakState } from '../../../../shared/breaks/break-state.js';
import { config } from './break-timeline.js';

const running: BreakState = { ...initialBreakState(0), onBreak: { kind: 'rest', startedAtMs: 0, endsAtMs: 600_000 } };

describe('breakView', () => {
  it('counts a running break down in whole seconds, rounded up, and never below 0', () => {
    expect(breakView(running, 0, config())).toMatchObject({ phase: 'on-break', kind: 'rest', breakSecondsLeft: 600, breakLengthSec: 600 });
    expect(breakView(running, 599_001, config()).breakSecondsLeft).toBe(1);
    expect(breakView(running, 700_000, config()).breakSecondsLeft).toBe(0);
  });

  it('offers end-early on a break, or the escape hatch instead in strict mode', () => {
    expect(breakView(running, 0, config())).toMatchObject({ canEndEarly: true, strictOverrideOffered: false, canSkip: false, canPostpone: false });
    expect(breakView(running, 0, config({ strictMode: true }))).toMatchObject({ canEndEarly: false, strictOverrideOffered: true });
  });

  it('shows the time to the next break in counted seconds, rounded up', () => {
    const s: BreakState = { ...initialBreakState(0), micro: { exposureMs: 1, extraMs: 0, postponesUsed: 0 } };
    expect(breakView(s, 0, config())).toMatchObject({
      phase: 'working',
      kind: 'micro',
      exposureSecondsUntilDue: 900,
      breakLengthSec: 30,
      exposureSecondsUntilForcedStart: null,
      breakSecondsLeft: null,
    });
  });

  it('shows the after-hours notice while a stretch is open', () => {
    expect(breakView({ ...initialBreakState(0), afterHoursSinceMs: 0 }, 0, config()).afterHours).toBe(true);
    expect(breakView(initialBreakState(0), 0, config()).afterHours).toBe(false);
  });
});
