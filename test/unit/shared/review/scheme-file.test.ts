import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomSchemeSchema } from '../../../../shared/review/category-scheme.js';
import { parseSchemeFile, schemeFileText } from '../../../../shared/review/scheme-file.js';

const file = (body: object) => JSON.stringify({ format: 'veil-category-scheme', version: 1, ...body });

describe('category scheme files', () => {
  it('reads back exactly the scheme it exported', () => {
    const category = fc.record({
      key: fc.constantFrom(...'0123456789'),
      description: fc.string({ minLength: 1, maxLength: 64 }).filter((text) => text.trim() === text && text !== ''),
    });
    const scheme = fc.record({
      name: fc.string({ minLength: 1, maxLength: 64 }).filter((text) => text.trim() === text && text !== ''),
      categories: fc.uniqueArray(category, { minLength: 1, maxLength: 10, selector: (entry) => entry.key }),
    });
    fc.assert(
      fc.property(scheme, (written) => {
        expect(parseSchemeFile(schemeFileText(written))).toEqual({ ok: true, scheme: CustomSchemeSchema.parse(written) });
      }),
    );
  });

  it('refuses a file that is not a scheme, saying why', () => {
    expect(parseSchemeFile('{ name: "Unit 7"')).toEqual({ ok: false, problems: [{ place: '', code: 'not-json' }] });
    expect(parseSchemeFile(JSON.stringify({ name: 'Unit 7', categories: [] }))).toEqual({ ok: false, problems: [{ place: '', code: 'not-a-scheme' }] });
    expect(parseSchemeFile(file({ version: 2 }))).toMatchObject({ ok: false });
  });

  it('lists every bad entry with its place', () => {
    const result = parseSchemeFile(
      file({
        categories: [
          { key: 'x', description: 'Severe' },
          { key: '2', description: '' },
          { key: '3', description: 'd'.repeat(65) },
        ],
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { place: 'name', code: 'missing' },
        { place: 'categories.0.key', code: 'not-a-digit' },
        { place: 'categories.1.description', code: 'missing' },
        { place: 'categories.2.description', code: 'too-long' },
      ],
    });
    const many = Array.from({ length: 11 }, (_, index) => ({ key: String(index % 10), description: `c${index}` }));
    expect(parseSchemeFile(file({ name: 'Big', categories: many }))).toEqual({ ok: false, problems: [{ place: 'categories', code: 'too-many' }] });
    const twice = [
      { key: '1', description: 'a' },
      { key: '1', description: 'b' },
    ];
    expect(parseSchemeFile(file({ name: 'Twice', categories: twice }))).toEqual({ ok: false, problems: [{ place: 'categories', code: 'duplicate-key' }] });
  });
});
