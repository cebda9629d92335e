import { z } from 'zod';
import { MediaFormatSchema, MediaKindSchema } from '../media/media-kinds.js';
import { ItemIdSchema } from '../media/derivative.js';
import { ReasonSchema } from '../reasons/reason.js';
import { ItemMatchSchema } from '../known/item-match.js';
import { ItemReferralSchema } from '../referral/item-referral.js';

const hex = (digits: number) => z.string().regex(new RegExp(`^[0-9a-f]{${digits}}$`), `not ${digits} lower-case hex digits`);

/**
 * Why a file could not be shown. The UI translates the code; `detail` is the
 * decoder's own words, kept for the technically minded and for bug reports.
 */
export const MediaErrorCodeSchema = z.enum([
  'unsupported-format',
  'mislabelled',
  'empty-file',
  'too-large',
  'too-many-pixels',
  'decode-failed',
  'timed-out',
  'worker-crashed',
  'unreadable',
  'vanished',
  'symlink-skipped',
]);
export type MediaErrorCode = z.infer<typeof MediaErrorCodeSchema>;

export const MediaErrorSchema = z.object({
  code: MediaErrorCodeSchema,
  /** The decoder's or the system's own words (English), for logs and bug reports. */
  detail: z.string(),
  /** Veil's own explanation, when it has more to say than the code; translated by the renderer. */
  reason: ReasonSchema.optional(),
});
export type MediaError = z.infer<typeof MediaErrorSchema>;

export const MediaItemSchema = z.object({
  id: ItemIdSchema,
  /** File name without folders, shown to the investigator (and in text-only mode). */
  name: z.string(),
  /** Path inside the case folder, with forward slashes. */
  relativePath: z.string(),
  kind: MediaKindSchema,
  format: MediaFormatSchema,
  sizeBytes: z.number().int().nonnegative(),
  /** Other files in the case with identical bytes (SHA-256), folded into this item. */
  duplicatePaths: z.array(z.string()),
  /** Set when the extension names a different format than the content has. */
  claimedFormat: MediaFormatSchema.nullable(),
  error: MediaErrorSchema.nullable(),
  /** Digests of the copy shown, from the import's single read (lower-case hex). */
  md5: hex(32),
  sha1: hex(40),
  sha256: hex(64),
  /** PDQ perceptual hash (images only), null until computed or when the picture has none. */
  pdq: hex(64).nullable(),
  /** PDQ's own quality score 0–100; hashes under 50 are never near-matched. */
  pdqQuality: z.number().int().min(0).max(100).nullable(),
  /**
   * The picture's width and height in pixels as its file holds them, learnt with its PDQ hash;
   * null until then, for videos, and for a picture PDQ cannot hash. The largest picture of a
   * stack represents it.
   */
  widthPx: z.number().int().positive().nullable(),
  heightPx: z.number().int().positive().nullable(),
  /** The stack this item represents: its own id while it is a representative. */
  stackId: ItemIdSchema,
  /** Files in the stack, this one included (1 when it has no copies). */
  stackSize: z.number().int().positive(),
  /** A known or near match in an enabled hash set, or null. */
  match: ItemMatchSchema.nullable(),
  /** What the case's referral manifest says of it; absent when the manifest does not name it (or none is read yet). */
  referral: ItemReferralSchema.optional(),
});
export type MediaItem = z.infer<typeof MediaItemSchema>;

/** A file that is not in the grid at all (not media, unreadable, a link), with why. */
export const ImportProblemSchema = z.object({
  relativePath: z.string(),
  error: MediaErrorSchema,
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/**
 * The fields of an item that the review reads to count it (its files, its stack's size, its match), read-only: what the
 * session hands the review without copying the item (copies with their digests made most of a recount's garbage).
 */
export type ListedItem = Readonly<Pick<MediaItem, 'id' | 'relativePath' | 'stackSize' | 'match'>> & { readonly duplicatePaths: readonly string[] };
