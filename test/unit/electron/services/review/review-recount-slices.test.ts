import { describe, expect, it } from 'vitest';
import { CASE, importingCase, serviceOver, stepsBetweenSlices } from './importing-case.js';

describe('review progress counted in slices while the case changes under it', () => {
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
    /** Lets the slices go on, one a turn, until `answer` comes (a request waits for the count under way). */
    const released = async <T>(answer: Promise<T>): Promise<T> => {
      let done = false;
      const settled = answer.then(
        () => (done = true),
        () => (done = true),
      );
      while (!done) {
        waiting.shift()?.();
        await turn();
      }
      await settled;
      return answer;
    };
    const first = await released(service.state(CASE));

    // Items 2,500 on fold into item 0's stack: "To review" is counted again, 1,000 items a slice.
    live.stackInto(0, 2500);
    nextSecond();
    await turn();
    expect(waiting).toHaveLength(1);
    // A second later the list moved again, and the first recount is not done; then item 10 is decided.
    live.arrive(1);
    nextSecond();
    await turn();
    // The decision's answer waits for the first recount, which goes on to its end and takes the decision in.
    const decided = service.categorise(CASE, 'i10', '1');
    for (let slice = 0; slice < 3; slice += 1) {
      waiting.shift()?.();
      await turn();
    }
    expect((await decided).state).toMatchObject({ reviewedCount: 1, totalCount: 2501 });
    expect(figures(first)).toBe('1 of 2501');
    // A rewrite comes before any other recount could end.
    live.stackInto(1, 2400);
    while (waiting.length > 0) {
      waiting.shift()?.();
      await turn();
    }
    await service.whenCounted();
    expect(await released(service.nextToReview(CASE, 'i9'))).toEqual({ itemId: 'i11', index: 11 });
  });

  it('stops counting at the next slice once the case is left, and starts no recount after', async () => {
    const live = importingCase();
    live.arrive(5000);
    let slices = 0;
    let looked = false;
    let leaving: Promise<void> | null = null;
    const { service, pushed, timers, elapse } = serviceOver(live, async () => {
      if (!looked) return;
      slices += 1;
      // The investigator opens another case after the recount's first slice.
      leaving ??= service.leave();
    });
    await service.state(CASE);
    looked = true;
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
    const { between, answers, yieldToLoop } = stepsBetweenSlices();
    const { service, figures, elapse } = serviceOver(live, yieldToLoop);
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
    await Promise.all(answers);
    expect(figures(first)).toBe('1 of 3400');
    expect(await service.nextToReview(CASE, 'i9')).toEqual({ itemId: 'i11', index: 11 });
    expect(await service.nextToReview(CASE, 'i19')).toEqual({ itemId: 'i20', index: 20 });
  });
});
