import { describe, expect, it } from 'vitest';
import { pushWhenShownChanges } from '../../../../shared/wellbeing/shown-wellbeing.js';
import type { WellbeingView } from '../../../../shared/wellbeing/wellbeing-view.js';
import { capView, limitsView, onBreak, workingBreaks } from '../../../component/fakes/fake-wellbeing.js';

function counting(second: number, change: Partial<ReturnType<typeof capView>> = {}): WellbeingView {
  const cap = capView('exposure', 'day', {
    usedMs: second * 1000,
    capMs: 3_600_000,
    baseCapMs: 3_600_000,
    fraction: second / 3600,
    remainingMs: 3_600_000 - second * 1000,
    nextThresholdPct: 80,
    ...change,
  });
  return { breaks: workingBreaks({ exposureSecondsUntilDue: 600 - second }), limits: limitsView([cap]) };
}

describe('pushWhenShownChanges', () => {
  it('does not push the views of each counted second, only the first and those the UI draws differently', () => {
    const pushed: WellbeingView[] = [];
    const push = pushWhenShownChanges((view) => pushed.push(view));
    for (let second = 1; second <= 10; second += 1) push(counting(second));
    expect(pushed).toEqual([counting(1)]);
    push(counting(11, { warningPct: 80, nextThresholdPct: null }));
    push(counting(12, { warningPct: 80, nextThresholdPct: null }));
    expect(pushed).toHaveLength(2);
    expect(pushed[1]?.limits.caps.exposure.day.warningPct).toBe(80);
  });

  it('pushes every second of a running break’s countdown and every phase change', () => {
    const pushed: WellbeingView[] = [];
    const push = pushWhenShownChanges((view) => pushed.push(view));
    push({ breaks: workingBreaks({ phase: 'warning', kind: 'micro' }), limits: limitsView() });
    push({ breaks: onBreak(30), limits: limitsView() });
    push({ breaks: onBreak(29), limits: limitsView() });
    push({ breaks: onBreak(29), limits: limitsView() });
    expect(pushed.map((view) => [view.breaks.phase, view.breaks.breakSecondsLeft])).toEqual([
      ['warning', null],
      ['on-break', 30],
      ['on-break', 29],
    ]);
  });

  it('pushes the time to the next break, a due break’s grace and an override’s extension once a minute, not every second', () => {
    const pushed: WellbeingView[] = [];
    const push = pushWhenShownChanges((view) => pushed.push(view));
    // Ten minutes of counted viewing, one view a second: the next break comes at 12 min.
    for (let second = 0; second < 600; second += 1) push({ breaks: workingBreaks({ exposureSecondsUntilDue: 720 - second }), limits: limitsView() });
    expect(pushed.map((view) => view.breaks.exposureSecondsUntilDue)).toEqual([720, 660, 600, 540, 480, 420, 360, 300, 240, 180]);

    pushed.length = 0;
    for (let second = 0; second < 120; second += 1)
      push({ breaks: workingBreaks({ phase: 'due', exposureSecondsUntilForcedStart: 120 - second }), limits: limitsView() });
    expect(pushed.map((view) => view.breaks.exposureSecondsUntilForcedStart)).toEqual([120, 60]);

    pushed.length = 0;
    const extension = (remainingMs: number) =>
      capView('exposure', 'day', { capMs: 900_000, remainingMs, overridden: true, overrides: 1, extensionMs: 900_000 });
    for (let second = 0; second < 180; second += 1)
      push({ breaks: workingBreaks({ phase: 'due', exposureSecondsUntilForcedStart: 60 }), limits: limitsView([extension(180_000 - second * 1000)]) });
    expect(pushed.map((view) => view.limits.caps.exposure.day.remainingMs)).toEqual([180_000, 120_000, 60_000]);
  });
});
