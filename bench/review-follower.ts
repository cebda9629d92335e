/**
 * The review as the renderer's header drives it while a case imports (bench:reopen --review): the
 * header asks for the figures once when the case opens, then every `caseChanged` tells the review
 * the list moved (as veil-services.ts wires it), and the review counts "To review" again on its own
 * timer. Without a workspace: the counting is the same, and the session's workspace stays its only writer.
 */
import type { CaseSession } from '../electron/services/case/case-session.js';
import { createReviewService, type ReviewService } from '../electron/services/review/review-service.js';

export interface ReviewFollower {
  /** A case change was emitted (call from the session's `emit`). */
  caseChanged(): void;
  /** The header's first look at the case just opened. */
  opened(caseId: string): Promise<void>;
  /** The review page's first look at a case already imported: the figures, then "Next" from the top. */
  firstLook(caseId: string): Promise<void>;
  /** How many times the review pushed new figures. */
  pushedCount(): number;
  close(): void;
}

export function followReview(session: () => CaseSession): ReviewFollower {
  let pushed = 0;
  let review: ReviewService | null = null;
  const serviceOf = (): ReviewService =>
    (review ??= createReviewService({
      session: session(),
      workspace: async () => null,
      userName: 'bench',
      presetScheme: () => null,
      nowMs: () => Date.now(),
      onChange: () => (pushed += 1),
      retryMs: 5000,
      setTimer: (callback, delayMs) => {
        const timer = setTimeout(callback, delayMs);
        return { cancel: () => clearTimeout(timer) };
      },
    }));
  return {
    caseChanged: () => serviceOf().listChanged(),
    async opened(caseId) {
      await serviceOf().state(caseId);
    },
    async firstLook(caseId) {
      await serviceOf().state(caseId);
      await serviceOf().nextToReview(caseId, null);
    },
    pushedCount: () => pushed,
    close: () => review?.close(),
  };
}
