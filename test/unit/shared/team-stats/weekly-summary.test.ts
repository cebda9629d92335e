import { describe, expect, it } from 'vitest';
import { parseWeeklySummary, roundToQuarterHourMin } from '../../../../shared/team-stats/weekly-summary.js';
import { summary } from './summary-fixtures.js';

const MINUTE = 60_000;

/** The file as text, a field replaced by raw JSON (so NaN-like strings and huge numbers stay as written). */
function fileWith(field: string, rawJson: string): string {
  const text = JSON.stringify(summary());
  return text.replace(new RegExp(`"${field}":[^,}]*`), `"${field}":${rawJson}`);
}

function rejected(text: string): { code: string; detail: string } {
  const result = parseWeeklySummary(JSON.parse(text));
  if (result.ok) throw new Error(`accepted: ${text}`);
  return { code: result.code, detail: result.detail };
}

describe('parseWeeklySummary', () => {
  it('accepts a valid summary and returns exactly its fields', () => {
    const result = parseWeeklySummary(JSON.parse(JSON.stringify(summary())));
    expect(result).toEqual({ ok: true, summary: summary() });
  });

  it.each([
    ['negative', 'exposureMin', '-15', 'The field "exposureMin" must be at least 0.'],
    ['fractional', 'exposureMin', '15.5', 'The field "exposureMin" must be a whole number.'],
    ['not a multiple of 15', 'unfilteredMin', '20', 'The field "unfilteredMin" must be a multiple of 15.'],
    ['more than a week', 'exposureMin', '10095', 'The field "exposureMin" must be at most 10080.'],
    ['a huge number', 'reveals', '1e308', 'The field "reveals" must be at most 100000.'],
    ['a count above the maximum', 'breaksDue', '100001', 'The field "breaksDue" must be at most 100000.'],
    ['a NaN-like string', 'reveals', '"NaN"', 'The field "reveals" must be a number.'],
    ['an Infinity-like string', 'exposureMin', '"Infinity"', 'The field "exposureMin" must be a number.'],
    ['a number as text', 'capsReached', '"3"', 'The field "capsReached" must be a number.'],
    ['null', 'breaksTaken', 'null', 'The field "breaksTaken" must be a number.'],
    ['a string for a boolean', 'capSet', '"yes"', 'The field "capSet" must be true or false.'],
    [
      'a week that does not exist',
      'week',
      '"2021-W53"',
      'The field "week" must be an ISO week that exists (week 53 only in years that have one, years 1970 to 9999).',
    ],
    ['a date for a week', 'week', '"2026-02-09"', 'The field "week" must be an ISO week such as "2026-W07".'],
    ['an uppercase key', 'key', `"${'A'.repeat(64)}"`, 'The field "key" must be 64 lowercase hexadecimal characters.'],
    ['a short key', 'key', '"abc"', 'The field "key" must be 64 lowercase hexadecimal characters.'],
  ])('refuses %s with a sentence naming the field', (_name, field, raw, detail) => {
    expect(rejected(fileWith(field, raw))).toEqual({ code: 'invalid-field', detail });
  });

  it('refuses a part of exposure larger than the exposure', () => {
    const text = JSON.stringify(summary({ exposureMin: 60, unfilteredMin: 75 }));
    expect(rejected(text)).toEqual({ code: 'invalid-field', detail: 'The field "unfilteredMin" cannot be larger than exposureMin, of which it is a part.' });
    expect(rejected(JSON.stringify(summary({ exposureMin: 0, unfilteredMin: 0, audioMin: 0, afterHoursMin: 15 }))).detail).toContain('"afterHoursMin"');
    expect(rejected(JSON.stringify(summary({ exposureMin: 0, unfilteredMin: 0, audioMin: 15, afterHoursMin: 0 }))).detail).toContain('"audioMin"');
  });

  it('names a missing field', () => {
    const { reveals: _gone, ...rest } = summary();
    expect(rejected(JSON.stringify(rest))).toEqual({ code: 'invalid-field', detail: 'The field "reveals" is missing.' });
  });

  it('refuses any extra field, naming it', () => {
    expect(rejected(JSON.stringify({ ...summary(), userName: 'Fake Person' }))).toEqual({
      code: 'invalid-field',
      detail: 'The field "userName" is not part of a weekly summary; nothing but the documented fields may be shared.',
    });
    expect(rejected(JSON.stringify({ ...summary(), exportedAt: '2026-02-16T09:00:00Z', host: 'x' })).detail).toContain('(and 1 more)');
  });

  it('does not echo a hostile field name into the message', () => {
    const { detail } = rejected(JSON.stringify({ ...summary(), ['\u001b[31mrm -rf /' + 'x'.repeat(100)]: 1 }));
    expect(detail).toBe('The field with an unusual name is not part of a weekly summary; nothing but the documented fields may be shared.');
  });

  it('refuses a wrong format or version before anything else', () => {
    expect(rejected(fileWith('format', '"veil.weekly-summary-x"')).code).toBe('wrong-format');
    expect(rejected(JSON.stringify({ ...summary(), format: undefined })).code).toBe('wrong-format');
    expect(rejected(fileWith('version', '2'))).toEqual({ code: 'wrong-version', detail: 'The summary has version 2; this Veil reads version 1 only.' });
    expect(rejected(fileWith('version', '"1"'))).toEqual({
      code: 'wrong-version',
      detail: 'The summary has no readable version; this Veil reads version 1 only.',
    });
  });

  it('refuses what is not an object', () => {
    for (const text of ['[]', '"summary"', '42', 'null', 'true']) expect(rejected(text).code).toBe('not-an-object');
  });

  it.each([
    ['__proto__ at the top', `{"__proto__":{"polluted":true},${JSON.stringify(summary()).slice(1)}`],
    ['__proto__ nested', fileWith('reveals', '{"__proto__":{"polluted":true}}')],
    ['constructor', `{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(summary()).slice(1)}`],
    ['prototype inside an array', fileWith('breaksDue', '[1,{"prototype":1}]')],
  ])('refuses %s and leaves Object.prototype alone', (_name, text) => {
    const value: unknown = JSON.parse(text);
    const result = rejected(text);
    expect(result.code).toBe('forbidden-key');
    expect(result.detail).toMatch(/^The file has a field named "(__proto__|constructor|prototype)", which is never allowed/);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // JSON.parse made __proto__ an own key, which is exactly what the check looks for.
    if (text.startsWith('{"__proto__"')) expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
  });

  it('refuses a hostile nesting without overflowing the stack', () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const result = rejected(fileWith('reveals', deep));
    expect(result).toEqual({ code: 'forbidden-key', detail: 'The file nests objects deeper than a weekly summary ever does.' });
  });
});

describe('roundToQuarterHourMin', () => {
  it('rounds to the nearest quarter hour, half way up', () => {
    expect(roundToQuarterHourMin(0)).toBe(0);
    expect(roundToQuarterHourMin(7.5 * MINUTE - 1)).toBe(0);
    expect(roundToQuarterHourMin(7.5 * MINUTE)).toBe(15);
    expect(roundToQuarterHourMin(22.5 * MINUTE - 1)).toBe(15);
    expect(roundToQuarterHourMin(22.5 * MINUTE)).toBe(30);
    expect(roundToQuarterHourMin(10 * 60 * MINUTE + 1)).toBe(600);
  });

  it('refuses a negative or non-finite duration', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => roundToQuarterHourMin(bad)).toThrow(RangeError);
  });
});
