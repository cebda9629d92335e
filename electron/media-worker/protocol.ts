import { z } from 'zod';
import { MediaErrorSchema } from '../../shared/case/media-item.js';
import { BlurLevelSchema, FilterStyleSchema } from '../../shared/media/filter-profile.js';

/**
 * Messages between the main side and the media worker. Both sides validate what they
 * receive: the worker treats the main side as a peer, and the main side treats the
 * worker (which parses hostile files) as untrusted.
 */
export const JobIdSchema = z.number().int().nonnegative();

/** Long edges above this are not a derivative Veil would ask for. */
const MAX_LONG_EDGE_PX = 8192;

const DeriveRequestSchema = z
  .object({
    jobId: JobIdSchema,
    filePath: z.string().min(1).max(4096),
    longEdgePx: z.number().int().min(1).max(MAX_LONG_EDGE_PX),
    greyscale: z.boolean(),
    blur: BlurLevelSchema,
    /** How detail is taken away; 'blur' when absent. */
    style: FilterStyleSchema.optional(),
    /** Also hash the picture with PDQ, from the same decode (a grid thumbnail of an image not yet hashed). */
    withPdq: z.boolean().optional(),
  })
  .strict();

/** PDQ alone, no picture back: the background pass over images no thumbnail has hashed yet. */
const PdqRequestSchema = z
  .object({
    jobId: JobIdSchema,
    pdqOnly: z.literal(true),
    filePath: z.string().min(1).max(4096),
  })
  .strict();

/** A video's storyboard grid (video-storyboard.ts), filtered like a thumbnail; the reply is a derive reply. */
const StoryboardRequestSchema = z
  .object({
    jobId: JobIdSchema,
    storyboard: z.literal(true),
    filePath: z.string().min(1).max(4096),
    greyscale: z.boolean(),
    blur: BlurLevelSchema,
    style: FilterStyleSchema.optional(),
  })
  .strict();

/** A video's veiled derivative (video-veiled.ts): chunk messages while it is encoded, then a VeiledVideoDone reply. */
const VeiledVideoRequestSchema = z
  .object({
    jobId: JobIdSchema,
    veiledVideo: z.literal(true),
    filePath: z.string().min(1).max(4096),
    greyscale: z.boolean(),
    blur: BlurLevelSchema,
    style: FilterStyleSchema.optional(),
    /** Seconds into the original where the derivative starts (a seek past what was encoded); at most a day, the longest video opened. */
    startSec: z
      .number()
      .finite()
      .min(0)
      .max(24 * 3600)
      .optional(),
  })
  .strict();

/** Anything the main side sends a worker (every kind is strict, so a request is exactly one of them). */
export const WorkerRequestSchema = z.union([DeriveRequestSchema, PdqRequestSchema, StoryboardRequestSchema, VeiledVideoRequestSchema]);

/** Stops the running veiled video `cancelJobId` (the viewer left the item); the worker sends nothing more for it. */
export const CancelJobSchema = z.object({ cancelJobId: JobIdSchema }).strict();
export type CancelJob = z.infer<typeof CancelJobSchema>;
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

/**
 * A picture's PDQ hash: 64 lower-case hex digits and PDQ's quality 0–100, with the picture's
 * own width and height in pixels (the file's, whatever the decode was shrunk to), which choose
 * the largest copy of a stack as its representative. Null for a picture PDQ cannot hash (under
 * 5 pixels on a side); a file that cannot be decoded is an error instead.
 */
const PdqValueSchema = z
  .object({
    hex: z.string().regex(/^[0-9a-f]{64}$/, 'not 64 lower-case hex digits'),
    quality: z.number().int().min(0).max(100),
    widthPx: z.number().int().positive(),
    heightPx: z.number().int().positive(),
  })
  .strict()
  .nullable();
export type PdqValue = z.infer<typeof PdqValueSchema>;

const StillMimeSchema = z.literal('image/jpeg');

const DeriveSuccessSchema = z
  .object({
    jobId: JobIdSchema,
    ok: z.literal(true),
    // z.custom, not z.instanceof: the bytes may sit on any ArrayBuffer (a Node Buffer's pool).
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes'),
    mime: StillMimeSchema,
    widthPx: z.number().int().positive(),
    heightPx: z.number().int().positive(),
    /** Present exactly when the request asked `withPdq`. */
    pdq: PdqValueSchema.optional(),
  })
  .strict();

const DeriveFailureSchema = z
  .object({
    jobId: JobIdSchema,
    ok: z.literal(false),
    error: MediaErrorSchema,
  })
  .strict();

type DeriveFailure = z.infer<typeof DeriveFailureSchema>;
export type DeriveReply = z.infer<typeof DeriveSuccessSchema> | DeriveFailure;

const PdqSuccessSchema = z.object({ jobId: JobIdSchema, ok: z.literal(true), pdq: PdqValueSchema }).strict();

/** Part of a veiled video, in order; the job's time-out starts again with each one. */
const VeiledChunkSchema = z.object({ jobId: JobIdSchema, chunk: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes') }).strict();
export type VeiledChunk = z.infer<typeof VeiledChunkSchema>;

const VeiledDoneSchema = z
  .object({
    jobId: JobIdSchema,
    ok: z.literal(true),
    mime: z.literal('video/webm'),
    widthPx: z.number().int().positive(),
    heightPx: z.number().int().positive(),
    totalBytes: z.number().int().nonnegative(),
  })
  .strict();
export type VeiledVideoReply = z.infer<typeof VeiledDoneSchema> | DeriveFailure;

/** The reply to a PDQ-only request; a failure is the same as a derive failure. */
export type PdqReply = z.infer<typeof PdqSuccessSchema> | DeriveFailure;

/** Sent once when the worker has configured sharp and listens: a crash before it is a start-up failure. */
const WorkerReadySchema = z.object({ ready: z.literal(true) }).strict();
export type WorkerReady = z.infer<typeof WorkerReadySchema>;

/** The pool checks that a reply is of the kind its job asked for (a PDQ reply to a derive job is malformed). */
export const WorkerMessageSchema = z.union([
  WorkerReadySchema,
  DeriveSuccessSchema,
  PdqSuccessSchema,
  VeiledDoneSchema,
  VeiledChunkSchema,
  DeriveFailureSchema,
]);
