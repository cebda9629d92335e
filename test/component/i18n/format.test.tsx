import { describe, expect, it } from 'vitest';
import { formatFigureDurationMs, isoDurationMs } from '../../../renderer/i18n/format';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

describe('formatFigureDurationMs', () => {
  it('writes hours and minutes, minutes and seconds, or seconds, the same way in both languages', () => {
    for (const locale of ['en-CA', 'fr-CA']) {
      expect(formatFigureDurationMs(5_100_000, locale)).toBe(nb('1 h 25 min'));
      expect(formatFigureDurationMs(7_200_000, locale)).toBe(nb('2 h'));
      expect(formatFigureDurationMs(65_400, locale)).toBe(nb('1 min 5 s'));
      expect(formatFigureDurationMs(120_000, locale)).toBe(nb('2 min'));
      expect(formatFigureDurationMs(44_600, locale)).toBe(nb('45 s'));
      expect(formatFigureDurationMs(0, locale)).toBe(nb('0 s'));
    }
  });

  it("groups large figures by the locale's rules and never goes negative", () => {
    expect(formatFigureDurationMs(1234 * 3_600_000, 'en-CA')).toBe(nb('1,234 h'));
    expect(formatFigureDurationMs(1234 * 3_600_000, 'fr-CA')).toBe(`1\u00a0234${nb(' h')}`);
    expect(formatFigureDurationMs(-5_000, 'en-CA')).toBe(nb('0 s'));
  });
});

describe('isoDurationMs', () => {
  it('gives an exact ISO 8601 duration in seconds for <time datetime>', () => {
    expect(isoDurationMs(5_100_000)).toBe('PT5100S');
    expect(isoDurationMs(65_123)).toBe('PT65.123S');
    expect(isoDurationMs(0)).toBe('PT0S');
  });
});
