import { describe, expect, it } from 'vitest';
import { pixelsOf, representativeOf } from '../../../../../shared/known/stacks/stack-representative.js';

const member = (relativePath: string, sizeBytes: number, known = false, pixels: number | null = null) => ({ relativePath, sizeBytes, known, pixels });
/** Members given in the case's order: the earlier wins among equals. */
const pick = (members: ReturnType<typeof member>[]) => representativeOf(members, (a, b) => members.indexOf(a) - members.indexOf(b));

describe('representativeOf', () => {
  it('picks the largest picture in pixels, whatever the files weigh', () => {
    // A 12 MP original saved at low quality beside a 2 MP re-save at high quality: the original represents.
    expect(pick([member('resized.jpg', 900_000, false, 1600 * 1200), member('original.jpg', 400_000, false, 4000 * 3000)])).toBe(1);
    // Equal pixels: the larger file (less recompressed), then the first in the case's order.
    expect(pick([member('a.jpg', 100, false, 640 * 480), member('b.jpg', 200, false, 640 * 480)])).toBe(1);
    expect(pick([member('a.jpg', 200, false, 640 * 480), member('b.jpg', 200, false, 640 * 480)])).toBe(0);
  });

  it('falls back to the largest file when pictures’ sizes are unknown, and ranks an unknown size below any known one', () => {
    expect(pick([member('small.jpg', 10), member('large.jpg', 900), member('mid.jpg', 500)])).toBe(1);
    expect(pick([member('a.jpg', 900), member('b.jpg', 900)])).toBe(0);
    expect(pick([member('legacy.jpg', 900_000), member('measured.jpg', 10, false, 100)])).toBe(1);
    // Given out of order, the first in the case's order still wins.
    const b = member('b.jpg', 900);
    const a = member('a.jpg', 900);
    expect(representativeOf([b, a], (x, y) => x.relativePath.localeCompare(y.relativePath))).toBe(1);
  });

  it('chooses the same member whatever order the members come in', () => {
    const members = [member('x.jpg', 50, false, 100), member('y.jpg', 900), member('z.jpg', 10, false, 400), member('w.jpg', 400, false, 400)];
    const caseOrder = (p: (typeof members)[number], q: (typeof members)[number]) => p.relativePath.localeCompare(q.relativePath);
    const chosen = new Set(
      [members, [...members].reverse(), [members[2]!, members[0]!, members[3]!, members[1]!]].map(
        (order) => order[representativeOf(order, caseOrder)]!.relativePath,
      ),
    );
    expect([...chosen]).toEqual(['w.jpg']);
  });

  it('never picks a hidden file when a normally named one exists, however large the hidden one is', () => {
    expect(pick([member('.cache/big.jpg', 9000, false, 4000 * 3000), member('photo.jpg', 10, false, 100), member('.thumbs/x.jpg', 20)])).toBe(1);
    expect(pick([member('.a/one.jpg', 10), member('.b/two.jpg', 20)])).toBe(1);
  });

  it('never picks a known item while another member can be reviewed, and picks one when all are known', () => {
    expect(pick([member('known.jpg', 9000, true, 4000 * 3000), member('.hidden/copy.jpg', 10)])).toBe(1);
    expect(pick([member('k1.jpg', 10, true), member('k2.jpg', 20, true)])).toBe(1);
    expect(pick([])).toBe(-1);
  });
});

describe('pixelsOf', () => {
  it('multiplies width by height, and knows nothing while either is unknown', () => {
    expect(pixelsOf({ widthPx: 4000, heightPx: 3000 })).toBe(12_000_000);
    expect(pixelsOf({ widthPx: null, heightPx: 3000 })).toBeNull();
  });
});
