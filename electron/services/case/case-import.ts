import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { ImportFailure, ImportProgress } from '../../../shared/case/import-progress.js';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { ItemIdSchema } from '../../../shared/media/derivative.js';
import { kindOfFormat } from '../../../shared/media/media-kinds.js';
import { createCaseIndex, markItemsChanged, type CaseIndex } from './case-index.js';
import { CaseItem } from './case-item.js';
import { createByContent } from './by-content.js';
import { classifyFile } from './classify-file.js';
import { createFileHasher, FileReadError, READ_CHUNK_BYTES } from './hash-file.js';
import { MIN_PDQ_QUALITY, type ItemMatch } from '../../../shared/known/item-match.js';
import type { FileResult, ItemDigests } from './file-result.js';
import type { StampedEntry, StoredFiles } from './stored-files.js';
import { rowOfRead } from './stored-row.js';
import type { ReadGate } from './read-gate.js';
import { createProgressReporter, type ProgressCounts } from './progress-reporter.js';
import { SNIFF_HEAD_BYTES } from './sniff-format.js';
import { errorCode } from './error-code.js';
import { assertRootReachable, CaseRootUnreachableError, nodeWalkFs, walkFolder, type WalkFs } from './walk-folder.js';
import { createWakeup } from './wakeup.js';
import { fileNameOf, showsBetter } from './shown-copy.js';

export interface CaseImportOptions {
  /** Aborting cancels the import: phase `cancelled`, everything finished so far is kept. */
  signal: AbortSignal;
  nowMs: () => number;
  /** Makes opaque item ids (must match ItemIdSchema); injected so tests are deterministic. */
  newItemId: () => string;
  /** Throttled (PROGRESS_INTERVAL_MS) while scanning, plus one final report. */
  onProgress: (progress: ImportProgress) => void;
  /** New items, in final order, as soon as they and every file before them are read. */
  onItems?: (batch: readonly MediaItem[]) => void;
  /** Files read at once (default 8). */
  concurrency?: number;
  /** Lowers that while the first screen is made (read-gate.ts). */
  readGate?: ReadGate;
  /**
   * The known-material match of a file's digests, asked once per item before it is listed,
   * so a known item is never listed (and so never shown) as unknown, even for a moment.
   */
  matchKnown?: (digests: ItemDigests) => ItemMatch | null;
  /** A known PDQ hash's near match (an unchanged image whose hash was stored), asked when no exact match holds. */
  matchNearPdq?: (pdq: { hex: string; quality: number }) => ItemMatch | null;
  /**
   * The case's stored files (stored-files.ts): unchanged files are taken from there and not
   * read, and each file read is kept there. Without it, every file is read.
   */
  stored?: StoredFiles;
  /** An index to fill in place (the session's), so its reader sees items while the import runs. */
  index?: CaseIndex;
  /** How far the folder walk may run ahead of reading, in files (default 20,000; only paths are held). */
  walkAheadFiles?: number;
  /** How many finished files may wait for an earlier, slower one before the walk pauses (default 4,096). */
  reorderWindow?: number;
  readChunkBytes?: number;
  progressIntervalMs?: number;
  walkFs?: WalkFs;
}

/** Results published per turn of the event loop at most (a few ms of work; on a busy machine several times that). */
const PUBLISH_SLICE = 250;
/** A turn of publishing ends after this long even before its slice is done, so a collection or a slow core does not stretch it further. */
const PUBLISH_SLICE_MS = 5;
/**
 * Results ready to publish the walk may run ahead of publishing by (not those held back by a
 * slower file, which `reorderWindow` bounds). Unchanged files of a reopen come faster than they
 * are published; thousands waiting lived long enough to be moved to the old generation, and
 * collecting them there was the reopen's longest stall (bench:reopen).
 */
const READY_AHEAD = 2 * PUBLISH_SLICE;

export type { ItemDigests } from './file-result.js';

/**
 * Imports a case folder: walks it (never following links), reads every file once
 * to hash it (SHA-256) and sniff its format from its content, folds identical
 * files into one item, and lists everything else as problems. Originals are only
 * ever opened read-only.
 *
 * Pipeline: the walk fills a bounded queue of paths; `concurrency` workers read
 * files from it; results are published strictly in walk order, which is the final
 * sorted order (see compareRelativePaths). So an item takes the place of the first
 * copy of its content in sorted order, items appear early without ever reshuffling,
 * and no final sort is needed. The copy shown is the first normally named one (see
 * isHiddenPath), so a hidden ".photo.jpg" never hides "photo.jpg" from the list.
 * A slow file (a large video) holds back publishing of later ones, at most `reorderWindow` of them, while reading goes on.
 *
 * Ends `done`, `cancelled` (signal) or `failed` (the case folder vanished or became
 * unreadable; the message says so), keeping what was read in every case. Resolves
 * with the filled index; never rejects for file-system reasons.
 */
export async function runCaseImport(rootDir: string, options: CaseImportOptions): Promise<CaseIndex> {
  const index = options.index ?? createCaseIndex(rootDir);
  const fs = options.walkFs ?? nodeWalkFs;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  const walkAheadFiles = Math.max(1, options.walkAheadFiles ?? 20_000);
  const reorderWindow = Math.max(1, options.reorderWindow ?? 4096);
  const chunkBytes = options.readChunkBytes ?? READ_CHUNK_BYTES;
  // All three in the one read: hash sets list MD5 and SHA-1 (VICS) as often as SHA-256.
  const hashFile = createFileHasher(options.readGate, ['md5', 'sha1']);

  const stop = new AbortController();
  let failure: ImportFailure | null = null;
  const fail = (code: ImportFailure['code'], detail: string): void => {
    if (stop.signal.aborted) return;
    failure = { code, detail };
    stop.abort();
  };
  const cancel = (): void => stop.abort();
  options.signal.addEventListener('abort', cancel, { once: true });
  if (options.signal.aborted) cancel();

  const counts: ProgressCounts = { filesFound: 0, filesProcessed: 0, bytesProcessed: 0, walkComplete: false };
  const reporter = createProgressReporter({
    nowMs: options.nowMs,
    intervalMs: options.progressIntervalMs,
    report: (progress) => {
      index.progress = progress;
      options.onProgress(progress);
    },
  });

  const queue: { seq: number; relativePath: string }[] = [];
  let queueHead = 0;
  let walkEnded = false;
  let nextSeq = 0;
  const finished = new Map<number, FileResult>();
  let nextToPublish = 0;
  const byHash = createByContent();
  const work = createWakeup(); // wakes workers: the queue grew or the walk ended
  const room = createWakeup(); // wakes the walk: the queue shrank or results were published
  stop.signal.addEventListener('abort', () => (work.wakeAll(), room.wakeAll()), { once: true });

  function publish(result: FileResult, batch: MediaItem[]): void {
    if (result.type === 'problem') {
      index.problems.push(result.problem);
      return;
    }
    const original = byHash.get(result.sha256);
    if (original) {
      markItemsChanged(index);
      index.duplicateCount += 1;
      original.stackSize += 1;
      if (showsBetter(result.relativePath, original.relativePath)) showCopyInstead(original, result);
      else original.duplicatePaths.push(result.relativePath);
      return;
    }
    // Appending changes no item already listed, so only the version moves (not markItemsChanged): views take in only the new ones.
    index.version += 1;
    const id = uniqueItemId(index, options.newItemId);
    if (id === null) {
      fail('internal-error', 'The import stopped: the item id generator keeps giving invalid or repeated ids.');
      return;
    }
    const fields = {
      id,
      name: fileNameOf(result.relativePath),
      relativePath: result.relativePath,
      kind: kindOfFormat(result.format),
      format: result.format,
      sizeBytes: result.sizeBytes,
      duplicatePaths: [],
      claimedFormat: result.claimedFormat,
      error: null,
      pdqQuality: result.pdq?.quality ?? null,
      widthPx: result.pdq?.widthPx ?? null,
      heightPx: result.pdq?.heightPx ?? null,
      stackId: id,
      stackSize: 1,
      match: options.matchKnown?.(result) ?? nearMatchOf(result.pdq),
    };
    const item = new CaseItem(fields, index.digests, index.digests.add(result, result.pdq?.hex ?? null));
    byHash.set(result.sha256, item);
    index.items.push(item);
    index.itemsById.set(id, item);
    batch.push(item);
  }

  function nearMatchOf(pdq: { hex: string; quality: number } | null): ItemMatch | null {
    return pdq !== null && pdq.quality >= MIN_PDQ_QUALITY ? (options.matchNearPdq?.(pdq) ?? null) : null;
  }

  /**
   * A normally named copy found after a hidden one becomes the copy shown: an investigator
   * looks for "photo.jpg", not ".photo.jpg". The item keeps its id and its place in the list
   * (pages already shown never reshuffle); the hidden path joins the other copies, first,
   * so `duplicatePaths` stays in walk order.
   */
  function showCopyInstead(item: MediaItem, copy: Extract<FileResult, { type: 'media' }>): void {
    item.duplicatePaths.unshift(item.relativePath);
    item.relativePath = copy.relativePath;
    item.name = fileNameOf(copy.relativePath);
    item.claimedFormat = copy.claimedFormat;
    // Identical bytes, so the digests and the match stay; only the path changes (and the file fileOf gives).
  }

  let drainScheduled = false;
  /**
   * Publishes finished results whose predecessors are all finished, so order is final.
   * After a slow file, thousands may be waiting: they go out in slices, a pause
   * between, so the main loop is never held for long.
   */
  function drain(): void {
    const batch: MediaItem[] = [];
    const endMs = performance.now() + PUBLISH_SLICE_MS;
    let result = finished.get(nextToPublish);
    // At least one each turn, however slow the machine, so publishing always moves on.
    for (
      let budget = PUBLISH_SLICE;
      result && budget > 0 && (budget === PUBLISH_SLICE || performance.now() < endMs);
      budget -= 1, result = finished.get(nextToPublish)
    ) {
      finished.delete(nextToPublish);
      nextToPublish += 1;
      publish(result, batch);
    }
    if (batch.length > 0) options.onItems?.(batch);
    room.wakeAll();
    if (result) scheduleDrain();
  }

  function complete(seq: number, result: FileResult): void {
    finished.set(seq, result);
    counts.filesProcessed += 1;
    drain();
    reporter.tick(counts);
  }

  /**
   * A result known without reading (a problem the walk found, a file unchanged since the last
   * import): they come hundreds at a time, so they are published together at the next turn of
   * the loop, one batch for the listeners, not one call each.
   */
  function completeKnown(seq: number, result: FileResult): void {
    finished.set(seq, result);
    counts.filesProcessed += 1;
    reporter.tick(counts);
    scheduleDrain();
  }

  function scheduleDrain(): void {
    if (drainScheduled) return;
    drainScheduled = true;
    void setImmediate().then(() => {
      drainScheduled = false;
      drain();
    });
  }

  /** Whether enough results wait only for their turn to be published (a drain is then due: it wakes the walk). */
  function readyAhead(): boolean {
    return finished.size >= READY_AHEAD && finished.has(nextToPublish);
  }

  async function walk(): Promise<void> {
    try {
      const walked = walkFolder(rootDir, { signal: stop.signal, fs });
      const entries: AsyncIterable<StampedEntry> = options.stored ? options.stored.stamp(walked, rootDir) : walked;
      for await (const entry of entries) {
        // A looked-up batch arrives whole: after a cancel, the rest of it is not published.
        if (stop.signal.aborted) break;
        const seq = nextSeq++;
        counts.filesFound += 1;
        if (entry.type === 'problem') completeKnown(seq, entry);
        // Unchanged since the last import: its stored result stands, the file is not opened.
        else if (entry.stored) completeKnown(seq, entry.stored);
        else queue.push({ seq, relativePath: entry.relativePath });
        work.wakeAll();
        while (!stop.signal.aborted && (queue.length - queueHead >= walkAheadFiles || finished.size >= reorderWindow || readyAhead())) await room.wait();
      }
      counts.walkComplete = true;
    } catch (error) {
      if (error instanceof CaseRootUnreachableError) fail('case-folder-unreachable', error.message);
      else if (!stop.signal.aborted) fail('case-folder-unreachable', `The case folder "${rootDir}" could not be read (${errorCode(error)}).`);
    } finally {
      walkEnded = true;
      work.wakeAll();
    }
  }

  function take(): { seq: number; relativePath: string } | undefined {
    const job = queue[queueHead];
    if (!job) return undefined;
    queueHead += 1;
    // Compact now and then so the consumed front of the array is released.
    if (queueHead >= 4096 && queueHead * 2 >= queue.length) {
      queue.splice(0, queueHead);
      queueHead = 0;
    }
    room.wakeAll();
    return job;
  }

  const onBytes = (bytes: number): void => {
    counts.bytesProcessed += bytes;
    reporter.tick(counts);
  };

  async function readFile(relativePath: string, scratch: { buffer: Buffer; headBuffer: Uint8Array }): Promise<FileResult | null> {
    const absolutePath = path.join(rootDir, ...relativePath.split('/'));
    const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    try {
      const hashed = await hashFile(absolutePath, { ...scratch, signal: stop.signal, onBytes });
      const classified = classifyFile(name, hashed.head, hashed.sizeBytes);
      const read = {
        relativePath,
        sizeBytes: hashed.sizeBytes,
        mtimeMs: hashed.mtimeMs,
        ctimeMs: hashed.ctimeMs,
        ino: hashed.ino,
        dev: hashed.dev,
        md5: digestAsked(hashed.md5, 'MD5'),
        sha1: digestAsked(hashed.sha1, 'SHA-1'),
        sha256: hashed.sha256,
      };
      if (classified.type === 'problem') {
        options.stored?.remember(rowOfRead(read, { format: null, error: classified.error }));
        return { type: 'problem', problem: { relativePath, error: classified.error } };
      }
      options.stored?.remember(rowOfRead(read, { format: classified.format, error: null }));
      return { type: 'media', format: classified.format, claimedFormat: classified.claimedFormat, pdq: null, ...read };
    } catch (error) {
      if (stop.signal.aborted) return null;
      if (!(error instanceof FileReadError)) throw error;
      if (error.code === 'vanished' || error.code === 'unreadable') {
        // One file failing may mean the whole case went away; then the import fails rather than listing every file.
        try {
          await assertRootReachable(rootDir, fs);
        } catch (unreachable) {
          fail('case-folder-unreachable', unreachable instanceof Error ? unreachable.message : String(unreachable));
          return null;
        }
      }
      return { type: 'problem', problem: { relativePath, error: { code: error.code, detail: error.detail } } };
    }
  }

  async function worker(): Promise<void> {
    // One read buffer and one head buffer per worker, reused for every file it reads.
    const scratch = { buffer: Buffer.allocUnsafe(chunkBytes), headBuffer: new Uint8Array(SNIFF_HEAD_BYTES) };
    while (!stop.signal.aborted) {
      const job = take();
      if (!job) {
        if (walkEnded) return;
        await work.wait();
        continue;
      }
      try {
        const result = await readFile(job.relativePath, scratch);
        if (result && !stop.signal.aborted) complete(job.seq, result);
      } catch (error) {
        fail('internal-error', `The import stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  reporter.tick(counts);
  await Promise.all([walk(), ...Array.from({ length: concurrency }, worker)]);
  options.signal.removeEventListener('abort', cancel);

  // Publish what still waits, in order and in slices: the tail of a drain, or after a cancel or
  // failure whatever was finished (with gaps where files were never read).
  const rest = [...finished.entries()].sort(([a], [b]) => a - b).map(([, result]) => result);
  finished.clear();
  for (let start = 0; start < rest.length;) {
    if (start > 0) await setImmediate();
    const batch: MediaItem[] = [];
    const endMs = performance.now() + PUBLISH_SLICE_MS;
    const sliceStart = start;
    const sliceEnd = Math.min(rest.length, start + PUBLISH_SLICE);
    for (; start < sliceEnd && (start === sliceStart || performance.now() < endMs); start += 1) publish(rest[start]!, batch);
    if (batch.length > 0) options.onItems?.(batch);
  }

  const phase = failure !== null ? 'failed' : stop.signal.aborted ? 'cancelled' : 'done';
  reporter.finish(counts, phase, failure);
  // Resolves once the rows are in, so whoever waits for the import (quitting) waits for them too.
  await options.stored?.flush();
  return index;
}

/** A fresh id that matches ItemIdSchema, or null when the generator is broken (a programming error, never a file's fault). */
function uniqueItemId(index: CaseIndex, newItemId: () => string): string | null {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const id = newItemId();
    if (ItemIdSchema.safeParse(id).success && !index.itemsById.has(id)) return id;
  }
  return null;
}

/** A digest the import asked the hasher for; missing, it is a programming error (the import stops with internal-error). */
function digestAsked(hex: string | null, name: string): string {
  if (hex === null) throw new Error(`the file hasher gave no ${name}`);
  return hex;
}
