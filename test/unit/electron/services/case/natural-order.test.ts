import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, compareRelativePaths } from '../../../../../electron/services/case/natural-order.js';

describe('compareNames', () => {
  it('orders numbers by value, as people count', () => {
    const names = ['Sample 10.jpg', 'Sample 2.jpg', 'Sample 1.jpg', 'Sample 100.jpg', 'Sample 9.jpg'];
    expect(names.sort(compareNames)).toEqual(['Sample 1.jpg', 'Sample 2.jpg', 'Sample 9.jpg', 'Sample 10.jpg', 'Sample 100.jpg']);
  });

  it('ignores case and accents, then breaks ties by the raw name so the order is total', () => {
    expect(['b.jpg', 'A.jpg', 'a.jpg', 'É.jpg', 'e.jpg', 'd.jpg'].sort(compareNames)).toEqual(['A.jpg', 'a.jpg', 'b.jpg', 'd.jpg', 'e.jpg', 'É.jpg']);
  });

  it('treats leading zeros as the same number', () => {
    expect(['img-010.png', 'img-9.png', 'img-0011.png'].sort(compareNames)).toEqual(['img-9.png', 'img-010.png', 'img-0011.png']);
  });

  it('compares very long digit runs (camera serials) without losing precision', () => {
    expect(compareNames('IMG_123456789012345678901.jpg', 'IMG_123456789012345678902.jpg')).toBeLessThan(0);
  });

  it('is a total order: antisymmetric, and equal only for the same name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(Math.sign(compareNames(a, b)) + Math.sign(compareNames(b, a))).toBe(0);
        expect(compareNames(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('is transitive', () => {
    const name = fc.stringMatching(/^[a-cA-C0-9 é]{0,6}$/);
    fc.assert(
      fc.property(name, name, name, (a, b, c) => {
        const sorted = [a, b, c].sort(compareNames);
        expect(compareNames(sorted[0] ?? '', sorted[2] ?? '')).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('compareRelativePaths', () => {
  it('keeps a folder together and puts it where its name falls', () => {
    const paths = ['photos 2/a.jpg', 'photos/10.jpg', 'photos/2.jpg', 'b.jpg', 'photos.jpg', 'a.jpg'];
    expect(paths.sort(compareRelativePaths)).toEqual(['a.jpg', 'b.jpg', 'photos/2.jpg', 'photos/10.jpg', 'photos 2/a.jpg', 'photos.jpg']);
  });

  it('puts a folder before what it holds', () => {
    expect(compareRelativePaths('locked', 'locked/a.jpg')).toBeLessThan(0);
  });
});
