/** Tick steps in minutes that read well as durations: seconds, minutes, then whole hours. */
const STEPS_MIN = [0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440];
const MAX_TICK_INTERVALS = 5;

/**
 * Y-axis ticks in minutes for bars up to `maxMin`: 0 and up to five equal steps of a
 * round duration (15 min, 30 min, 1 h, …), the last at or above the tallest bar, so
 * the axis reads "30 min, 1 h, 1 h 30 min" rather than "25 min, 50 min, 1 h 15 min".
 */
export function durationTicksMin(maxMin: number): number[] {
  const top = Number.isFinite(maxMin) && maxMin > 0 ? maxMin : 1;
  const step = STEPS_MIN.find((candidate) => top / candidate <= MAX_TICK_INTERVALS) ?? Math.ceil(top / MAX_TICK_INTERVALS / 1440) * 1440;
  const count = Math.ceil(top / step);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}
