import { describe, expect, it } from 'vitest';
import { categoryForKey, categoryFromMatch, CustomSchemeSchema, schemeCategories, type CaseScheme } from '../../../../shared/review/category-scheme.js';
import type { ItemMatch } from '../../../../shared/known/item-match.js';

const custom: CaseScheme = {
  id: 'custom',
  custom: {
    name: 'Unit 7',
    categories: [
      { key: '1', description: 'Series 12' },
      { key: '5', description: 'Not relevant' },
    ],
  },
};

const known = (scheme: ItemMatch['scheme'], category: string | null): ItemMatch => ({
  type: 'known',
  setId: 1,
  setName: 'Set',
  scheme,
  category,
  matchedBy: 'md5',
});

describe('review category schemes', () => {
  it('offers the hash sets’ own categories, each on its number key', () => {
    expect(schemeCategories({ id: 'vic-us' }).map((category) => category.code)).toEqual(['0', '1', '2', '3', '4']);
    expect(schemeCategories({ id: 'vic-dhs' }).map((category) => category.code)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(categoryForKey({ id: 'vic-us' }, '5')).toBeNull();
    expect(categoryForKey({ id: 'vic-dhs' }, '5')?.code).toBe('5');
  });

  it('grades UK items A, B, C on keys 1–3 and "not indecent" on 0', () => {
    expect(schemeCategories({ id: 'uk-abc' }).map((category) => [category.code, category.key])).toEqual([
      ['A', '1'],
      ['B', '2'],
      ['C', '3'],
      ['N', '0'],
    ]);
  });

  it('keys a custom scheme’s categories by the digit the unit chose', () => {
    expect(categoryForKey(custom, '5')).toEqual({ code: '5', key: '5', description: 'Not relevant' });
    expect(categoryForKey(custom, '2')).toBeNull();
  });

  it('refuses a custom scheme with more than 10 categories, a key used twice, or a key that is not a digit', () => {
    const category = (key: string) => ({ key, description: 'x' });
    expect(CustomSchemeSchema.safeParse({ name: 'U', categories: Array.from({ length: 11 }, (_, index) => category(String(index % 10))) }).success).toBe(false);
    expect(CustomSchemeSchema.safeParse({ name: 'U', categories: [category('1'), category('1')] }).success).toBe(false);
    expect(CustomSchemeSchema.safeParse({ name: 'U', categories: [category('A')] }).success).toBe(false);
    expect(CustomSchemeSchema.safeParse({ name: ' ', categories: [category('1')] }).success).toBe(false);
    expect(CustomSchemeSchema.safeParse({ name: 'U', categories: [category('1'), category('0')] }).success).toBe(true);
  });

  it('pre-categorises a known item only when its set uses the case’s scheme, never by guessing across numberings', () => {
    expect(categoryFromMatch({ id: 'vic-us' }, known('vic-us', '1'))).toBe('1');
    expect(categoryFromMatch({ id: 'vic-us' }, known('vic-dhs', '1'))).toBeNull();
    expect(categoryFromMatch({ id: 'vic-us' }, known('vic-us', null))).toBeNull();
    expect(categoryFromMatch({ id: 'vic-us' }, { type: 'near', setId: 1, setName: 'S', scheme: 'vic-us', category: '1', distance: 3 })).toBeNull();
    expect(categoryFromMatch(custom, known('custom', 'series 12'))).toBe('1');
    expect(categoryFromMatch(custom, known('custom', 'Other'))).toBeNull();
    expect(categoryFromMatch({ id: 'uk-abc' }, known('uk-abc', 'B'))).toBe('B');
  });
});
