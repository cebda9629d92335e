import { protocol } from 'electron';
import { Readable } from 'node:stream';
import { RENDERER_CSP } from '../../shared/csp.js';
import type { MediaResponse } from '../services/media/media-route.js';
import type { MediaHandler } from '../services/veil-services.js';
import { readStaticFile } from '../services/renderer-files.js';
import { APP_SCHEME, MEDIA_SCHEME } from './scheme-names.js';

/**
 * Must run before `app.whenReady()`. Both schemes are standard and secure; the
 * media scheme can stream (video seeking) and be fetched. Neither bypasses the CSP.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

function toWebBody(body: MediaResponse['body']): ConstructorParameters<typeof Response>[0] {
  if (body === null) return null;
  if (body instanceof Uint8Array) return body;
  return Readable.toWeb(Readable.from(body));
}

/** Serves the renderer from `veil-app://renderer/…` and media from `veil-media://item/<id>/<kind>`. */
export function handleSchemes(rendererDir: string, handleMedia: MediaHandler): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'renderer') return new Response('not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    return new Response(file.bytes, {
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'item') return new Response('not found', { status: 404 });
    const range = request.headers.get('range');
    const media = await handleMedia(url.pathname.replace(/^\//, ''), url.searchParams, range ? { range } : {}, request.signal);
    return new Response(toWebBody(media.body), { status: media.status, headers: media.headers });
  });
}
