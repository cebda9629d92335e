import { z } from 'zod';
import { describeReason } from './reasons/describe-reason.js';
import { ReasonSchema, type Reason } from './reasons/reason.js';

/**
 * How a failed request travels back to the renderer. `invalid-arguments` and
 * `unknown-request` are the caller's fault; what a user reads comes from `reason`,
 * translated in the renderer. `message` is English for logs and bug reports only.
 */
const RequestErrorCodeSchema = z.enum(['unknown-request', 'invalid-arguments', 'failed', 'forbidden']);
export type RequestErrorCode = z.infer<typeof RequestErrorCodeSchema>;

const RequestErrorSchema = z.object({ code: RequestErrorCodeSchema, message: z.string(), reason: ReasonSchema.optional() });

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
    /** What the user is told; absent for a caller's mistake (the renderer then says the request was invalid). */
    readonly reason?: Reason,
  ) {
    super(message);
    this.name = 'VeilRequestError';
  }

  /** A refusal the user reads: the reason travels, its one-line description is the log message. */
  static because(reason: Reason, code: RequestErrorCode = 'failed'): VeilRequestError {
    return new VeilRequestError(code, describeReason(reason), reason);
  }
}

/** Turns zod issues into one sentence naming each bad field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}
