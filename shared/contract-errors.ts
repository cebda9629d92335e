import { z } from 'zod';

/**
 * How a failed request travels back to the renderer. `invalid-arguments` and
 * `unknown-request` are the caller's fault; `failed` carries a message a user can read.
 */
const RequestErrorCodeSchema = z.enum(['unknown-request', 'invalid-arguments', 'failed', 'forbidden']);
export type RequestErrorCode = z.infer<typeof RequestErrorCodeSchema>;

const RequestErrorSchema = z.object({ code: RequestErrorCodeSchema, message: z.string() });

/** A request's answer on the wire (browser host JSON and Electron IPC alike). */
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: RequestErrorSchema }),
]);
export type Reply = z.infer<typeof ReplySchema>;

export class VeilRequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VeilRequestError';
  }
}

/** Turns zod issues into one sentence naming each bad field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
