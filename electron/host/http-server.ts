import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { RequestHandlers } from '../../shared/contract.js';
import { RENDERER_CSP } from '../../shared/csp.js';
import { dispatchRequest } from '../../shared/dispatch.js';
import { API_PATH_PREFIX, EVENTS_PATH, MEDIA_PATH_PREFIX, TOKEN_HEADER, TOKEN_QUERY_PARAM } from '../../shared/host-routes.js';
import type { EventHub } from '../services/event-hub.js';
import type { MediaHandler } from '../services/veil-services.js';
import { tokenMatches } from './host-token.js';
import { readStaticFile } from '../services/renderer-files.js';

export interface BrowserHostOptions {
  handlers: RequestHandlers;
  hub: EventHub;
  handleMedia: MediaHandler;
  /** Called when the last event stream closes: no page is showing anything any more. */
  onLastPageGone?: () => void;
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const SSE_KEEPALIVE_MS = 15_000;
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${RENDERER_CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Uint8Array): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(value));
}

async function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return { ok: false, message: 'request body too large' };
    chunks.push(buffer);
  }
  if (size === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, message: 'request body is not JSON' };
  }
}

/**
 * The browser host: the same services as the Electron adapter, over HTTP on
 * 127.0.0.1 only, for development, demos and end-to-end tests. Every API, event
 * and media request needs the per-run token; the Host header must be our own
 * address (so a DNS-rebinding page cannot reach us).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningHost> {
  const openStreams = new Set<ServerResponse>();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = URL.parse(req.url ?? '/', 'http://127.0.0.1');
    // `//` or `//x:y` are not paths: a request line we cannot read is the client's error.
    if (url === null) return send(res, 400, { 'Content-Type': 'text/plain' }, 'bad request');
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, {}, 'wrong host');

    if (url.pathname.startsWith(API_PATH_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, { Allow: 'POST' }, 'POST only');
      if (!tokenMatches(options.token, req.headers[TOKEN_HEADER.toLowerCase()]?.toString())) {
        return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'missing or wrong token' } });
      }
      const body = await readJsonBody(req);
      if (!body.ok) return sendJson(res, 400, { ok: false, error: { code: 'invalid-arguments', message: body.message } });
      const reply = await dispatchRequest(options.handlers, url.pathname.slice(API_PATH_PREFIX.length), body.value);
      return sendJson(res, 200, reply);
    }

    if (url.pathname === EVENTS_PATH) {
      if (!tokenMatches(options.token, url.searchParams.get(TOKEN_QUERY_PARAM))) return send(res, 403, {}, 'forbidden');
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      // The stream has no replay: what happened before the page connected (an import that
      // ended while the page was still loading) reaches it only through this first state.
      // It is read before subscribing and only microtasks pass between the read and the
      // subscription, so no event can fall between them or arrive ahead of an older snapshot.
      const current = await options.handlers.getCase({}).catch(() => null);
      if (req.destroyed || res.destroyed) return;
      res.write(': connected\n\n');
      if (current !== null) res.write(`event: caseChanged\ndata: ${JSON.stringify(current)}\n\n`);
      openStreams.add(res);
      const unsubscribe = options.hub.subscribe((event) => {
        res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
      });
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), SSE_KEEPALIVE_MS);
      req.on('close', () => {
        clearInterval(keepalive);
        unsubscribe();
        openStreams.delete(res);
        if (openStreams.size === 0) options.onLastPageGone?.();
      });
      return;
    }

    if (url.pathname.startsWith(MEDIA_PATH_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, {}, 'GET only');
      if (!tokenMatches(options.token, url.searchParams.get(TOKEN_QUERY_PARAM))) return send(res, 403, {}, 'forbidden');
      const range = req.headers.range;
      // A picture the page gave up on (scrolled away) leaves the worker queue.
      const abandoned = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) abandoned.abort();
      });
      const media = await options.handleMedia(url.pathname.slice(MEDIA_PATH_PREFIX.length), url.searchParams, range ? { range } : {}, abandoned.signal);
      res.writeHead(media.status, { ...SECURITY_HEADERS, ...media.headers });
      if (media.body === null || req.method === 'HEAD') {
        res.end();
      } else if (media.body instanceof Uint8Array) {
        res.end(media.body);
      } else {
        const stream = Readable.from(media.body);
        stream.on('error', () => res.destroy());
        res.on('close', () => stream.destroy());
        stream.pipe(res);
      }
      return;
    }

    if (req.method !== 'GET') return send(res, 405, {}, 'GET only');
    // Browsers ask for an icon unprompted; the CSP forbids a data: icon, so answer "none".
    if (url.pathname === '/favicon.ico') return send(res, 204, {}, '');
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, { 'Content-Type': 'text/plain' }, 'not found');
    return send(res, 200, { 'Content-Type': file.contentType }, file.bytes);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The error stays in the log: its text could name files on this machine.
      console.error('browser host request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'failed', message: 'internal error' } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  const address = server.address();
  port = isAddressInfo(address) ? address.port : options.port;
  return {
    port,
    url: `http://127.0.0.1:${port}/?${TOKEN_QUERY_PARAM}=${options.token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const stream of openStreams) stream.end();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

function isAddressInfo(value: string | AddressInfo | null): value is AddressInfo {
  return typeof value === 'object' && value !== null;
}
