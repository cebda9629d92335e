import { requests, isRequestName, type RequestHandlers, type RequestName } from './contract.js';
import { describeZodError, VeilRequestError, type Reply } from './contract-errors.js';
import { reasonOf } from './reasons/reason.js';
import { settingsReason } from './reasons/settings-reason.js';

async function run<N extends RequestName>(handlers: RequestHandlers, name: N, rawArgs: unknown): Promise<unknown> {
  const parsed = requests[name].args.safeParse(rawArgs);
  if (!parsed.success) {
    // A settings value out of range is the user's to fix, so it says which setting and why.
    const reason = name === 'updateSettings' ? settingsReason(parsed.error, rawArgs) : reasonOf('invalid-request', {});
    throw new VeilRequestError('invalid-arguments', `${name}: ${describeZodError(parsed.error)}`, reason);
  }
  return handlers[name](parsed.data);
}

/**
 * Validates and runs one request from either adapter. Never throws: every failure
 * becomes an error reply, so a bad call from the renderer can crash nothing.
 */
export async function dispatchRequest(handlers: RequestHandlers, name: string, rawArgs: unknown): Promise<Reply> {
  if (!isRequestName(name)) {
    return { ok: false, error: { code: 'unknown-request', message: `unknown request "${name}"`, reason: reasonOf('invalid-request', {}) } };
  }
  try {
    return { ok: true, result: await run(handlers, name, rawArgs) };
  } catch (error) {
    if (error instanceof VeilRequestError)
      return { ok: false, error: { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message, reason: reasonOf('internal-error', {}) } };
  }
}
