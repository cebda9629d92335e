/**
 * Entry of the media worker process: the only place sharp decodes case files. Runs under
 * Electron's utilityProcess or as a Node child from child_process.fork (serialization
 * 'advanced'); a hostile file can crash nothing but this process, which the pool restarts.
 */
import { z } from 'zod';
import { deriveImage } from './derive-image.js';
import { deriveStoryboard } from './video-storyboard.js';
import { deriveVeiledVideo } from './video-veiled.js';
import { pdqOfImage, pdqValueOf, thumbnailAndPdq } from './pdq-of-image.js';
import { CancelJobSchema, JobIdSchema, WorkerMessageSchema, WorkerRequestSchema, type WorkerRequest, type WorkerReady } from './protocol.js';
import type { DeriveReply, PdqReply, VeiledChunk, VeiledVideoReply } from './protocol.js';
import { configureSharp, warmUpSharp } from './sharp-setup.js';
import { loadVideoEngine } from './video-engine.js';
import { detectTransport, type WorkerTransport } from './worker-transport.js';

const MaybeJobIdSchema = z.object({ jobId: JobIdSchema });

type Reply = DeriveReply | PdqReply | VeiledVideoReply;

/** Veiled videos being encoded, by job id: a cancel message marks theirs. */
const cancelledJobs = new Set<number>();
const runningVideos = new Set<number>();

async function runVeiledVideo(request: Extract<WorkerRequest, { veiledVideo: true }>, transport: WorkerTransport): Promise<Reply | null> {
  const { jobId, veiledVideo: _veiledVideo, ...input } = request;
  runningVideos.add(jobId);
  try {
    const sink = {
      onChunk: (chunk: Uint8Array) => transport.send(WorkerMessageSchema.parse({ jobId, chunk } satisfies VeiledChunk)),
      cancelled: () => cancelledJobs.has(jobId),
    };
    const result = await deriveVeiledVideo(input, sink);
    // Nobody waits for a cancelled job's answer.
    if (cancelledJobs.has(jobId)) return null;
    return result.ok ? { jobId, ok: true, ...result.summary } : { jobId, ok: false, error: result.error };
  } finally {
    runningVideos.delete(jobId);
    cancelledJobs.delete(jobId);
  }
}

async function run(request: WorkerRequest, transport: WorkerTransport): Promise<Reply | null> {
  if ('veiledVideo' in request) return runVeiledVideo(request, transport);
  if ('pdqOnly' in request) {
    const result = await pdqOfImage(request.filePath);
    return result.ok
      ? { jobId: request.jobId, ok: true, pdq: pdqValueOf(result.pdq, result.picture) }
      : { jobId: request.jobId, ok: false, error: result.error };
  }
  if ('storyboard' in request) {
    const { jobId, storyboard: _storyboard, ...input } = request;
    const result = await deriveStoryboard(input);
    return result.ok ? { jobId, ...result } : { jobId, ok: false, error: result.error };
  }
  const { jobId, withPdq, ...input } = request;
  if (withPdq === true) {
    const both = await thumbnailAndPdq(input);
    return both.ok ? { jobId, ...both.thumbnail, pdq: pdqValueOf(both.pdq, both.picture) } : { jobId, ok: false, error: both.error };
  }
  const result = await deriveImage(input);
  return result.ok ? { jobId, ...result } : { jobId, ok: false, error: result.error };
}

async function answer(data: unknown, transport: WorkerTransport): Promise<Reply | null> {
  const cancel = CancelJobSchema.safeParse(data);
  if (cancel.success) {
    if (runningVideos.has(cancel.data.cancelJobId)) cancelledJobs.add(cancel.data.cancelJobId);
    return null;
  }
  const request = WorkerRequestSchema.safeParse(data);
  if (!request.success) {
    const withId = MaybeJobIdSchema.safeParse(data);
    console.error(`[media-worker] invalid request: ${request.error.message}`);
    if (!withId.success) return null;
    return { jobId: withId.data.jobId, ok: false, error: { code: 'unreadable', detail: 'invalid request to the media worker' } };
  }
  return run(request.data, transport);
}

/** How long the worker must have had no job before it loads node-av: a burst of thumbnails goes first. */
const VIDEO_WARM_IDLE_MS = 1000;
let videoWarmTimer: NodeJS.Timeout | null = null;
let videoEngineWarm = false;
/** Requests received and not yet answered (a cancel message counts until it is read). */
let jobsInFlight = 0;

/**
 * Loads node-av once the worker has been idle (no job, no message) for a second after it is
 * ready, so that a first veiled video does not wait for it (1–1.5 s of its start on this machine;
 * docs/decisions/video-engine.md). After "ready", not before: the start-up deadline stays the
 * images'. Idle, because the load blocks this event loop for about 0.3–0.5 s once: a job in
 * flight would have its reply (and the chunks of a stream) held back that long. A worker that
 * never sees a video pays about 40 MB of resident memory for it, far below the pool's limit.
 */
function warmVideoEngineWhenIdle(): void {
  if (videoEngineWarm || jobsInFlight > 0) return;
  if (videoWarmTimer !== null) clearTimeout(videoWarmTimer);
  videoWarmTimer = setTimeout(() => {
    videoWarmTimer = null;
    if (jobsInFlight > 0) return;
    videoEngineWarm = true;
    // A failed load is kept: the first video job meets the same error and reports it.
    loadVideoEngine().catch((error: unknown) => console.error(`[media-worker] video engine not loaded: ${String(error)}`));
  }, VIDEO_WARM_IDLE_MS);
  // A worker with nothing else to do must still be free to exit.
  videoWarmTimer.unref();
}

function serve(transport: WorkerTransport): void {
  transport.onMessage((data) => {
    if (videoWarmTimer !== null) clearTimeout(videoWarmTimer);
    videoWarmTimer = null;
    jobsInFlight += 1;
    void answer(data, transport).then((reply) => {
      jobsInFlight -= 1;
      warmVideoEngineWhenIdle();
      if (reply === null) return;
      // Validate what leaves too: a reply the pool would refuse is a bug best found here.
      transport.send(WorkerMessageSchema.parse(reply));
    });
  });
  const ready: WorkerReady = { ready: true };
  transport.send(ready);
}

const transport = detectTransport(process);
if (transport === null) {
  console.error('[media-worker] no parent channel: start me with utilityProcess.fork or child_process.fork');
  process.exit(2);
} else {
  // Listened for before the warm-up: a host that stops early (bad arguments) must not leave this behind.
  transport.onParentGone(() => process.exit(0));
  configureSharp();
  // Ready only once warm: the pool starts workers ahead of the first job, so this costs the user nothing.
  void warmUpSharp().then(() => {
    serve(transport);
    warmVideoEngineWhenIdle();
  });
}
