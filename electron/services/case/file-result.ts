import type { ImportProblem } from '../../../shared/case/media-item.js';
import type { MediaFormat } from '../../../shared/media/media-kinds.js';

/** A file's digests, lower-case hex. */
export interface ItemDigests {
  md5: string;
  sha1: string;
  sha256: string;
}

/**
 * An image's PDQ hash with the picture's own width and height in pixels, which make the largest
 * copy of a stack its representative. The size is unknown (absent or null) for a hash kept by a
 * workspace before version 4.
 */
export interface PdqReading {
  hex: string;
  quality: number;
  widthPx?: number | null;
  heightPx?: number | null;
}

/** What the import learnt of one file, by reading it or from its stored row (stored-row.ts). */
export type FileResult =
  | { type: 'problem'; problem: ImportProblem }
  | ({
      type: 'media';
      relativePath: string;
      format: MediaFormat;
      claimedFormat: MediaFormat | null;
      sizeBytes: number;
      /** Known only for a file whose stored row kept it (a fresh read has none yet). */
      pdq: PdqReading | null;
    } & ItemDigests);
