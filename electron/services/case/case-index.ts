import path from 'node:path';
import { IDLE_IMPORT, type ImportProgress } from '../../../shared/case/import-progress.js';
import type { ImportProblem, MediaItem } from '../../../shared/case/media-item.js';
import type { MediaFormat, MediaKind } from '../../../shared/media/media-kinds.js';
import { ShardedMap, type KeyedTable } from '../../../shared/case/sharded-map.js';
import { DigestTable } from './digest-table.js';

/**
 * What the main side knows about an item and the renderer must never see: where
 * the file is. Only the opaque item id crosses to the renderer.
 */
interface IndexedFile {
  readonly absolutePath: string;
  readonly kind: MediaKind;
  readonly format: MediaFormat;
}

/**
 * The file behind an item, made when asked (a media request, not 100,000 times at once) from the
 * item itself: the copy it shows is its `relativePath`. Kept per item, these were a second object
 * and a second table entry for each of 100,000 items, which the main side's garbage collector
 * walked again and again; a joined path is also a rope of a dozen string pieces, so it is joined
 * only when read.
 */
class FileInCase implements IndexedFile {
  constructor(
    private readonly rootDir: string,
    private readonly relativePath: string,
    readonly kind: MediaKind,
    readonly format: MediaFormat,
  ) {}

  get absolutePath(): string {
    return path.join(this.rootDir, ...this.relativePath.split('/'));
  }
}

/** The file behind item `itemId` of the case, or undefined when the case has no such item. */
export function fileOf(index: CaseIndex, itemId: string): IndexedFile | undefined {
  const item = index.itemsById.get(itemId);
  return item && new FileInCase(index.rootDir, item.relativePath, item.kind, item.format);
}

/**
 * A case as the import builds it, filled in place while the import runs so
 * early items can be shown:
 * - `items` and `problems` only grow, and always in final order (natural order of
 *   their relative paths), so a page already shown never reshuffles;
 * - an item's `duplicatePaths` may still grow when a later copy is found, and a
 *   hidden item's path may change to a normally named copy's (same id, same place);
 * - `fileOf` gives the file behind an item id (main side only).
 */
export interface CaseIndex {
  /** The case folder, as given to the import (the session passes its real path). */
  readonly rootDir: string;
  readonly items: MediaItem[];
  readonly problems: ImportProblem[];
  /** Sharded, as every table of 100,000 entries on the main side must be (sharded-map.ts). */
  readonly itemsById: KeyedTable<MediaItem>;
  /** The items' digests as bytes (digest-table.ts); the import's items read theirs from here. */
  readonly digests: DigestTable;
  /** Files folded into an item as copies: items + problems + duplicates = files read. */
  duplicateCount: number;
  /** The latest progress reported (throttled), final once the import has ended. */
  progress: ImportProgress;
  /**
   * Bumped by every change a view or a count could see (an item listed, a copy folded in, a
   * match found or lost), so views built from the index know when to rebuild (case-views.ts).
   */
  version: number;
  /**
   * Bumped, with `version`, by every change to an item already listed (a copy folded in, a match
   * found or lost, a stack grown); not by appending new items. While it stands still, views and
   * counts take in only the items appended since they were last made, so a summary during the
   * import of 100,000 items is not a pass over all of them (25 ms of the main loop each, at load).
   */
  rewrites: number;
}

/** Records a change to items already listed: views, counts and stacks go through every item again (appending bumps `version` only). */
export function markItemsChanged(index: CaseIndex): void {
  index.version += 1;
  index.rewrites += 1;
}

export function createCaseIndex(rootDir: string): CaseIndex {
  return {
    rootDir,
    items: [],
    problems: [],
    itemsById: new ShardedMap(),
    digests: new DigestTable(),
    duplicateCount: 0,
    progress: IDLE_IMPORT,
    version: 0,
    rewrites: 0,
  };
}
