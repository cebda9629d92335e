import { describe, expect, it } from 'vitest';
import { CASE, importingCase, serviceOver } from './importing-case.js';

/** Counts the turns a count gave back to the event loop; `between` runs at each (what else the main side does then). */
function countedTurns(between: (turn: number) => void = () => undefined) {
  let turns = 0;
  return {
    yieldToLoop: async () => {
      turns += 1;
      between(turns);
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    turns: () => turns,
  };
}

describe('requests that need the whole list counted do it in slices (part 6: no main-side stall over 20 ms)', () => {
  it('answers the first look at a large case with its true figures, counted over several turns of the loop rather than one', async () => {
    const live = importingCase();
    live.arrive(4500);
    const loop = countedTurns();
    const { service } = serviceOver(live, loop.yieldToLoop);
    await service.categorise(CASE, 'i7', '1');
    // 4,500 items, 1,000 a slice: four times the loop had its turn before the answer.
    expect(loop.turns()).toBe(4);
    expect(await service.state(CASE)).toMatchObject({ reviewedCount: 1, totalCount: 4500 });
    expect(await service.nextToReview(CASE, 'i6')).toEqual({ itemId: 'i8', index: 8 });
  });

  it('answers "Next" just after the list was rewritten with the true next item, counted in slices', async () => {
    const live = importingCase();
    live.arrive(3000);
    const loop = countedTurns();
    const { service } = serviceOver(live, loop.yieldToLoop);
    await service.categorise(CASE, 'i1', '2');
    const turnsBefore = loop.turns();
    // Items 2,000 on fold into item 1's stack: item 1 (decided) now stands for them all.
    live.stackInto(1, 2000);
    expect(await service.nextToReview(CASE, 'i0')).toEqual({ itemId: 'i2', index: 2 });
    expect(loop.turns() - turnsBefore).toBe(1);
    expect(await service.state(CASE)).toMatchObject({ reviewedCount: 1, totalCount: 2000 });
  });

  it('ends a slice at its time budget when the items are slow to count (a loaded machine), not only at its item count', async () => {
    const live = importingCase();
    live.arrive(2000);
    const loop = countedTurns();
    // Every read of the clock finds 10 ms gone: a slice counts one step of 200 items, and its 8 ms are up.
    let nowMs = 0;
    const { service } = serviceOver(live, loop.yieldToLoop, () => (nowMs += 10));
    expect(await service.state(CASE)).toMatchObject({ reviewedCount: 0, totalCount: 2000 });
    expect(loop.turns()).toBe(9);
  });

  it("still answers, with the list's true figures, when the list is rewritten under every count in slices (a PDQ pass regrouping stacks)", async () => {
    const live = importingCase();
    live.arrive(3000);
    // Between two slices, stacks change again: items from 2,900, then 2,800… fold into item 0's stack.
    const loop = countedTurns((turn) => live.stackInto(0, 3000 - 100 * turn));
    const { service } = serviceOver(live, loop.yieldToLoop);
    const state = await service.state(CASE);
    // Counted at once after three tries: the list as it was then.
    expect(state.totalCount).toBe(3000 - 100 * loop.turns());
    expect(loop.turns()).toBe(3);
  });

  it('answers once it has caught up with an import still appending between its slices, its figures counting every item arrived', async () => {
    const live = importingCase();
    live.arrive(3000);
    // The import publishes 300 items between every two slices, for as long as the count goes on (fewer than a slice counts).
    const loop = countedTurns(() => live.arrive(300));
    const { service } = serviceOver(live, loop.yieldToLoop);
    const state = await service.state(CASE);
    // 1,000 items a slice gain 700 a turn on the import: caught up in the fourth slice, every item arrived by then counted.
    expect(loop.turns()).toBe(3);
    expect(state).toMatchObject({ reviewedCount: 0, totalCount: 3900 });
    expect(await service.nextToReview(CASE, 'i3898')).toEqual({ itemId: 'i3899', index: 3899 });
  });

  it('settles with an error, never waiting for ever, when the case is left while a request waits for its count', async () => {
    const live = importingCase();
    live.arrive(3000);
    let left = false;
    // After the case is left, the session says no list version and refuses its items, as the real one does.
    const { summary, listForReview } = live.session;
    live.session.summary = () => (left ? null : (summary?.() ?? null));
    live.session.listForReview = (...args) => {
      if (left) throw new Error('not the open case');
      return listForReview(...args);
    };
    const loop = countedTurns(() => (left = true));
    const { service } = serviceOver(live, loop.yieldToLoop);
    await expect(service.state(CASE)).rejects.toThrow('not the open case');
    expect(loop.turns()).toBe(1);
  });

  it('never asks the session for its "known" view while the case has no known item (the session would make it in a pass over every item)', async () => {
    const live = importingCase();
    live.arrive(50);
    const views: string[] = [];
    const listForReview = live.session.listForReview;
    live.session.listForReview = (caseId, offset, limit, view) => {
      views.push(view);
      return listForReview(caseId, offset, limit, view);
    };
    const { service } = serviceOver(live);
    await service.state(CASE);
    expect(views).not.toContain('known');
    live.arrive(2, '1');
    // Known items arrived: the next look categorises them from their set, through the view.
    await service.state(CASE);
    expect(views).toContain('known');
  });
});
