import type { MediaItem } from '../../../../../shared/case/media-item.js';
import { inItemView } from '../../../../../shared/known/item-match.js';
import type { ReviewState } from '../../../../../shared/review/review-contract.js';
import { createReviewService, type ReviewServiceDeps } from '../../../../../electron/services/review/review-service.js';
import { caseSummaryFixture } from '../../../../fixtures/case-summary.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';

export const CASE = 'case-1';

/** A case still importing: items arrive and near copies fold into stacks, each change moving the list's version. */
export function importingCase() {
  const items: MediaItem[] = [];
  let version = 0;
  let rewrites = 0;
  /** How many items each view handed out, so a test sees which were gone through again. */
  const handedOut = { 'to-review': 0, known: 0 };
  const session: ReviewServiceDeps['session'] = {
    listForReview(_caseId, offset, limit, view = 'all') {
      const listed = items.filter((item) => inItemView(item, view));
      const page = listed.slice(offset, offset + limit);
      if (view === 'to-review' || view === 'known') handedOut[view] += page.length;
      return { total: listed.length, items: page.map((item) => ({ ...item })) };
    },
    getItems: (_caseId, ids) => items.filter((item) => ids.includes(item.id)).map((item) => ({ ...item })),
    stackMembers: (_caseId, itemId) => {
      const stackId = items.find((item) => item.id === itemId)?.stackId;
      const members = items.filter((item) => item.stackId === stackId);
      return members.length < 2 ? [] : members.map((item) => ({ item: { ...item }, distanceBits: 0 }));
    },
    summary: () =>
      caseSummaryFixture({
        caseId: CASE,
        itemCount: items.length,
        listVersion: version,
        knownCount: items.filter((item) => item.match?.type === 'known').length,
      }),
    listRewrites: () => rewrites,
  };
  return {
    session,
    handedOut,
    /** `count` new items at the end; with `knownCategory`, exact matches of a hash set with that category. */
    arrive(count: number, knownCategory: string | null = null) {
      const from = items.length;
      for (let index = from; index < from + count; index += 1) {
        const item = mediaItemFixture({ id: `i${index}` });
        if (knownCategory !== null) item.match = { type: 'known', setId: 1, setName: 'VIC', scheme: 'vic-us', category: knownCategory, matchedBy: 'md5' };
        items.push(item);
      }
      version += 1;
    },
    /** The items from `from` on become near copies of item `into`: they leave "To review". */
    stackInto(into: number, from: number) {
      const lead = items[into];
      if (lead === undefined) return;
      const members = [lead, ...items.slice(from)];
      for (const member of members) Object.assign(member, { stackId: lead.id, stackSize: members.length });
      version += 1;
      rewrites += 1;
    },
  };
}

/** `monotonicMs`: the clock a count's slices are timed by; standing still unless given, so a slice ends at its item count alone. */
export function serviceOver(live: ReturnType<typeof importingCase>, yieldToLoop?: () => Promise<void>, monotonicMs: () => number = () => 0) {
  const pushed: ReviewState[] = [];
  const timers: { callback: () => void; delayMs: number }[] = [];
  const service = createReviewService({
    session: live.session,
    workspace: async () => null,
    userName: 'jtremblay',
    presetScheme: () => ({ id: 'vic-us' }),
    nowMs: () => 1_800_000_000_000,
    onChange: (state) => pushed.push(state),
    retryMs: 5000,
    setTimer: (callback, delayMs) => {
      const timer = { callback, delayMs };
      timers.push(timer);
      return { cancel: () => void timers.splice(timers.indexOf(timer), 1) };
    },
    yieldToLoop,
    monotonicMs,
  });
  /** The recount's delay passes (a fake clock): the timers due run, then the service's pushes. */
  const elapse = async () => {
    for (const timer of timers.splice(0)) timer.callback();
    await service.whenCounted();
  };
  /** What the header shows now: the last figures pushed, else those of the first look. */
  const figures = (first: ReviewState) => {
    const last = pushed.at(-1) ?? first;
    return `${last.reviewedCount} of ${last.totalCount}`;
  };
  return { service, pushed, figures, timers, elapse };
}

/**
 * What happens on the main side between two slices of a count: each yield runs the next step queued (a request: its
 * answer is kept in `answers`, not awaited, since it may wait for the very count that yields), then a turn passes.
 */
export function stepsBetweenSlices() {
  const between: (() => unknown)[] = [];
  const answers: unknown[] = [];
  let slices = 0;
  const yieldToLoop = async (): Promise<void> => {
    slices += 1;
    const step = between.shift();
    if (step) answers.push(step());
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { between, answers, yieldToLoop, slices: () => slices };
}
