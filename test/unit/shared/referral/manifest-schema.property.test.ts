import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonRecord } from '../../../../shared/referral/manifest-json-record.js';
import { ReferralEntrySchema, type ReferralEntry } from '../../../../shared/referral/referral-entry.js';
import { MD5, parseManifest, SHA1, SHA256 } from './manifest-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const schema: Record<string, unknown> = JSON.parse(readFileSync(path.join(repoRoot, 'docs/referral-manifest.schema.json'), 'utf8'));
const doc = readFileSync(path.join(repoRoot, 'docs/referral-manifest.md'), 'utf8');

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateManifest = ajv.compile(schema);
const validateFile = ajv.getSchema('https://example.org/veil/referral-manifest.schema.json#/$defs/file');

/** Values each key may take in a generated record: good ones, the documented bad ones, and wrong types. */
const VALUES: Readonly<Record<string, readonly unknown[]>> = {
  path: [
    'a.jpg',
    'photos/b.png',
    'x\\y.jpg',
    './c.jpg',
    '...',
    '../a.jpg',
    'a/../../b',
    '/etc/x',
    'C:\\x',
    'c:x',
    '\\\\srv\\x',
    'file://x',
    '.',
    '',
    ' a.jpg',
    'a\u0000b',
    7,
    null,
  ],
  md5: [MD5, MD5.toUpperCase(), MD5.slice(1), `${MD5} `, 'z'.repeat(32), 5, null],
  sha1: [SHA1, SHA1.slice(2), 'g'.repeat(40), true, null],
  sha256: [SHA256, `${SHA256}0`, null, []],
  classification: ['A1', 'A2', 'B1', 'B2', 'a1', 'C1', ' A1', 1, null],
  providerViewed: [true, false, 'no', 0, null],
  publiclyAvailable: [true, false, 'yes', null],
  annotations: [[], ['infant'], ['violence', 'sadism', 'violence'], ['bestiality', 'kittens'], ['Infant'], 'infant', [3], null],
  ticket: ['T-118', 118, { nested: true }],
};

const record = fc.record(Object.fromEntries(Object.entries(VALUES).map(([key, values]) => [key, fc.constantFrom(...values)])), { requiredKeys: [] });

describe('the JSON Schema of referral manifests and the parser agree', () => {
  it('the sample in docs/referral-manifest.md validates and reads without a bad row', () => {
    const sample = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(validateManifest(JSON.parse(sample))).toBe(true);
    const { outcome, bad } = parseManifest(sample);
    expect(bad).toEqual([]);
    expect(outcome.ok).toBe(true);
  });

  it('a file record is accepted by the parser exactly when the schema says it is valid', () => {
    expect(validateFile).toBeDefined();
    fc.assert(
      fc.property(record, (value) => {
        const checked = checkJsonRecord(value, 1);
        expect(checked.ok, JSON.stringify(value)).toBe(validateFile?.(value));
        if (checked.ok) expect(ReferralEntrySchema.parse(checked.entry)).toEqual(checked.entry);
      }),
      { numRuns: 2000 },
    );
  });
});

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const segment = fc.string({ unit: fc.constantFrom(...'abcXYZ019 _-é'), minLength: 1, maxLength: 8 }).filter((text) => text.trim() === text);
const entryArb = fc
  .record({
    path: fc.option(
      fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
      { nil: null },
    ),
    md5: fc.option(hex(32), { nil: null }),
    sha1: fc.option(hex(40), { nil: null }),
    classification: fc.option(fc.constantFrom('A1', 'A2', 'B1', 'B2' as const), { nil: null }),
    providerViewed: fc.option(fc.boolean(), { nil: null }),
    publiclyAvailable: fc.option(fc.boolean(), { nil: null }),
    annotations: fc.subarray(['infant', 'violence', 'bestiality', 'sadism'] as const),
    note: fc.string({ unit: fc.constantFrom(...'ab ,;"|xé'), maxLength: 12 }).map((text) => text.trim()),
  })
  .filter((entry) => entry.path !== null || entry.md5 !== null || entry.sha1 !== null);

const yesNo = (flag: boolean | null) => (flag === null ? '' : flag ? 'yes' : 'no');
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

describe('CSV manifests (properties)', () => {
  it('any set of distinct files written as CSV reads back exactly, whatever the chunk borders', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entryArb, { minLength: 1, maxLength: 25, selector: (entry) => entry.path ?? entry.md5 ?? entry.sha1 }),
        fc.array(fc.nat(4000), { maxLength: 6 }),
        (entries, cuts) => {
          // Distinct by every key, so no file is named twice.
          const keys = entries.flatMap((entry) => [entry.path, entry.md5, entry.sha1].filter((key) => key !== null));
          fc.pre(new Set(keys).size === keys.length);
          const lines = entries.map((entry) =>
            [
              quoted(entry.path ?? ''),
              entry.md5?.toUpperCase() ?? '',
              entry.sha1 ?? '',
              entry.classification?.toLowerCase() ?? '',
              yesNo(entry.providerViewed),
              yesNo(entry.publiclyAvailable),
              entry.annotations.join('|'),
              quoted(entry.note),
            ].join(','),
          );
          const text = `\uFEFFpath,md5,sha1,classification,provider viewed,publicly available,annotations,note\n${lines.join('\n')}\n`;
          const { entries: read, bad } = parseManifest(text, cuts);
          expect(bad).toEqual([]);
          const expected: ReferralEntry[] = entries.map((entry, index) => ({
            place: index + 2,
            path: entry.path,
            md5: entry.md5,
            sha1: entry.sha1,
            sha256: null,
            classification: entry.classification,
            providerViewed: entry.providerViewed,
            publiclyAvailable: entry.publiclyAvailable,
            annotations: [...entry.annotations],
            extra: [{ name: 'note', value: entry.note }],
          }));
          expect(read).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a file named twice is kept once, listed, and never reads weaker than either of its rows', () => {
    fc.assert(
      fc.property(entryArb, entryArb, (first, second) => {
        const row = (entry: typeof first) =>
          ['same.jpg', entry.classification ?? '', yesNo(entry.providerViewed), yesNo(entry.publiclyAvailable), entry.annotations.join('|')].join(',');
        const { entries, bad } = parseManifest(`path,classification,viewed,public,annotations\n${row(first)}\n${row(second)}\n`);
        expect(bad).toEqual([{ place: 3, placeKind: 'line', reason: 'named-twice', firstPlace: 2 }]);
        expect(entries).toHaveLength(1);
        const merged = entries[0];
        for (const entry of [first, second]) {
          if (entry.providerViewed === false) expect(merged?.providerViewed).toBe(false);
          if (entry.publiclyAvailable === false) expect(merged?.publiclyAvailable).toBe(false);
          for (const annotation of entry.annotations) expect(merged?.annotations).toContain(annotation);
          if (entry.classification !== null)
            expect(merged !== undefined && merged.classification !== null && merged.classification <= entry.classification).toBe(true);
        }
      }),
    );
  });
});
