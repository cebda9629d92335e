import { describe, expect, it } from 'vitest';
import { durationTicksMin } from '../../../../renderer/features/my-exposure/chart-ticks';

describe('durationTicksMin', () => {
  it('steps by round durations and ends at or above the tallest bar', () => {
    expect(durationTicksMin(85)).toEqual([0, 30, 60, 90]);
    expect(durationTicksMin(12)).toEqual([0, 5, 10, 15]);
    expect(durationTicksMin(600)).toEqual([0, 120, 240, 360, 480, 600]);
    expect(durationTicksMin(0.7)).toEqual([0, 0.25, 0.5, 0.75]);
  });

  it('has a usable axis when there is nothing to show', () => {
    expect(durationTicksMin(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(durationTicksMin(Number.NaN)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('never has more than five steps, even for very long weeks', () => {
    for (const max of [1, 7, 59, 61, 299, 1000, 5000, 20_000]) {
      const ticks = durationTicksMin(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    }
  });
});
