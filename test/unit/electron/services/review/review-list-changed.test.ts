import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import { inItemView } from '../../../../../shared/known/item-match.js';
import type { ReviewState } from '../../../../../shared/review/review-contract.js';
import { createReviewService, type ReviewServiceDeps } from '../../../../../electron/services/review/review-service.js';
import { caseSummaryFixture } from '../../../../fixtures/case-summary.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';

const CASE = 'case-1';

/** A case still importing: items arrive and near copies fold into stacks, each change moving the list's version. */
function importingCase() {
  const items: MediaItem[] = [];
  let version = 0;
  let rewrites = 0;
  /** How many items each view handed out, so a test sees which were gone through again. */
  const handedOut = { 'to-review': 0, known: 0 };
  const session: ReviewServiceDeps['session'] = {
    listItems(_caseId, offset, limit, view = 'all') {
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
    summary: () => caseSummaryFixture({ caseId: CASE, itemCount: items.length, listVersion: version }),
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

function serviceOver(live: ReturnType<typeof importingCase>, yieldToLoop?: () => Promise<void>) {
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

describe('review progress while the case is still being imported and stacked', () => {
  it('follows the list "To review" as items arrive and near copies fold into stacks, not only at decisions', async () => {
    const live = importingCase();
    live.arrive(32);
    const { service, pushed, figures, elapse } = serviceOver(live);
    // The header's first look, while the import has only 32 items.
    const first = await service.state(CASE);
    expect(figures(first)).toBe('0 of 32');

    live.arrive(92);
    service.listChanged();
    await elapse();
    expect(figures(first)).toBe('0 of 124');

    await service.categorise(CASE, 'i0', '1');
    live.arrive(11_000);
    service.listChanged();
    await elapse();
    expect(figures(first)).toBe('1 of 11124');

    // A stack made of items 11,000 on leaves one representative for 125 files.
    live.stackInto(0, 11_000);
    service.listChanged();
    await elapse();
    expect(figures(first)).toBe('1 of 11000');
    expect(pushed.at(-1)).toMatchObject({ reviewedCount: 1, totalCount: 11_000 });
  });

  it('pushes nothing when the list moved but its figures did not, nor before anyone looked at the review', async () => {
    const live = importingCase();
    live.arrive(3);
    const { service, pushed, elapse } = serviceOver(live);
    service.listChanged();
    await elapse();
    expect(pushed).toEqual([]);
    await service.state(CASE);
    live.stackInto(0, 3);
    service.listChanged();
    await elapse();
    expect(pushed).toEqual([]);
  });

  it('counts again at most once a second however often the list moves (an import moves it every few hundred items)', async () => {
    const live = importingCase();
    live.arrive(10);
    const { service, pushed, figures, timers, elapse } = serviceOver(live);
    const first = await service.state(CASE);
    for (let batch = 0; batch < 40; batch += 1) {
      live.arrive(250);
      service.listChanged();
    }
    // Nothing counted yet, and one recount waiting, a second away.
    expect(pushed).toEqual([]);
    expect(timers.map((timer) => timer.delayMs)).toEqual([1000]);
    await elapse();
    expect(pushed).toHaveLength(1);
    expect(figures(first)).toBe('0 of 10010');
    // Leaving the case drops a recount still waiting.
    live.arrive(5);
    service.listChanged();
    await service.leave();
    expect(timers).toEqual([]);
  });

  it('counts only the items an import appended, not the whole list again, and recounts after items already listed changed', async () => {
    const live = importingCase();
    live.arrive(100);
    live.arrive(20, '2');
    const { service, figures, elapse } = serviceOver(live);
    const first = await service.state(CASE);
    expect(figures(first)).toBe('0 of 100');
    await service.categorise(CASE, 'i3', '1');
    const before = { ...live.handedOut };

    live.arrive(2000);
    live.arrive(30, '1');
    service.listChanged();
    await elapse();
    expect(figures(first)).toBe('1 of 2100');
    expect(live.handedOut['to-review'] - before['to-review']).toBe(2000);
    expect(live.handedOut.known - before.known).toBe(30);
    // The known items that arrived took their set's category, as the first ones did.
    expect((await service.item(CASE, 'i2120')).category).toBe('1');
    expect((await service.item(CASE, 'i100')).category).toBe('2');

    // A stack formed over items already listed: the list is gone through again, and the figures follow it.
    live.stackInto(3, 2050);
    service.listChanged();
    await elapse();
    expect(figures(first)).toBe('1 of 2030');
    expect(live.handedOut['to-review'] - before['to-review']).toBe(2000 + 2030);
  });

  it('counts a rewritten list again a slice at a time, taking in decisions made between slices, and tries again when rewritten meanwhile', async () => {
    const live = importingCase();
    live.arrive(3500);
    // What happens on the main side between two slices of the recount.
    const between: (() => unknown)[] = [];
    let slices = 0;
    const { service, pushed, figures, timers, elapse } = serviceOver(live, async () => {
      slices += 1;
      await between.shift()?.();
    });
    const first = await service.state(CASE);

    // Items 3,400 on fold into item 0's stack; while "To review" is counted again, item 10 (already counted) is decided.
    live.stackInto(0, 3400);
    between.push(() => service.categorise(CASE, 'i10', '1'));
    service.listChanged();
    await elapse();
    expect(slices).toBeGreaterThanOrEqual(3);
    expect(figures(first)).toBe('1 of 3400');

    // Rewritten again while it is counted: it gives up and counts again a second later, from the list as it is then.
    live.stackInto(2, 3200);
    between.push(() => live.stackInto(1, 3100));
    const pushedBefore = pushed.length;
    service.listChanged();
    await elapse();
    expect(pushed).toHaveLength(pushedBefore);
    expect(timers.map((timer) => timer.delayMs)).toEqual([1000]);
    await elapse();
    expect(figures(first)).toBe('1 of 3100');
  });

  it('never starts a second recount beside one still counting in slices: the first would miss a decision made meanwhile and push figures without it', async () => {
    const live = importingCase();
    live.arrive(3000);
    // Each slice of a recount waits here until the test lets it go on, so two recounts' slices can be interleaved.
    const waiting: (() => void)[] = [];
    const { service, figures, timers } = serviceOver(live, () => new Promise((resolve) => waiting.push(resolve)));
    /** Lets every promise already settled run (a turn of the loop, no time passes). */
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const nextSecond = () => {
      service.listChanged();
      for (const timer of timers.splice(0)) timer.callback();
    };
    const first = await service.state(CASE);

    // Items 2,500 on fold into item 0's stack: "To review" is counted again, 1,000 items a slice.
    live.stackInto(0, 2500);
    nextSecond();
    await turn();
    expect(waiting).toHaveLength(1);
    // A second later the list moved again, and the first recount is not done; then item 10 is decided.
    live.arrive(1);
    nextSecond();
    await turn();
    await service.categorise(CASE, 'i10', '1');
    expect(figures(first)).toBe('1 of 2501');

    // The first recount goes on to its end; a rewrite comes before any other could end.
    for (let slice = 0; slice < 3; slice += 1) {
      waiting.shift()?.();
      await turn();
    }
    expect(figures(first)).toBe('1 of 2501');
    live.stackInto(1, 2400);
    while (waiting.length > 0) {
      waiting.shift()?.();
      await turn();
    }
    await service.whenCounted();
    expect(await service.nextToReview(CASE, 'i9')).toEqual({ itemId: 'i11', index: 11 });
  });

  it('stops counting at the next slice once the case is left, and starts no recount after', async () => {
    const live = importingCase();
    live.arrive(5000);
    let slices = 0;
    let leaving: Promise<void> | null = null;
    const { service, pushed, timers, elapse } = serviceOver(live, async () => {
      slices += 1;
      // The investigator opens another case after the recount's first slice.
      leaving ??= service.leave();
    });
    await service.state(CASE);
    live.stackInto(0, 4900);
    service.listChanged();
    await elapse();
    await leaving;
    expect(slices).toBe(1);
    expect(pushed).toEqual([]);
    expect(timers).toEqual([]);
  });

  it("gives a known item that just arrived its set's category before any decision: changing it needs a typed reason", async () => {
    const live = importingCase();
    live.arrive(5);
    const { service } = serviceOver(live);
    await service.state(CASE);
    // Known items arrive, and no recount has run since (its timer is a second away).
    live.arrive(2, '1');
    service.listChanged();

    expect((await service.item(CASE, 'i5')).category).toBe('1');
    await expect(service.categorise(CASE, 'i6', '2')).rejects.toMatchObject({ reason: { code: 'reason-required' } });
    const overruled = await service.categorise(CASE, 'i6', '2', 'Not the series the set says');
    expect(overruled.category).toBe('2');
    expect((await service.item(CASE, 'i6')).category).toBe('2');
  });

  it('pushes the figures after the list moved even when a request ("Next") already counted the new items without telling the header', async () => {
    const live = importingCase();
    live.arrive(10);
    const { service, figures, elapse } = serviceOver(live);
    const first = await service.state(CASE);
    // The import's last items arrive; the investigator presses N before the recount's second is up.
    live.arrive(5);
    service.listChanged();
    expect(await service.nextToReview(CASE, null)).toEqual({ itemId: 'i0', index: 0 });
    await elapse();
    expect(figures(first)).toBe('0 of 15');
  });

  it('takes in an undo and a redo made between two slices of a recount of a rewritten list', async () => {
    const live = importingCase();
    live.arrive(3500);
    const between: (() => unknown)[] = [];
    const { service, figures, elapse } = serviceOver(live, async () => {
      await between.shift()?.();
    });
    const first = await service.state(CASE);
    await service.categorise(CASE, 'i10', '1');
    await service.categorise(CASE, 'i20', '2');

    // Items 3,400 on fold into item 0's stack; while "To review" is counted again, the decision on item 20 is undone, then item 10's, which is then redone.
    live.stackInto(0, 3400);
    between.push(
      () => service.undo(CASE),
      () => service.undo(CASE),
      () => service.redo(CASE),
    );
    service.listChanged();
    await elapse();
    expect(figures(first)).toBe('1 of 3400');
    expect(await service.nextToReview(CASE, 'i9')).toEqual({ itemId: 'i11', index: 11 });
    expect(await service.nextToReview(CASE, 'i19')).toEqual({ itemId: 'i20', index: 20 });
  });
});
