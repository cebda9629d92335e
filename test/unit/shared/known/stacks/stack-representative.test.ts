import { describe, expect, it } from 'vitest';
import { representativeOf } from '../../../../../shared/known/stacks/stack-representative.js';

const member = (relativePath: string, sizeBytes: number, known = false) => ({ relativePath, sizeBytes, known });
/** Members given in the case's order: the earlier wins among equals. */
const pick = (members: ReturnType<typeof member>[]) => representativeOf(members, (a, b) => members.indexOf(a) - members.indexOf(b));

describe('representativeOf', () => {
  it('picks the largest file, and the first in the case order among equals', () => {
    expect(pick([member('small.jpg', 10), member('large.jpg', 900), member('mid.jpg', 500)])).toBe(1);
    expect(pick([member('a.jpg', 900), member('b.jpg', 900)])).toBe(0);
    // Given out of order, the first in the case's order still wins.
    const b = member('b.jpg', 900);
    const a = member('a.jpg', 900);
    expect(representativeOf([b, a], (x, y) => x.relativePath.localeCompare(y.relativePath))).toBe(1);
  });

  it('never picks a hidden file when a normally named one exists, however large the hidden one is', () => {
    expect(pick([member('.cache/big.jpg', 9000), member('photo.jpg', 10), member('.thumbs/x.jpg', 20)])).toBe(1);
    expect(pick([member('.a/one.jpg', 10), member('.b/two.jpg', 20)])).toBe(1);
  });

  it('never picks a known item while another member can be reviewed, and picks one when all are known', () => {
    expect(pick([member('known.jpg', 9000, true), member('.hidden/copy.jpg', 10)])).toBe(1);
    expect(pick([member('k1.jpg', 10, true), member('k2.jpg', 20, true)])).toBe(1);
    expect(pick([])).toBe(-1);
  });
});
