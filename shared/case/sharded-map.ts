/** Shards per table: at 100,000 entries each holds about 1,600, and growing one rehashes only those. */
const SHARD_COUNT = 64;

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

  private shardOf(key: string): Map<string, V> {
    const end = key.length;
    // Ids and digests end in random characters; a few of them spread keys evenly enough.
    const hash = (key.charCodeAt(end - 1) * 31 + key.charCodeAt(end - 2)) * 31 + key.charCodeAt(end - 3);
    return this.shards[(hash >>> 0) % SHARD_COUNT]!;
  }
}
