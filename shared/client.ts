import { events, requests, type EventListener, type EventName, type RequestArgsIn, type RequestName, type RequestResults } from './contract.js';
import { ReplySchema, VeilRequestError } from './contract-errors.js';
import { mediaPathAndQuery, type MediaRequest } from './media/derivative.js';

/**
 * What an adapter must provide to the renderer: send a request and get the raw
 * reply, subscribe to raw events, and a prefix under which media is served.
 * Everything typed is built on top of this in `createClient`.
 */
export interface Transport {
  request(name: RequestName, args: unknown): Promise<unknown>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
  /** e.g. `veil-media://item/` or `/media/`; `mediaQuerySuffix` adds e.g. the host token. */
  mediaPrefix: string;
  mediaQuerySuffix: string;
}

export interface VeilClient {
  call<N extends RequestName>(name: N, args: RequestArgsIn[N]): Promise<RequestResults[N]>;
  on<N extends EventName>(name: N, listener: EventListener<N>): () => void;
  /** The URL of an item's derivative; features never assemble media URLs themselves. */
  mediaUrl(request: MediaRequest): string;
}

/**
 * A typed client over any transport. Replies and events are validated against
 * the contract, so a result the renderer uses has the type the contract promises
 * (no casts), and a malformed event is dropped rather than trusted.
 */
export function createClient(transport: Transport, onDroppedEvent?: (name: EventName, why: string) => void): VeilClient {
  return {
    async call(name, args) {
      const reply = ReplySchema.parse(await transport.request(name, args));
      if (!reply.ok) throw new VeilRequestError(reply.error.code, reply.error.message, reply.error.reason);
      return requests[name].result.parse(reply.result);
    },
    on(name, listener) {
      return transport.subscribe(name, (payload) => {
        const parsed = events[name].safeParse(payload);
        if (parsed.success) listener(parsed.data);
        else onDroppedEvent?.(name, parsed.error.message);
      });
    },
    mediaUrl(request) {
      const pathAndQuery = mediaPathAndQuery(request);
      return `${transport.mediaPrefix}${pathAndQuery}${transport.mediaQuerySuffix}`;
    },
  };
}
