import { z } from 'zod';
import { MediaErrorSchema } from '../../shared/case/media-item.js';
import { BlurLevelSchema } from '../../shared/media/filter-profile.js';

/**
 * Messages between the main side and the media worker. Both sides validate what they
 * receive: the worker treats the main side as a peer, and the main side treats the
 * worker (which parses hostile files) as untrusted.
 */
export const JobIdSchema = z.number().int().nonnegative();

/** Long edges above this are not a derivative Veil would ask for. */
const MAX_LONG_EDGE_PX = 8192;

export const DeriveRequestSchema = z
  .object({
    jobId: JobIdSchema,
    filePath: z.string().min(1).max(4096),
    longEdgePx: z.number().int().min(1).max(MAX_LONG_EDGE_PX),
    greyscale: z.boolean(),
    blur: BlurLevelSchema,
  })
  .strict();
export type DeriveRequest = z.infer<typeof DeriveRequestSchema>;

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
  })
  .strict();

const DeriveFailureSchema = z
  .object({
    jobId: JobIdSchema,
    ok: z.literal(false),
    error: MediaErrorSchema,
  })
  .strict();

export const DeriveReplySchema = z.discriminatedUnion('ok', [DeriveSuccessSchema, DeriveFailureSchema]);
export type DeriveReply = z.infer<typeof DeriveReplySchema>;

/** Sent once when the worker has configured sharp and listens: a crash before it is a start-up failure. */
const WorkerReadySchema = z.object({ ready: z.literal(true) }).strict();
export type WorkerReady = z.infer<typeof WorkerReadySchema>;

export const WorkerMessageSchema = z.union([WorkerReadySchema, DeriveReplySchema]);
