/**
 * The header's first look at a case already imported (bench:reopen --review): a review opened on the whole case,
 * its figures and "Next" asked for as the renderer asks when the review page opens. Before part 6's fix this
 * counted all of "To review" in one turn of the main side (about 0.5 s at 100,000 items); it is measured with the
 * loop's stalls beside the idle process over the same seconds, as the imports are.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CaseSession } from '../electron/services/case/case-session.js';
import { followReview } from './review-follower.js';
import type { IdleProbe, IdleWindow } from './idle-probe.js';
import { recordLoopStalls, type LoopStalls } from './loop-stalls.js';

export interface FirstLook {
  /** From asking until the figures and "Next" were answered, ms. */
  answeredMs: number;
  loop: LoopStalls;
  idle: IdleWindow;
}

/** Call with the probe's window free (after the import's own was read). */
export async function measureFirstLook(session: CaseSession, caseId: string, probe: IdleProbe): Promise<FirstLook> {
  const review = followReview(() => session);
  probe.start();
  const loop = recordLoopStalls();
  const startMs = performance.now();
  await review.firstLook(caseId);
  const answeredMs = performance.now() - startMs;
  // A stall is a gap between two ticks of the recorder's timer: one more tick ends the last (a count in one pass has no other).
  await sleep(5);
  const stalls = loop.stop();
  const idle = await probe.stop();
  review.close();
  return { answeredMs, loop: stalls, idle };
}
