/**
 * Disjoint sets over 0..n-1 (union by size, path halving): near-linear in the number
 * of unions, and two typed arrays rather than an object per item, since a case may
 * hold a million items.
 */
export interface UnionFind {
  /** The set's root: two items are in one set exactly when their roots are equal. */
  find(item: number): number;
  union(a: number, b: number): void;
}

/** Find and union over the caller's storage: typed arrays of a fixed size, or arrays that grow. */
function unionFindOver(parent: { [item: number]: number }, size: { [item: number]: number }): UnionFind {
  function find(item: number): number {
    let x = item;
    while (parent[x] !== x) {
      const grand = parent[parent[x]!]!;
      parent[x] = grand;
      x = grand;
    }
    return x;
  }

  return {
    find,
    union(a, b) {
      let ra = find(a);
      let rb = find(b);
      if (ra === rb) return;
      if (size[ra]! < size[rb]!) [ra, rb] = [rb, ra];
      parent[rb] = ra;
      size[ra]! += size[rb]!;
    },
  };
}

export function createUnionFind(count: number): UnionFind {
  const parent = new Uint32Array(count);
  const size = new Uint32Array(count).fill(1);
  for (let i = 0; i < count; i += 1) parent[i] = i;
  return unionFindOver(parent, size);
}

/** Disjoint sets that grow one item at a time (a case's PDQ hashes arrive one by one); same rules as createUnionFind. */
export interface GrowingUnionFind extends UnionFind {
  /** A new item in a set of its own; returns its number (0, 1, 2…). */
  add(): number;
}

export function createGrowingUnionFind(): GrowingUnionFind {
  const parent: number[] = [];
  const size: number[] = [];
  return {
    ...unionFindOver(parent, size),
    add() {
      parent.push(parent.length);
      size.push(1);
      return parent.length - 1;
    },
  };
}
