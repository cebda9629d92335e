import type { FileHandle } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';
import type { MediaError } from '../../../shared/case/media-item.js';
import { DERIVATIVE_LONG_EDGE_PX, type MediaRequest } from '../../../shared/media/derivative.js';
import type { MediaFormat, MediaKind } from '../../../shared/media/media-kinds.js';
import { openInsideCase, resolveInsideCase } from './contained-file.js';
import { blameDamageNotFormat } from './damaged-not-unsupported.js';
import { derivativeKey, keyItemAndKind, StillWithdrawnError, type DerivativeCache } from './derivative-cache.js';
import { PoolUnavailableError, type DeriveOutcome, type MediaWorkerPool } from './worker-pool.js';
import { VeiledVideoStore, type VeiledVideoRead } from './veiled-video-store.js';
import type { PdqValue } from '../../media-worker/protocol.js';
import type { PictureFloor } from '../../../shared/referral/referral-settings.js';

/** What the case session knows about an item; null for an id it does not know. */
export interface MediaItemLocation {
  absolutePath: string;
  kind: MediaKind;
  format: MediaFormat;
  caseRoot: string;
  /** Known material the investigator has not chosen to see: refused before any cache or worker. */
  knownHidden: boolean;
  /** A PDQ near match of known material: its grid thumbnail (and a video's storyboard) is made only through the strongest veil. */
  nearMatch?: boolean;
  /** Locked by the referral until an authorisation is recorded: no picture at all, not even veiled (see shared/referral/referral-lock.ts). */
  referralLocked?: boolean;
  /** What the referral's flags demand of every picture of it (shared/referral/referral-settings.ts); absent when it has no flag. */
  referralFloor?: PictureFloor | null;
}
type LookupItem = (itemId: string) => MediaItemLocation | null | Promise<MediaItemLocation | null>;

export type StillResult =
  | { ok: true; bytes: Uint8Array; mime: 'image/jpeg'; widthPx: number; heightPx: number }
  /** The file cannot be shown; the UI shows an error tile with this reason. */
  | { ok: false; error: MediaError }
  /** Nothing to show, and not the file's fault: unknown id, a video asked for a still, pool down, caller gone. */
  | {
      ok: false;
      refused: 'unknown-item' | 'known-hidden' | 'referral-locked' | 'veil-too-weak' | 'not-an-image' | 'not-a-still' | 'unavailable' | 'aborted';
      detail: string;
    };

type OriginalResult =
  | { ok: true; handle: FileHandle; sizeBytes: number; format: MediaFormat }
  | { ok: false; refused: 'unknown-item' | 'known-hidden' | 'referral-locked' | 'not-a-video'; detail: string }
  | { ok: false; error: MediaError };

type VeiledResult =
  | VeiledVideoRead
  | { ok: false; refused: 'unknown-item' | 'known-hidden' | 'referral-locked' | 'veil-too-weak' | 'not-a-video' | 'unavailable'; detail: string };

/** Finished veiled videos kept for replay and seeking (a minute of one is about 3 MB). */
const VEILED_VIDEO_CACHE_BYTES = 256 * 1024 * 1024;

export interface MediaService {
  /** A filtered still (thumb or view) of an image item, from the cache or a worker. */
  getStill(request: MediaRequest, signal?: AbortSignal): Promise<StillResult>;
  /** The original file of a video item, opened read-only after a containment check. The caller closes the handle. */
  openOriginal(itemId: string): Promise<OriginalResult>;
  /**
   * The veiled derivative of a video item at the request's profile: whole once made, else streamed as the worker makes it.
   * With `fromSec`, one that starts there (timestamps from that time), unless the whole one is kept.
   */
  openVeiled(request: MediaRequest, options?: { whole?: boolean; fromSec?: number }): Promise<VeiledResult>;
  /**
   * The page no longer shows these items (scrolled away): their thumbnails still waiting
   * for a worker are dropped, and requests waiting on them answer 'aborted'. Works the same
   * in both adapters, whether or not a request's own signal ever aborts. Returns how many.
   */
  releaseThumbnails(itemIds: readonly string[]): number;
  /** Forgets cached stills and remembered failures (a case was closed or re-opened). */
  reset(): void;
}

export interface MediaServiceDeps {
  /** `runStoryboard` may be absent where no video is ever shown (tests of images): a storyboard is then 'unavailable'. */
  pool: Pick<MediaWorkerPool, 'run'> & Partial<Pick<MediaWorkerPool, 'runStoryboard' | 'runVeiledVideo'>>;
  cache: DerivativeCache;
  lookupItem: LookupItem;
  /** Called once per item the first time it fails, so the grid can show why. */
  onItemFailed: (itemId: string, error: MediaError) => void;
  /** True while the image has no PDQ hash yet: its next grid thumbnail made (not cached) is hashed from the same decode. */
  needsPdq?: (itemId: string) => boolean;
  /** The PDQ hash a thumbnail job computed; null when the picture cannot be hashed. Not called when the thumbnail fails. */
  onPdq?: (itemId: string, pdq: PdqValue) => void;
}

const KNOWN_HIDDEN = { ok: false, refused: 'known-hidden', detail: 'known material is not shown unless the investigator chooses to see it' } as const;

const REFERRAL_LOCKED = {
  ok: false,
  refused: 'referral-locked',
  detail: 'the referral says the provider did not view this file and it was not public: it stays locked until an authorisation is recorded',
} as const;

const VEIL_TOO_WEAK = {
  ok: false,
  refused: 'veil-too-weak',
  detail: 'a near match of known material is shown in the grid only greyscale and strongly blurred',
} as const;

const BELOW_FLAG_FLOOR = {
  ok: false,
  refused: 'veil-too-weak',
  detail: 'the referral flags this file: its thumbnails are made only greyscale and strongly blurred, and in colour not at all when its flags say so',
} as const;

/**
 * Why this picture of this item may not be made or served, or null. A file the referral
 * locks gets no picture at all, whatever the veil. Known material stays hidden; a near
 * match's grid thumbnail, and its video's storyboard (a grid of thumbnails, shown without
 * any reveal), only through the strongest veil (the viewer's own deliberate reveal is left
 * to the investigator). A flagged file likewise, and never in colour when a flag's profile
 * says so: the renderer's reveal is a view like any other, so grey is the one part of a
 * reveal the route itself can hold.
 */
function refusalFor(
  item: MediaItemLocation,
  request: MediaRequest,
): typeof KNOWN_HIDDEN | typeof REFERRAL_LOCKED | typeof VEIL_TOO_WEAK | typeof BELOW_FLAG_FLOOR | null {
  if (item.referralLocked === true) return REFERRAL_LOCKED;
  if (item.knownHidden) return KNOWN_HIDDEN;
  // The veiled video plays with no reveal, like a thumbnail is shown.
  const thumbnailLike = request.kind === 'thumb' || request.kind === 'storyboard' || request.kind === 'veiled';
  const strongest = request.greyscale && request.blur === 'strong' && (request.style ?? 'blur') === 'blur';
  if (item.nearMatch === true && thumbnailLike && !strongest) return VEIL_TOO_WEAK;
  const floor = item.referralFloor;
  if (floor && ((floor.strongestVeil && thumbnailLike && !strongest) || (floor.greyOnly && !request.greyscale))) return BELOW_FLAG_FLOOR;
  return null;
}

/** Failures are remembered so a file that crashes the worker is not tried again and again. */
const MAX_REMEMBERED_FAILURES = 100_000;

/**
 * Serves filtered stills and video originals for the media route. Paths come only from
 * `lookupItem` (never from a URL) and are re-checked against the case root before use.
 */
export function createMediaService(deps: MediaServiceDeps): MediaService {
  const { pool, cache, lookupItem, onItemFailed } = deps;
  const failures = new LRUCache<string, MediaError>({ max: MAX_REMEMBERED_FAILURES });
  const veiledVideos = new VeiledVideoStore(VEILED_VIDEO_CACHE_BYTES);

  function recordFailure(itemId: string, error: MediaError): void {
    if (failures.has(itemId)) return;
    failures.set(itemId, error);
    onItemFailed(itemId, error);
  }

  /** A failing listener must not cost the investigator the thumbnail it came with. */
  function reportPdq(itemId: string, pdq: PdqValue): void {
    try {
      deps.onPdq?.(itemId, pdq);
    } catch (error) {
      console.error(`[media] onPdq failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function derive(item: MediaItemLocation, request: MediaRequest, kind: 'thumb' | 'view' | 'storyboard', signal: AbortSignal): Promise<DeriveOutcome> {
    const contained = await resolveInsideCase(item.absolutePath, item.caseRoot);
    if (!contained.ok) return contained;
    if (kind === 'storyboard') {
      const board = { filePath: contained.realPath, greyscale: request.greyscale, blur: request.blur, style: request.style };
      if (pool.runStoryboard === undefined) throw new PoolUnavailableError('closed', 'this media service makes no storyboards');
      const made = await pool.runStoryboard(board, { priority: 'view', signal });
      return made.ok ? made : { ok: false, error: blameDamageNotFormat(made.error, item.format) };
    }
    const job = {
      filePath: contained.realPath,
      longEdgePx: DERIVATIVE_LONG_EDGE_PX[kind],
      greyscale: request.greyscale,
      blur: request.blur,
      style: request.style,
      ...(kind === 'thumb' && deps.needsPdq?.(request.itemId) === true ? { withPdq: true } : {}),
    };
    const outcome = await pool.run(job, { priority: kind, signal, format: item.format });
    if (!outcome.ok) return { ok: false, error: blameDamageNotFormat(outcome.error, item.format) };
    const { pdq, ...still } = outcome;
    if (pdq !== undefined) reportPdq(request.itemId, pdq);
    return still;
  }

  async function getStill(request: MediaRequest, signal?: AbortSignal): Promise<StillResult> {
    const { itemId, kind } = request;
    if (kind === 'original' || kind === 'veiled') return { ok: false, refused: 'not-a-still', detail: 'videos are opened with openOriginal or openVeiled' };
    const remembered = failures.get(itemId);
    if (remembered !== undefined) return { ok: false, error: remembered };
    const item = await lookupItem(itemId);
    if (item === null) return { ok: false, refused: 'unknown-item', detail: 'no such item in the open case' };
    const refusal = refusalFor(item, request);
    if (refusal) return refusal;
    if (kind === 'storyboard' && item.kind !== 'video') return { ok: false, refused: 'not-a-still', detail: 'only videos have a storyboard' };
    if (kind !== 'storyboard' && item.kind !== 'image') return { ok: false, refused: 'not-an-image', detail: 'a video has a storyboard, not a still' };
    // Checked on every request, cached or not: a derivative made before the file was swapped
    // for a link leading out of the case (the first screen's are made during the import) is
    // not served for it afterwards.
    const contained = await resolveInsideCase(item.absolutePath, item.caseRoot);
    if (!contained.ok) {
      recordFailure(itemId, contained.error);
      return { ok: false, error: contained.error };
    }
    try {
      const outcome = await cache.getOrCreate(derivativeKey(request), (jobSignal) => derive(item, request, kind, jobSignal), signal);
      // A hash set imported while the picture was being made may have made the item known.
      // (Or a near match, found from this very thumbnail's PDQ, that must be veiled more strongly than it was asked.)
      const now = await lookupItem(itemId);
      if (now === null) return KNOWN_HIDDEN;
      const refusedNow = refusalFor(now, request);
      if (refusedNow) return refusedNow;
      if (outcome.ok) return outcome;
      recordFailure(itemId, outcome.error);
      return { ok: false, error: outcome.error };
    } catch (error) {
      if (error instanceof PoolUnavailableError) return { ok: false, refused: 'unavailable', detail: error.message };
      if (signal?.aborted || error instanceof StillWithdrawnError) return { ok: false, refused: 'aborted', detail: 'the request was cancelled' };
      throw error;
    }
  }

  async function openOriginal(itemId: string): Promise<OriginalResult> {
    const item = await lookupItem(itemId);
    if (item === null) return { ok: false, refused: 'unknown-item', detail: 'no such item in the open case' };
    if (item.referralLocked === true) return REFERRAL_LOCKED;
    if (item.knownHidden) return KNOWN_HIDDEN;
    if (item.kind !== 'video') return { ok: false, refused: 'not-a-video', detail: 'only videos are served as originals' };
    const opened = await openInsideCase(item.absolutePath, item.caseRoot);
    if (!opened.ok) return opened;
    return { ok: true, handle: opened.handle, sizeBytes: opened.sizeBytes, format: item.format };
  }

  async function openVeiled(request: MediaRequest, options: { whole?: boolean; fromSec?: number } = {}): Promise<VeiledResult> {
    const item = await lookupItem(request.itemId);
    if (item === null) return { ok: false, refused: 'unknown-item', detail: 'no such item in the open case' };
    const refusal = refusalFor(item, request);
    if (refusal) return refusal;
    if (item.kind !== 'video') return { ok: false, refused: 'not-a-video', detail: 'only videos have a veiled video' };
    const runVeiledVideo = pool.runVeiledVideo?.bind(pool);
    if (runVeiledVideo === undefined) return { ok: false, refused: 'unavailable', detail: 'this media service makes no videos' };
    const remembered = failures.get(request.itemId);
    if (remembered !== undefined) return { ok: false, error: remembered };
    const contained = await resolveInsideCase(item.absolutePath, item.caseRoot);
    if (!contained.ok) {
      recordFailure(request.itemId, contained.error);
      return { ok: false, error: contained.error };
    }
    const fromSec = options.fromSec ?? 0;
    const job = {
      filePath: contained.realPath,
      greyscale: request.greyscale,
      blur: request.blur,
      style: request.style,
      ...(fromSec > 0 ? { startSec: fromSec } : {}),
    };
    const wholeKey = derivativeKey(request);
    const read = await veiledVideos.read(fromSec > 0 ? `${wholeKey}@${fromSec}` : wholeKey, (signal, onChunk) => runVeiledVideo(job, { signal, onChunk }), {
      whole: options.whole === true,
      ...(fromSec > 0 ? { orWholeKey: wholeKey } : {}),
    });
    if (!read.ok) {
      if (read.error.code === 'worker-crashed' && read.error.detail.includes('shut down'))
        return { ok: false, refused: 'unavailable', detail: read.error.detail };
      const blamed = blameDamageNotFormat(read.error, item.format);
      // A derivative from a time that fails (past the last picture) says nothing about the file as a whole.
      if (fromSec === 0) recordFailure(request.itemId, blamed);
      return { ok: false, error: blamed };
    }
    return read;
  }

  function releaseThumbnails(itemIds: readonly string[]): number {
    const released = new Set(itemIds);
    return cache.withdraw((key) => {
      const { itemId, kind } = keyItemAndKind(key);
      return kind === 'thumb' && released.has(itemId);
    });
  }

  return {
    getStill,
    openOriginal,
    openVeiled,
    releaseThumbnails,
    reset() {
      failures.clear();
      veiledVideos.clear();
      cache.clear();
    },
  };
}
