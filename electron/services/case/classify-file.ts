import type { MediaError } from '../../../shared/case/media-item.js';
import { formatClaimedByName, type MediaFormat } from '../../../shared/media/media-kinds.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import { isAppleDouble, recogniseOtherFormat, recogniseRawPhoto } from './recognise-other-format.js';
import { sniffFormat } from './sniff-format.js';

export type FileClassification = { type: 'media'; format: MediaFormat; claimedFormat: MediaFormat | null } | { type: 'problem'; error: MediaError };

/**
 * Which rules made a file's classification. The case workspace keeps a file that is not media
 * with this number (stored-row.ts); raise it whenever sniffing or classifying accepts a new
 * format or changes a problem, so a case reopened by the newer Veil reads those files again
 * rather than keeping an older verdict.
 * 2: HEIC photos are decoded (by the worker); raw photos of other makers are named, with a reason.
 */
export const CLASSIFICATION_RULES_VERSION = 2;

/**
 * Decides what a file is from its content, and whether its name says otherwise.
 * The content decides the format; the extension only matters for the message:
 * - empty → `empty-file`;
 * - media content → an item, with `claimedFormat` set when the extension names
 *   another format (a PNG named `.jpg`), so the UI can flag it;
 * - not media but named like media (a text file named `.jpg`) → `mislabelled`;
 * - not media, not named like media → `unsupported-format` (so is a macOS "._name.jpg"
 *   AppleDouble file: metadata beside a copied file, not a mislabelled one).
 * Hidden files (".name") follow the same rules: media hidden behind a dot is still media.
 * Pure; `head` is the file's first bytes (see SNIFF_HEAD_BYTES).
 */
export function classifyFile(fileName: string, head: Uint8Array, sizeBytes: number): FileClassification {
  if (sizeBytes === 0) return problem('empty-file', 'The file is empty (0 bytes).');
  const claimed = formatClaimedByName(fileName);
  const format = sniffFormat(head);
  if (format) return { type: 'media', format, claimedFormat: claimed !== null && claimed !== format ? claimed : null };

  const recognised = recogniseOtherFormat(head);
  const camera = recogniseRawPhoto(head);
  // A raw photo is not mislabelled by its .dng/.orf name: say why it cannot be shown instead.
  if (camera !== null) {
    return {
      type: 'problem',
      error: { code: 'unsupported-format', detail: `Not a supported image or video: ${recognised}.`, reason: reasonOf('raw-photo-unsupported', { camera }) },
    };
  }
  if (claimed && !isAppleDouble(head)) {
    const extension = fileName.slice(fileName.lastIndexOf('.'));
    const what = recognised ? `; it looks like ${recognised}` : '';
    return problem('mislabelled', `Named ${extension} but the content is not a supported image or video${what}.`);
  }
  return problem('unsupported-format', recognised ? `Not a supported image or video: ${recognised}.` : 'Not a supported image or video.');
}

function problem(code: MediaError['code'], detail: string): FileClassification {
  return { type: 'problem', error: { code, detail } };
}
