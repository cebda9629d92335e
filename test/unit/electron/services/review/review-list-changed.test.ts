import { describe, expect, it } from 'vitest';
import { CASE, importingCase, serviceOver, stepsBetweenSlices } from './importing-case.js';

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
    const { between, answers, yieldToLoop, slices } = stepsBetweenSlices();
    const { service, pushed, figures, timers, elapse } = serviceOver(live, yieldToLoop);
    const first = await service.state(CASE);
    const slicesBefore = slices();

    // Items 3,400 on fold into item 0's stack; while "To review" is counted again, item 10 (already counted) is decided.
    live.stackInto(0, 3400);
    between.push(() => service.categorise(CASE, 'i10', '1'));
    service.listChanged();
    await elapse();
    expect(slices() - slicesBefore).toBeGreaterThanOrEqual(3);
    expect(figures(first)).toBe('1 of 3400');
    // The decision's own answer waited for the count under way, and carries the rewritten list's figures.
    expect(await answers[0]).toMatchObject({ state: { reviewedCount: 1, totalCount: 3400 } });

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
});
