import type { Readable } from 'node:stream';
import { parseMediaPath, type MediaRequest } from '../../../shared/media/derivative.js';
import { parseVeiledStart } from '../../../shared/media/veiled-start.js';
import { VIDEO_MIME_TYPES, type MediaFormat } from '../../../shared/media/media-kinds.js';
import { parseByteRange } from './byte-range.js';
import type { MediaService } from './media-service.js';

/**
 * An answer both adapters can send. `body` is bytes for stills and error JSON, a Node
 * Readable for video originals (the browser host pipes it into its ServerResponse; the
 * Electron adapter wraps it with `Readable.toWeb()` for protocol.handle's Response), or
 * null. An adapter that does not consume a Readable body must `destroy()` it, which
 * closes the file.
 */
export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | Readable | null;
}

/** nginx's "client closed request": nobody reads it, but it is not a success. */
const STATUS_CLIENT_GONE = 499;

/** Sent with every answer: nothing is cached by the renderer, nothing is sniffed. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function jsonResponse(status: number, code: string, detail: string, extraHeaders: Record<string, string> = {}): MediaResponse {
  const body = new TextEncoder().encode(JSON.stringify({ code, detail }));
  return {
    status,
    headers: {
      ...BASE_HEADERS,
      ...extraHeaders,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.byteLength),
    },
    body,
  };
}

function videoMime(format: MediaFormat): string {
  return format === 'mp4' || format === 'webm' || format === 'mov' ? VIDEO_MIME_TYPES[format] : 'application/octet-stream';
}

/**
 * Answers a media URL: `pathAfterPrefix` is `<itemId>/<kind>` exactly as it came after the
 * adapter's prefix (not decoded), `query` its query string. Only the opaque id selects a
 * file; nothing from the URL becomes a path. Stills: 200 JPEG, or 422 {code, detail} when
 * the file cannot be shown. Originals: videos only (403 for images), with Range support.
 * 400 malformed, 404 unknown item, 503 when the media workers are down.
 */
export async function handleMediaRequest(
  service: MediaService,
  pathAfterPrefix: string,
  query: URLSearchParams,
  headers: { range?: string },
  signal?: AbortSignal,
): Promise<MediaResponse> {
  const parsed = parseMediaPath(pathAfterPrefix, query);
  if (!parsed.ok) return jsonResponse(400, 'bad-request', parsed.reason);
  const { request } = parsed;
  if (request.kind === 'original') return serveOriginal(service, request.itemId, headers.range);
  if (request.kind === 'veiled') {
    const start = parseVeiledStart(query);
    if (!start.ok) return jsonResponse(400, 'bad-request', start.reason);
    return serveVeiled(service, request, { whole: query.get('whole') === '1', fromSec: start.startSec }, headers.range, signal);
  }

  const result = await service.getStill(request, signal);
  if (result.ok) {
    return {
      status: 200,
      headers: { ...BASE_HEADERS, 'Content-Type': result.mime, 'Content-Length': String(result.bytes.byteLength) },
      body: result.bytes,
    };
  }
  if ('error' in result) return jsonResponse(422, result.error.code, result.error.detail);
  switch (result.refused) {
    case 'unknown-item':
    case 'not-an-image':
    case 'not-a-still':
      return jsonResponse(404, result.refused, result.detail);
    case 'unavailable':
      return jsonResponse(503, 'media-unavailable', result.detail);
    case 'aborted':
      return jsonResponse(STATUS_CLIENT_GONE, 'aborted', result.detail);
    case 'known-hidden':
    case 'referral-locked':
    case 'veil-too-weak':
      return jsonResponse(403, result.refused, result.detail);
  }
}

/**
 * A video's veiled derivative. Finished: bytes with Range support, so the player seeks in it.
 * Still being made: a 200 stream of it from its first byte without a length, which Chromium
 * plays as it arrives but cannot seek in; `&from=<seconds>` (what the player asks to seek past
 * what it has) is another one that starts there (or the whole one, when it is finished);
 * `&whole=1` waits for the whole of it, served with ranges.
 */
async function serveVeiled(
  service: MediaService,
  request: MediaRequest,
  options: { whole: boolean; fromSec: number },
  rangeHeader: string | undefined,
  signal: AbortSignal | undefined,
): Promise<MediaResponse> {
  const read = await service.openVeiled(request, options);
  if (!read.ok) {
    if ('error' in read) return jsonResponse(422, read.error.code, read.error.detail);
    const status = read.refused === 'unknown-item' || read.refused === 'not-a-video' ? 404 : read.refused === 'unavailable' ? 503 : 403;
    return jsonResponse(status, read.refused, read.detail);
  }
  const common = { ...BASE_HEADERS, 'Content-Type': 'video/webm' };
  if (!read.complete) return { status: 200, headers: common, body: read.stream(signal) };
  const { bytes } = read;
  const range = parseByteRange(rangeHeader, bytes.byteLength);
  if (range.kind === 'unsatisfiable') {
    return jsonResponse(416, 'range-not-satisfiable', `the video has ${bytes.byteLength} bytes`, { 'Content-Range': `bytes */${bytes.byteLength}` });
  }
  if (range.kind === 'whole') return { status: 200, headers: { ...common, 'Accept-Ranges': 'bytes', 'Content-Length': String(bytes.byteLength) }, body: bytes };
  const { startByte, endByte } = range;
  return {
    status: 206,
    headers: {
      ...common,
      'Accept-Ranges': 'bytes',
      'Content-Length': String(endByte - startByte + 1),
      'Content-Range': `bytes ${startByte}-${endByte}/${bytes.byteLength}`,
    },
    body: bytes.subarray(startByte, endByte + 1),
  };
}

async function serveOriginal(service: MediaService, itemId: string, rangeHeader: string | undefined): Promise<MediaResponse> {
  const opened = await service.openOriginal(itemId);
  if (!opened.ok) {
    if ('error' in opened) return jsonResponse(422, opened.error.code, opened.error.detail);
    return jsonResponse(opened.refused === 'unknown-item' ? 404 : 403, opened.refused, opened.detail);
  }
  const { handle, sizeBytes } = opened;
  const range = parseByteRange(rangeHeader, sizeBytes);
  const contentType = videoMime(opened.format);
  if (range.kind === 'unsatisfiable') {
    await handle.close();
    return jsonResponse(416, 'range-not-satisfiable', `the file has ${sizeBytes} bytes`, { 'Content-Range': `bytes */${sizeBytes}` });
  }
  const common = { ...BASE_HEADERS, 'Content-Type': contentType, 'Accept-Ranges': 'bytes' };
  if (range.kind === 'whole') {
    return {
      status: 200,
      headers: { ...common, 'Content-Length': String(sizeBytes) },
      // autoClose (the default) closes the handle when the stream ends or is destroyed.
      body: handle.createReadStream({ start: 0 }),
    };
  }
  const { startByte, endByte } = range;
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Length': String(endByte - startByte + 1),
      'Content-Range': `bytes ${startByte}-${endByte}/${sizeBytes}`,
    },
    body: handle.createReadStream({ start: startByte, end: endByte }),
  };
}
