import { describe, expect, it } from 'vitest';
import { checkCategory } from '../../../../shared/known/hash-set-scheme.js';

describe('category schemes', () => {
  it('reads each record under the scheme chosen at import: DHS has a category 5, Project VIC US does not', () => {
    expect(checkCategory('vic-dhs', 5, false)).toEqual({ ok: true, category: '5' });
    expect(checkCategory('vic-us', 5, false)).toEqual({ ok: false, reason: 'category-not-in-scheme' });
    expect(checkCategory('vic-us', 4, false)).toEqual({ ok: true, category: '4' });
    expect(checkCategory('uk-abc', ' b ', true)).toEqual({ ok: true, category: 'B' });
    expect(checkCategory('uk-abc', 1, false)).toEqual({ ok: false, reason: 'category-wrong-type' });
    expect(checkCategory('custom', 'Series 12', true)).toEqual({ ok: true, category: 'Series 12' });
    expect(checkCategory('custom', 'x'.repeat(65), true)).toEqual({ ok: false, reason: 'category-not-in-scheme' });
  });

  it('takes a number written as text in a CSV cell, but not in VICS JSON, where Category is a number', () => {
    expect(checkCategory('vic-us', '2', true)).toEqual({ ok: true, category: '2' });
    expect(checkCategory('vic-us', '2', false)).toEqual({ ok: false, reason: 'category-wrong-type' });
    expect(checkCategory('vic-us', true, false)).toEqual({ ok: false, reason: 'category-wrong-type' });
    expect(checkCategory('vic-us', null, false)).toEqual({ ok: true, category: null });
  });
});
