import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDerivativeCache } from '../../../../../electron/services/media/derivative-cache.js';
import { createMediaService } from '../../../../../electron/services/media/media-service.js';
import { handleMediaRequest, type MediaResponse } from '../../../../../electron/services/media/media-route.js';
import { PoolUnavailableError, type DeriveOutcome } from '../../../../../electron/services/media/worker-pool.js';
import { IDS, SECRET, TINY_JPEG, VIDEO_BYTES, fakePool, makeCaseFolder, type CaseFolder } from './case-folder.js';

let folder: CaseFolder;

beforeEach(async () => {
  folder = await makeCaseFolder();
});

afterEach(async () => {
  await folder.cleanup();
});

function setup(outcome?: DeriveOutcome | (() => Promise<DeriveOutcome>)) {
  const pool = fakePool(outcome);
  const lookupItem = vi.fn(folder.lookupItem);
  const service = createMediaService({ pool, cache: createDerivativeCache({ maxBytes: 1 << 20 }), lookupItem, onItemFailed: () => {} });
  const get = (pathAfterPrefix: string, query = 'grey=1&blur=strong', range?: string) =>
    handleMediaRequest(service, pathAfterPrefix, new URLSearchParams(query), range === undefined ? {} : { range });
  return { pool, lookupItem, get };
}

async function bodyBytes(response: MediaResponse): Promise<Buffer> {
  if (response.body === null) return Buffer.alloc(0);
  if (response.body instanceof Uint8Array) return Buffer.from(response.body);
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function bodyJson(response: MediaResponse): Promise<unknown> {
  return JSON.parse((await bodyBytes(response)).toString('utf8'));
}

describe('still derivatives', () => {
  it('answers 200 with the JPEG and protective headers', async () => {
    const { get } = setup();
    const response = await get(`${IDS.photo}/thumb`);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'Content-Type': 'image/jpeg',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': String(TINY_JPEG.byteLength),
    });
    expect(await bodyBytes(response)).toEqual(Buffer.from(TINY_JPEG));
  });

  it('answers 422 with the reason when the file cannot be shown', async () => {
    const { get } = setup({ ok: false, error: { code: 'decode-failed', detail: 'VipsJpeg: premature end of JPEG image' } });
    const response = await get(`${IDS.photo}/view`);
    expect(response.status).toBe(422);
    expect(response.headers['Content-Type']).toMatch(/^application\/json/);
    expect(await bodyJson(response)).toEqual({ code: 'decode-failed', detail: 'VipsJpeg: premature end of JPEG image' });
  });

  it('answers 503 when the media workers are shut down', async () => {
    const { get } = setup(() => Promise.reject(new PoolUnavailableError('closed', 'the media worker pool is shut down')));
    const response = await get(`${IDS.photo}/thumb`);
    expect(response.status).toBe(503);
  });

  it('answers 404 for a still of a video', async () => {
    const { get, pool } = setup();
    expect((await get(`${IDS.clip}/thumb`)).status).toBe(404);
    expect(pool.run).not.toHaveBeenCalled();
  });
});

describe('refusals: nothing from the URL becomes a path', () => {
  const attempts = [
    '../outside/secret.jpg',
    `../${IDS.photo}/thumb`,
    `${IDS.photo}/../../outside/secret.jpg`,
    '%2e%2e/thumb',
    '%2e%2e%2foutside%2fsecret.jpg/thumb',
    `..%2f${IDS.photo}/thumb`,
    `${IDS.photo}%2f..%2f..%2foutside/thumb`,
    `..%5c..%5coutside%5csecret.jpg/thumb`,
    `${IDS.photo}%5c..%5csecret/view`,
    '/etc/passwd',
    `/${IDS.photo}/thumb`,
    '/tmp/veil-case/outside/secret.jpg/thumb',
    'C:%5cWindows%5cwin.ini/thumb',
    `${IDS.photo}/thumb/extra`,
    `${IDS.photo}/thumb/`,
    `${IDS.photo}`,
    `${IDS.photo}/secret.jpg`,
    `${IDS.photo}/`,
    '',
    `${IDS.photo}%00/thumb`,
    'short/thumb',
  ];

  it.each(attempts)('refuses %j with no bytes of any file', async (attempt) => {
    const { get, pool } = setup();
    const response = await get(attempt);
    expect([400, 404]).toContain(response.status);
    const bytes = await bodyBytes(response);
    expect(bytes.includes(SECRET)).toBe(false);
    expect(bytes.includes(Buffer.from(TINY_JPEG))).toBe(false);
    expect(response.headers['Content-Type']).toMatch(/^application\/json/);
    expect(pool.run).not.toHaveBeenCalled();
  });

  it('answers 404 for a well-formed id the case does not know', async () => {
    const { get, lookupItem } = setup();
    const response = await get('abcdefgh12/thumb');
    expect(response.status).toBe(404);
    expect(lookupItem).toHaveBeenCalledWith('abcdefgh12');
  });

  it('refuses unknown kinds and filter values', async () => {
    const { get } = setup();
    expect((await get(`${IDS.photo}/raw`)).status).toBe(400);
    expect((await get(`${IDS.photo}/thumb`, 'grey=1&blur=none')).status).toBe(400);
  });

  it('refuses a style it does not know rather than falling back to a weaker one, and passes a known one to the worker', async () => {
    const { get, pool } = setup();
    expect((await get(`${IDS.photo}/thumb`, 'grey=1&blur=strong&style=none')).status).toBe(400);
    expect((await get(`${IDS.photo}/thumb`, 'grey=1&blur=strong&style=')).status).toBe(400);
    expect(pool.run).not.toHaveBeenCalled();
    expect((await get(`${IDS.photo}/thumb`, 'grey=1&blur=strong&style=silhouette')).status).toBe(200);
    expect(pool.run).toHaveBeenLastCalledWith(expect.objectContaining({ style: 'silhouette', blur: 'strong', greyscale: true }), expect.anything());
  });
});

describe('video originals', () => {
  it('refuses the original of an image with 403', async () => {
    const { get } = setup();
    const response = await get(`${IDS.photo}/original`);
    expect(response.status).toBe(403);
    expect((await bodyBytes(response)).includes('stand-in for a photo')).toBe(false);
  });

  it('streams the whole video with Accept-Ranges', async () => {
    const { get } = setup();
    const response = await get(`${IDS.clip}/original`);
    expect(response.status).toBe(200);
    expect(response.body).toBeInstanceOf(Readable);
    expect(response.headers).toMatchObject({
      'Content-Type': 'video/mp4',
      'Accept-Ranges': 'bytes',
      'Content-Length': '5000',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(await bodyBytes(response)).toEqual(Buffer.from(VIDEO_BYTES));
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=1000-1999', 1000, 1999],
    ['bytes=4990-', 4990, 4999],
    ['bytes=-10', 4990, 4999],
    ['bytes=4000-999999', 4000, 4999],
  ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
    const { get } = setup();
    const response = await get(`${IDS.clip}/original`, '', range);
    expect(response.status).toBe(206);
    expect(response.headers['Content-Range']).toBe(`bytes ${start}-${end}/5000`);
    expect(response.headers['Content-Length']).toBe(String(end - start + 1));
    expect(await bodyBytes(response)).toEqual(Buffer.from(VIDEO_BYTES.subarray(start, end + 1)));
  });

  it('answers 416 for a range past the end', async () => {
    const { get } = setup();
    const response = await get(`${IDS.clip}/original`, '', 'bytes=5000-5100');
    expect(response.status).toBe(416);
    expect(response.headers['Content-Range']).toBe('bytes */5000');
  });

  it('refuses a video symlinked to outside the case', async () => {
    const { get } = setup();
    const response = await get(`${IDS.clipLink}/original`, '', 'bytes=0-');
    expect(response.status).toBe(422);
    expect(await bodyJson(response)).toMatchObject({ code: 'symlink-skipped' });
    expect((await bodyBytes(response)).includes(SECRET)).toBe(false);
  });

  it('refuses a still whose file was swapped for a link to outside the case', async () => {
    const { get, pool } = setup();
    const response = await get(`${IDS.photoLink}/view`);
    expect(response.status).toBe(422);
    expect(await bodyJson(response)).toMatchObject({ code: 'symlink-skipped' });
    expect(pool.run).not.toHaveBeenCalled();
  });
});
