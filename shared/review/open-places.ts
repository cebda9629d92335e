/**
 * Which places of an order are still open (here: items of "To review" without a category), as a
 * Fenwick tree of 0/1 flags. Marking a place, adding one at the end and finding the first open one
 * at or after a place all cost O(log n) (amortised for adding), so "Next to review" never walks a
 * 100,000-item list, whatever was undone behind it, and items arriving during an import are taken in
 * one by one instead of the tree being built again.
 */
export interface OpenPlaces {
  isOpen(place: number): boolean;
  setOpen(place: number, open: boolean): void;
  /** Adds a place after the last one. */
  append(open: boolean): void;
  /** The first open place at or after `from`, or null when there is none. */
  firstOpenFrom(from: number): number | null;
}

/** Places 0..size-1, open where `openAt` says so. */
export function createOpenPlaces(size: number, openAt: (place: number) => boolean): OpenPlaces {
  let count = 0;
  let flags = new Uint8Array(Math.max(16, size));
  // 1-based: tree[i] sums the flags of places (i - lowbit(i), i].
  let tree = new Int32Array(flags.length + 1);

  /** Open places before `place`. */
  function openBefore(place: number): number {
    let sum = 0;
    for (let node = place; node > 0; node -= node & -node) sum += tree[node] ?? 0;
    return sum;
  }

  /** The place of the `rank`-th open place (1-based); the caller knows there are that many. */
  function nth(rank: number): number {
    let highBit = 1;
    while (highBit * 2 <= count) highBit *= 2;
    let node = 0;
    let left = rank;
    for (let step = highBit; step > 0; step >>= 1) {
      const next = node + step;
      if (next <= count && (tree[next] ?? 0) < left) {
        node = next;
        left -= tree[next] ?? 0;
      }
    }
    return node;
  }

  function append(open: boolean): void {
    if (count === flags.length) {
      // Doubling: the copies cost O(n) in all, not per place.
      const grownFlags = new Uint8Array(flags.length * 2);
      grownFlags.set(flags);
      const grownTree = new Int32Array(grownFlags.length + 1);
      grownTree.set(tree);
      flags = grownFlags;
      tree = grownTree;
    }
    const flag = open ? 1 : 0;
    flags[count] = flag;
    const node = count + 1;
    // The new node covers places (node - lowbit(node), node]: the flags before it in that range, then its own.
    tree[node] = openBefore(node - 1) - openBefore(node - (node & -node)) + flag;
    count = node;
  }

  for (let place = 0; place < size; place += 1) append(openAt(place));

  return {
    isOpen: (place) => place < count && flags[place] === 1,
    setOpen(place, open) {
      const flag = open ? 1 : 0;
      if (place < 0 || place >= count || flags[place] === flag) return;
      flags[place] = flag;
      const delta = open ? 1 : -1;
      for (let node = place + 1; node <= count; node += node & -node) tree[node] = (tree[node] ?? 0) + delta;
    },
    append,
    firstOpenFrom(from) {
      const start = Math.max(0, Math.min(from, count));
      const before = openBefore(start);
      return before < openBefore(count) ? nth(before + 1) : null;
    },
  };
}
