/**
 * Which places of a fixed order are still open (here: items of "To review" without a category),
 * as a Fenwick tree of 0/1 flags. Marking a place and finding the first open one at or after a
 * place both cost O(log n), so "Next to review" never walks a 100,000-item list, whatever was
 * undone behind it.
 */
export interface OpenPlaces {
  isOpen(place: number): boolean;
  setOpen(place: number, open: boolean): void;
  /** The first open place at or after `from`, or null when there is none. */
  firstOpenFrom(from: number): number | null;
}

/** Places 0..size-1, open where `openAt` says so; built in O(n). */
export function createOpenPlaces(size: number, openAt: (place: number) => boolean): OpenPlaces {
  const flags = new Uint8Array(size);
  // 1-based: tree[i] sums the flags of places (i - lowbit(i), i].
  const tree = new Int32Array(size + 1);
  for (let place = 0; place < size; place += 1) {
    const flag = openAt(place) ? 1 : 0;
    flags[place] = flag;
    const node = place + 1;
    tree[node] = (tree[node] ?? 0) + flag;
    const parent = node + (node & -node);
    if (parent <= size) tree[parent] = (tree[parent] ?? 0) + (tree[node] ?? 0);
  }
  let highBit = 1;
  while (highBit * 2 <= size) highBit *= 2;

  /** Open places before `place`. */
  function openBefore(place: number): number {
    let sum = 0;
    for (let node = place; node > 0; node -= node & -node) sum += tree[node] ?? 0;
    return sum;
  }

  /** The place of the `rank`-th open place (1-based); the caller knows there are that many. */
  function nth(rank: number): number {
    let node = 0;
    let left = rank;
    for (let step = highBit; step > 0; step >>= 1) {
      const next = node + step;
      if (next <= size && (tree[next] ?? 0) < left) {
        node = next;
        left -= tree[next] ?? 0;
      }
    }
    return node;
  }

  return {
    isOpen: (place) => flags[place] === 1,
    setOpen(place, open) {
      const flag = open ? 1 : 0;
      if (place < 0 || place >= size || flags[place] === flag) return;
      flags[place] = flag;
      const delta = open ? 1 : -1;
      for (let node = place + 1; node <= size; node += node & -node) tree[node] = (tree[node] ?? 0) + delta;
    },
    firstOpenFrom(from) {
      const start = Math.max(0, Math.min(from, size));
      const before = openBefore(start);
      return before < openBefore(size) ? nth(before + 1) : null;
    },
  };
}
