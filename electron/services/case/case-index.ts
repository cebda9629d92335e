import { IDLE_IMPORT, type ImportProgress } from '../../../shared/case/import-progress.js';
import type { ImportProblem, MediaItem } from '../../../shared/case/media-item.js';
import type { MediaFormat, MediaKind } from '../../../shared/media/media-kinds.js';

/**
 * What the main side knows about an item and the renderer must never see: where
 * the file is and its hash. Only the opaque item id crosses to the renderer.
 */
interface IndexedFile {
  readonly absolutePath: string;
  readonly kind: MediaKind;
  readonly format: MediaFormat;
  /** MD5, SHA-1 and SHA-256 of the content from its one read, lower-case hex. */
  readonly md5: string;
  readonly sha1: string;
  readonly sha256: string;
}

/**
 * A case as the import builds it, filled in place while the import runs so
 * early items can be shown:
 * - `items` and `problems` only grow, and always in final order (natural order of
 *   their relative paths), so a page already shown never reshuffles;
 * - an item's `duplicatePaths` may still grow when a later copy is found, and a
 *   hidden item's path may change to a normally named copy's (same id, same place);
 * - `files` maps every item id to its IndexedFile (main side only).
 */
export interface CaseIndex {
  /** The case folder, as given to the import (the session passes its real path). */
  readonly rootDir: string;
  readonly items: MediaItem[];
  readonly problems: ImportProblem[];
  readonly itemsById: Map<string, MediaItem>;
  readonly files: Map<string, IndexedFile>;
  /** Files folded into an item as copies: items + problems + duplicates = files read. */
  duplicateCount: number;
  /** The latest progress reported (throttled), final once the import has ended. */
  progress: ImportProgress;
  /**
   * Bumped by every change a view or a count could see (an item listed, a copy folded in, a
   * match found or lost), so views built from the index know when to rebuild (case-views.ts).
   */
  version: number;
}

export function createCaseIndex(rootDir: string): CaseIndex {
  return { rootDir, items: [], problems: [], itemsById: new Map(), files: new Map(), duplicateCount: 0, progress: IDLE_IMPORT, version: 0 };
}
