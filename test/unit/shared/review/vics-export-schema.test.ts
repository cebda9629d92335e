import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportRows } from '../../../../shared/review/export-rows.js';
import { VicsExportSchema, vicsChunks } from '../../../../shared/review/export-vics.js';
import { exportItem, knownMatch } from './export-fixture.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SCHEMA_FILE = path.join(repoRoot, 'docs/vics-export.schema.json');

function generated(): string {
  return `${JSON.stringify(z.toJSONSchema(VicsExportSchema), null, 2)}\n`;
}

/** A real export: decided, known, stacked and noted items, one with a path a spreadsheet would trip on. */
function anExport(): unknown {
  const items = [
    exportItem(1, { duplicatePaths: ['copies/1 (2).jpg'] }),
    exportItem(2, { match: knownMatch('1') }),
    exportItem(3, { relativePath: 'odd/=1+1, "quoted"\nname.jpg' }),
  ];
  const decided = new Map([
    ['folder/1.jpg', '4'],
    ['odd/=1+1, "quoted"\nname.jpg', '0'],
  ]);
  const { rows } = exportRows(items, decided, { id: 'vic-us' }, new Map([['folder/1.jpg', 'note « é »']]));
  return JSON.parse([...vicsChunks(rows, { id: 'vic-us' })].join(''));
}

describe('the published JSON Schema of the VICS export', () => {
  // Run with VEIL_UPDATE_SCHEMA=1 to rewrite the file after changing VicsExportSchema (then review the diff).
  if (process.env.VEIL_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated());

  // Compared as JSON, not bytes: the committed file is laid out by Prettier like every other JSON file.
  it('says exactly what VicsExportSchema says (VEIL_UPDATE_SCHEMA=1 regenerates it)', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(generated()));
  });

  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

  it('accepts a real export, and the zod schema agrees', () => {
    const written = anExport();
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    expect(VicsExportSchema.safeParse(written).success).toBe(true);
    expect(written).toMatchObject({ value: [{ Comments: 'note « é »' }, {}, { IsPrecategorized: true, PrecategorizationSource: 'Unit set' }, {}] });
  });

  it('refuses a field Veil does not write, a lower-case hash and a category given as "true"', () => {
    const written = VicsExportSchema.parse(anExport());
    const first = (change: Record<string, unknown>) => ({ ...written, value: [{ ...written.value[0], ...change }] });
    for (const bad of [first({ VictimIdentified: true }), first({ MD5: 'a'.repeat(32) }), first({ IsPrecategorized: 'true' })]) {
      expect(validate(bad)).toBe(false);
      expect(VicsExportSchema.safeParse(bad).success).toBe(false);
    }
  });
});
