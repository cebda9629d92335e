import { z } from 'zod';
import { LimitQuantitySchema } from '../limits/cap-keys.js';
import { SettingsSchema } from '../settings/settings.js';

/**
 * Why something the user asked for did not happen, as the back end tells the renderer:
 * a closed set of codes, each with typed parameters, translated in the renderer (never an
 * English sentence on the wire). Adding a code here fails the translation test until both
 * languages have it.
 */

/** A top-level settings key: the renderer names it with the field's label, never the key itself. */
export const SettingKeySchema = z.enum(SettingsSchema.keyof().options);
export type SettingKey = z.infer<typeof SettingKeySchema>;

/** An operating-system error code (ENOENT, EACCES, ENOTDIR, EBUSY…), shown as the technical part. */
const OsCode = z.string();
const Path = z.string();
const Count = z.number().nonnegative();
const none = z.object({}).strict();

const reason = <C extends string, P extends z.ZodRawShape>(code: C, params: P) => z.object({ code: z.literal(code), params: z.object(params).strict() });
const plain = <C extends string>(code: C) => z.object({ code: z.literal(code), params: none });

export const ReasonSchema = z.discriminatedUnion('code', [
  // Requests that were refused or failed.
  plain('internal-error'),
  plain('invalid-request'),
  plain('no-answer'),
  reason('folder-missing', { path: Path }),
  reason('folder-is-file', { path: Path }),
  reason('folder-permission-denied', { path: Path }),
  reason('folder-unreadable', { path: Path, osCode: OsCode }),
  plain('case-not-open'),
  plain('item-not-in-case'),
  reason('setting-too-small', { setting: SettingKeySchema, min: z.number() }),
  reason('setting-too-large', { setting: SettingKeySchema, max: z.number() }),
  reason('setting-too-long', { setting: SettingKeySchema, maxChars: Count }),
  reason('setting-not-whole', { setting: SettingKeySchema }),
  reason('setting-invalid', { setting: SettingKeySchema }),
  plain('sharing-needs-folder'),
  reason('limit-day-above-week', { quantity: LimitQuantitySchema, dayMin: Count, weekMin: Count }),
  plain('limit-thresholds-order'),
  plain('break-micro-longer-than-rest'),
  plain('break-micro-less-often'),
  plain('break-warning-too-long'),
  plain('working-hours-empty'),
  reason('week-not-finished', { week: z.string() }),
  plain('sharing-off'),
  reason('week-range-too-long', { maxWeeks: Count }),
  plain('week-range-reversed'),
  // The weekly export (the investigator's side of team sharing).
  plain('export-invalid-summary'),
  reason('export-folder-missing', { path: Path }),
  reason('export-not-a-folder', { path: Path }),
  reason('export-read-only', { path: Path }),
  reason('export-permission-denied', { path: Path }),
  reason('export-disk-full', { path: Path }),
  reason('export-in-use', { path: Path }),
  reason('export-write-failed', { path: Path, osCode: OsCode }),
  // The lead's exports folder, and each file in it that was left out.
  reason('exports-folder-missing', { path: Path }),
  reason('exports-folder-not-a-folder', { path: Path }),
  reason('exports-folder-permission-denied', { path: Path }),
  reason('exports-folder-unreadable', { path: Path, osCode: OsCode }),
  plain('file-is-link'),
  plain('file-became-link'),
  plain('file-is-folder'),
  plain('file-is-pipe'),
  plain('file-is-special'),
  plain('file-changed-type'),
  reason('file-too-large', { sizeBytes: Count, limitBytes: Count }),
  reason('file-grew-too-large', { limitBytes: Count }),
  plain('file-vanished'),
  reason('file-permission-denied', { osCode: OsCode }),
  reason('file-unreadable', { osCode: OsCode }),
  plain('json-not-utf8'),
  plain('json-empty'),
  plain('json-cut-off'),
  plain('json-invalid'),
  reason('json-invalid-at', { position: Count }),
  plain('summary-not-an-object'),
  reason('summary-forbidden-key', { key: z.string() }),
  plain('summary-too-deep'),
  reason('summary-wrong-format', { expected: z.string() }),
  reason('summary-wrong-version', { found: z.number(), supported: Count }),
  reason('summary-no-version', { supported: Count }),
  plain('summary-invalid'),
  reason('summary-unknown-field', { field: z.string() }),
  reason('summary-field-missing', { field: z.string() }),
  reason('summary-field-wrong-type', { field: z.string() }),
  reason('summary-field-too-small', { field: z.string(), min: z.number() }),
  reason('summary-field-too-large', { field: z.string(), max: z.number() }),
  reason('summary-field-not-multiple', { field: z.string(), divisor: z.number() }),
  reason('summary-invalid-field', { field: z.string() }),
  // A case import that stopped, and folders inside a case that could not be read.
  reason('case-subfolder-unreadable', { osCode: OsCode }),
  reason('case-subfolder-partly-read', { osCode: OsCode }),
  // Media files the worker could not show (the tile says the kind of problem; this says more).
  plain('heic-damaged'),
  plain('heif-kind-unsupported'),
  reason('heif-several-images', { count: Count }),
  reason('image-declares-too-many-pixels', { widthPx: Count, heightPx: Count, limitPixels: Count }),
  reason('raw-photo-unsupported', { camera: z.string() }),
  // Videos the worker refused before decoding a frame (electron/media-worker/video-input.ts).
  plain('video-container-refused'),
  plain('video-damaged'),
  plain('video-no-picture'),
  reason('video-frame-too-large', { widthPx: Count, heightPx: Count, limitSidePx: Count, limitPixels: Count }),
  reason('video-too-many-streams', { count: Count, limit: Count }),
  reason('video-too-long', { durationHours: Count, limitHours: Count }),
  // A worker killed for holding more memory than a job may (electron/services/media/worker-pool-memory.ts).
  reason('media-memory-limit', { limitMb: Count }),
  // Known-material hash sets: a file refused whole, and the library folder.
  reason('hash-set-file-missing', { path: Path }),
  reason('hash-set-not-a-file', { path: Path }),
  reason('hash-set-unreadable', { path: Path, osCode: OsCode }),
  reason('hash-set-too-large', { sizeBytes: Count, limitBytes: Count }),
  plain('hash-set-not-json'),
  plain('hash-set-json-cut-off'),
  plain('hash-set-not-text'),
  plain('hash-set-not-a-hash-set'),
  plain('hash-set-empty'),
  reason('hash-set-no-good-records', { badRecords: Count }),
  plain('hash-set-import-running'),
  plain('hash-set-not-found'),
  reason('known-library-unusable', { path: Path, osCode: OsCode }),
  reason('known-library-newer', { path: Path }),
  // The review export (part 7): where it may go, and what stops it.
  reason('review-export-folder-not-full', { path: Path }),
  reason('review-export-in-data-folder', { path: Path }),
  reason('review-export-in-case-folder', { path: Path }),
  reason('review-export-unsaved', { count: Count }),
  plain('review-export-no-record'),
  reason('review-export-write-failed', { path: Path, osCode: OsCode }),
  // Referral manifests: a file refused whole, and a locked item.
  reason('referral-manifest-missing', { path: Path }),
  reason('referral-manifest-not-a-file', { path: Path }),
  reason('referral-manifest-unreadable', { path: Path, osCode: OsCode }),
  reason('referral-manifest-too-large', { sizeBytes: Count, limitBytes: Count }),
  plain('referral-manifest-empty'),
  plain('referral-manifest-not-text'),
  plain('referral-manifest-not-json'),
  plain('referral-manifest-json-cut-off'),
  plain('referral-manifest-no-file-column'),
  plain('referral-manifest-no-referral-columns'),
  reason('referral-manifest-no-good-rows', { badRows: Count }),
  plain('referral-item-locked'),
  plain('referral-authorisation-not-recorded'),
  plain('referral-authorisation-date-invalid'),
]);
export type Reason = z.infer<typeof ReasonSchema>;
export type ReasonCode = Reason['code'];

/** Every reason code, for the test that walks them all. */
export const REASON_CODES: readonly ReasonCode[] = ReasonSchema.options.map((option) => option.shape.code.value);

/** The parameters of one code. */
export type ReasonParams<C extends ReasonCode> = Extract<Reason, { code: C }>['params'];

/** A reason from its code and parameters, type-checked together (saves writing `{ code, params }` at every site). */
export function reasonOf<C extends ReasonCode>(code: C, params: ReasonParams<C>): Reason {
  return ReasonSchema.parse({ code, params });
}
