import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDerivativeCache } from '../../../../../electron/services/media/derivative-cache.js';
import { createMediaService } from '../../../../../electron/services/media/media-service.js';
import { handleMediaRequest } from '../../../../../electron/services/media/media-route.js';
import type { VeiledVideoJob, VeiledVideoOptions, VeiledVideoOutcome } from '../../../../../electron/services/media/worker-pool-api.js';
import { parseVeiledStart, veiledUrlFrom } from '../../../../../shared/media/veiled-start.js';
import { IDS, fakePool, makeCaseFolder, type CaseFolder } from './case-folder.js';

let folder: CaseFolder;
beforeEach(async () => {
  folder = await makeCaseFolder();
});
afterEach(async () => {
  await folder.cleanup();
});

/** A pool whose veiled videos are one chunk naming where they start, then done. */
function setup() {
  const runVeiledVideo = vi.fn(async (job: VeiledVideoJob, options: VeiledVideoOptions): Promise<VeiledVideoOutcome> => {
    const bytes = new TextEncoder().encode(`webm from ${job.startSec ?? 0}`);
    options.onChunk(bytes);
    return { ok: true, mime: 'video/webm', widthPx: 64, heightPx: 36, totalBytes: bytes.byteLength };
  });
  const pool = { ...fakePool(), runVeiledVideo };
  const service = createMediaService({ pool, cache: createDerivativeCache({ maxBytes: 1 << 20 }), lookupItem: folder.lookupItem, onItemFailed: () => {} });
  const get = (query: string) => handleMediaRequest(service, `${IDS.clip}/veiled`, new URLSearchParams(query), {});
  return { runVeiledVideo, get };
}

const text = (body: unknown) => (body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body));

describe('a veiled video from a time (&from=)', () => {
  it('is made by the worker from that time, and answered by the whole one once that is kept', async () => {
    const { runVeiledVideo, get } = setup();
    const from = await get('grey=1&blur=strong&from=312.5');
    expect(from.status).toBe(200);
    expect(runVeiledVideo).toHaveBeenCalledTimes(1);
    expect(runVeiledVideo.mock.calls[0]?.[0]).toMatchObject({ startSec: 312.5, greyscale: true, blur: 'strong' });
    expect(text(from.body)).toBe('webm from 312.5');
    // The whole derivative, once made, is kept: a later seek is served from it with ranges (the player seeks in it).
    const whole = await get('grey=1&blur=strong');
    expect(text(whole.body)).toBe('webm from 0');
    expect(runVeiledVideo.mock.calls[1]?.[0]).not.toHaveProperty('startSec');
    const later = await get('grey=1&blur=strong&from=40');
    expect(later.headers['Accept-Ranges']).toBe('bytes');
    expect(text(later.body)).toBe('webm from 0');
    expect(runVeiledVideo).toHaveBeenCalledTimes(2);
  });

  it.each(['-1', '1e3', 'abc', '0x10', ' 5', '5.1234', '90000', 'Infinity', ''])('refuses from=%j with 400 before any job', async (raw) => {
    const { runVeiledVideo, get } = setup();
    const response = await get(`grey=1&blur=strong&from=${encodeURIComponent(raw)}`);
    expect(response.status).toBe(400);
    expect(runVeiledVideo).not.toHaveBeenCalled();
  });

  it('still refuses a locked or unknown item before any job, from a time or not', async () => {
    const { runVeiledVideo } = setup();
    const service = createMediaService({
      pool: { ...fakePool(), runVeiledVideo },
      cache: createDerivativeCache({ maxBytes: 1 << 20 }),
      lookupItem: async (itemId) => {
        const item = await folder.lookupItem(itemId);
        return item === null ? null : { ...item, referralLocked: true };
      },
      onItemFailed: () => {},
    });
    const locked = await handleMediaRequest(service, `${IDS.clip}/veiled`, new URLSearchParams('grey=1&blur=strong&from=30'), {});
    expect(locked.status).toBe(403);
    const unknown = await handleMediaRequest(service, 'nobody-0001/veiled', new URLSearchParams('grey=1&blur=strong&from=30'), {});
    expect(unknown.status).toBe(404);
    expect(runVeiledVideo).not.toHaveBeenCalled();
  });

  it('writes the start the route reads back, to the millisecond', () => {
    for (const sec of [0, 0.0004, 30, 312.5, 61.23456]) {
      const query = new URL(veiledUrlFrom('http://x/it/veiled?grey=1&blur=strong', sec)).searchParams;
      expect(parseVeiledStart(query)).toEqual({ ok: true, startSec: Math.round(sec * 1000) / 1000 });
    }
    expect(parseVeiledStart(new URLSearchParams('grey=1'))).toEqual({ ok: true, startSec: 0 });
  });
});
