import type { MediaItem } from '../../../shared/case/media-item.js';
import { ShardedMap } from '../../../shared/case/sharded-map.js';

/**
 * The import's items by SHA-256, to fold identical files into one. Keyed by the digest's first
 * 12 hex digits, a string of its own (a longer slice would keep the whole digest alive): held
 * for every item until the import ends, 100,000 full digests were 8 MB of strings the main
 * side's collections copied and promoted. A different item under the same first digits (about
 * one chance in 50,000 over 100,000 items) goes in a map keyed by the whole digest.
 */
export function createByContent(): { get(sha256: string): MediaItem | undefined; set(sha256: string, item: MediaItem): void } {
  const byPrefix = new ShardedMap<MediaItem>();
  const collided = new Map<string, MediaItem>();
  const prefixOf = (sha256: string): string => sha256.slice(0, 12);
  return {
    get(sha256) {
      const item = byPrefix.get(prefixOf(sha256));
      return item !== undefined && item.sha256 === sha256 ? item : collided.get(sha256);
    },
    set(sha256, item) {
      const prefix = prefixOf(sha256);
      if (byPrefix.has(prefix)) collided.set(sha256, item);
      else byPrefix.set(prefix, item);
    },
  };
}
