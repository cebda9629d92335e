import { z } from 'zod';
import { MediaErrorSchema, type MediaError } from '../../../shared/case/media-item.js';
import { formatClaimedByName, kindOfFormat, MediaFormatSchema, type MediaFormat } from '../../../shared/media/media-kinds.js';
import type { ItemRow } from '../workspace/workspace-protocol.js';
import type { FileResult, ItemDigests } from './file-result.js';
import { CLASSIFICATION_RULES_VERSION } from './classify-file.js';
import { fileNameOf } from './shown-copy.js';

/**
 * A classification problem keeps its code, its message (it names what the bytes looked like)
 * and the version of the rules that found it: one found by other rules is not trusted, and the
 * file is read again (a newer Veil may open a format an older one refused).
 */
const StoredProblemSchema = z.object({ rulesVersion: z.literal(CLASSIFICATION_RULES_VERSION), error: MediaErrorSchema });
const StoredErrorSchema = z.string().transform((text, context) => {
  try {
    return StoredProblemSchema.parse(JSON.parse(text)).error;
  } catch {
    context.addIssue({ code: 'custom', message: 'not a problem stored by these classification rules' });
    return z.NEVER;
  }
});

/** The row kept for a file just read: a media item, or a file that is not media and why (read failures are not kept: they are tried again). */
export function rowOfRead(
  read: { relativePath: string; sizeBytes: number; mtimeMs: number; ctimeMs: number; ino: number; dev: number } & ItemDigests,
  what: { format: MediaFormat; error: null } | { format: null; error: MediaError },
): ItemRow {
  return {
    path: read.relativePath,
    sizeBytes: read.sizeBytes,
    mtimeMs: read.mtimeMs,
    ctimeMs: read.ctimeMs,
    ino: read.ino,
    dev: read.dev,
    md5: read.md5,
    sha1: read.sha1,
    sha256: read.sha256,
    pdq: null,
    pdqQuality: null,
    widthPx: null,
    heightPx: null,
    kind: what.format === null ? null : kindOfFormat(what.format),
    format: what.format,
    error: what.error === null ? null : JSON.stringify({ rulesVersion: CLASSIFICATION_RULES_VERSION, error: what.error }),
  };
}

/**
 * The import's result for an unchanged file, from its row, exactly as reading it gave: the
 * claimed format comes again from the name (the path is the same), the kind from the format.
 * Null when the row does not hold a whole result (written by an older build, edited by hand):
 * the file is then read.
 */
export function resultOfRow(row: ItemRow): FileResult | null {
  if (row.error !== null) {
    const error = StoredErrorSchema.safeParse(row.error);
    return error.success ? { type: 'problem', problem: { relativePath: row.path, error: error.data } } : null;
  }
  const format = MediaFormatSchema.safeParse(row.format);
  if (!format.success || row.kind !== kindOfFormat(format.data) || row.md5 === null || row.sha1 === null || row.sha256 === null) return null;
  const claimed = formatClaimedByName(fileNameOf(row.path));
  return {
    type: 'media',
    relativePath: row.path,
    format: format.data,
    claimedFormat: claimed !== null && claimed !== format.data ? claimed : null,
    sizeBytes: row.sizeBytes,
    md5: row.md5,
    sha1: row.sha1,
    sha256: row.sha256,
    pdq: row.pdq === null || row.pdqQuality === null ? null : { hex: row.pdq, quality: row.pdqQuality, widthPx: row.widthPx, heightPx: row.heightPx },
  };
}
