/** Shards per table: at 100,000 entries each holds about 1,600, and growing one rehashes only those. */
const SHARD_COUNT = 64;
/** Characters hashed from the key's end: a path's file name with its extension ("IMG_0412.jpg"), an id's random tail. */
const HASHED_TAIL = 16;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The parts of a Map the case index uses. */
export interface KeyedTable<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): this;
  readonly size: number;
}

/**
 * A Map split into 64 by a hash of the key's last characters. A plain Map doubles its table
 * when full, rehashing every entry in one go: at 65,536 and 131,072 entries that held the
 * main side for tens, then hundreds of milliseconds (three such maps grow at the same item
 * of an import). Here each shard grows on its own, a small fraction of the entries at a time.
 */
export class ShardedMap<V> implements KeyedTable<V> {
  private readonly shards: Map<string, V>[] = Array.from({ length: SHARD_COUNT }, () => new Map<string, V>());
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.shardOf(key).get(key);
  }

  has(key: string): boolean {
    return this.shardOf(key).has(key);
  }

  set(key: string, value: V): this {
    const shard = this.shardOf(key);
    const before = shard.size;
    shard.set(key, value);
    this.count += shard.size - before;
    return this;
  }

  /** The most entries one shard holds: what the next growth of a shard rehashes at most (tests, benches). */
  get largestShardSize(): number {
    return Math.max(...this.shards.map((shard) => shard.size));
  }

  private shardOf(key: string): Map<string, V> {
    // FNV-1a over the key's last characters. Ids and digests end in random ones, but a file's path ends in its
    // extension: hashing the last three alone put every ".jpg" of a case in one shard (the review's table of paths),
    // which then grew and rehashed as a plain Map does. A path's distinct characters come just before its extension.
    let hash = FNV_OFFSET;
    for (let at = Math.max(0, key.length - HASHED_TAIL); at < key.length; at += 1) hash = Math.imul(hash ^ key.charCodeAt(at), FNV_PRIME);
    return this.shards[(hash >>> 0) % SHARD_COUNT]!;
  }
}
