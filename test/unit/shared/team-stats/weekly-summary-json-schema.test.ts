import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildWeeklySummary } from '../../../../shared/team-stats/build-weekly-summary.js';
import { WeeklySummarySchema } from '../../../../shared/team-stats/weekly-summary.js';
import { ledgerArb } from '../exposure/records-arb.js';
import { T0 } from '../exposure/timeline.js';
import { keyOf, summary } from './summary-fixtures.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SCHEMA_FILE = path.join(repoRoot, 'docs/team-stats/weekly-summary.v1.schema.json');

/** The published schema as the file should hold it: generated from the zod schema, two-space JSON, final newline. */
function generated(): string {
  return `${JSON.stringify(z.toJSONSchema(WeeklySummarySchema), null, 2)}\n`;
}

describe('the published JSON Schema of the weekly summary', () => {
  // Run with VEIL_UPDATE_SCHEMA=1 to rewrite the file after changing WeeklySummarySchema (then review the diff).
  if (process.env.VEIL_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated());

  it('is exactly what WeeklySummarySchema generates (VEIL_UPDATE_SCHEMA=1 regenerates it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated());
  });

  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

  it('accepts every summary Veil builds', () => {
    fc.assert(
      fc.property(ledgerArb(T0 - 3 * 24 * 3_600_000, 40), fc.boolean(), (records, capSet) => {
        const built = buildWeeklySummary(records, { isoWeek: '2024-W20', timeZone: 'America/Toronto', keyHex: keyOf(7), capSet });
        expect(validate(JSON.parse(JSON.stringify(built))), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    ['an extra field', { ...summary(), userName: 'x' }],
    ['a wrong format', { ...summary(), format: 'other' }],
    ['a wrong version', { ...summary(), version: 2 }],
    ['minutes not a multiple of 15', { ...summary(), exposureMin: 20 }],
    ['more minutes than a week', { ...summary(), exposureMin: 10_095 }],
    ['a negative count', { ...summary(), reveals: -1 }],
    ['a fractional count', { ...summary(), reveals: 1.5 }],
    ['a malformed week', { ...summary(), week: '2026-7' }],
    ['an uppercase key', { ...summary(), key: 'A'.repeat(64) }],
    ['a missing field', (({ capSet: _gone, ...rest }) => rest)(summary())],
  ])('refuses %s, as zod does', (_name, value) => {
    expect(validate(value)).toBe(false);
    expect(WeeklySummarySchema.safeParse(value).success).toBe(false);
  });
});
