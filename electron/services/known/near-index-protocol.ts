import { z } from 'zod';

/**
 * The messages between the main side (near-index-client.ts) and the thread that indexes the
 * library's PDQ hashes (near-index-worker.ts). Both ends validate what they receive.
 */

/** The worker's `workerData`: which library file, and which sets in which order (ascending id). */
export const NearIndexJobSchema = z.object({
  libraryFile: z.string().min(1),
  setIds: z.array(z.number().int().positive()),
});
export type NearIndexJob = z.infer<typeof NearIndexJobSchema>;

const words = z.instanceof(Uint32Array);

/** The tables of near-tables.ts, as they cross the thread boundary (transferred, not copied). */
const NearTablesSchema = z.object({
  count: z.number().int().nonnegative(),
  words,
  sourceOfRow: words,
  categoryOfRow: words,
  categories: z.array(z.string()),
  offsets: z.array(words),
  rowAt: z.array(words),
});

/** The worker's one message: the tables, or why it could not build them. */
export const NearIndexReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), tables: NearTablesSchema }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type NearIndexReply = z.infer<typeof NearIndexReplySchema>;
