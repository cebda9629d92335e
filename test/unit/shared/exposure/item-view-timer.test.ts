import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_ITEM_VIEW, stepItemView, viewerItemOf, type ItemViewState } from '../../../../shared/exposure/item-view-timer.js';
import type { ItemViewRecord } from '../../../../shared/exposure/avoided-records.js';
import { SECOND, T0 } from './timeline.js';

const GREY = { greyscale: true, blur: 'strong', reveal: 'none' } as const;

describe('viewerItemOf', () => {
  it('names the viewer item (or the storyboard one), null for the grid alone, undefined when nothing is painted', () => {
    expect(
      viewerItemOf({
        surfaces: [
          { surface: 'grid', itemIds: ['g1', 'g2'], filter: GREY },
          { surface: 'viewer', itemIds: ['v1'], filter: GREY },
        ],
      }),
    ).toBe('v1');
    expect(viewerItemOf({ surfaces: [{ surface: 'storyboard', itemIds: ['s1'], filter: GREY }] })).toBe('s1');
    expect(viewerItemOf({ surfaces: [{ surface: 'grid', itemIds: ['g1'], filter: GREY }] })).toBeNull();
    expect(viewerItemOf({ surfaces: [] })).toBeUndefined();
  });
});

describe('stepItemView', () => {
  it('writes each finished view with its counted time, not the time the grid or nothing was shown', () => {
    let state: ItemViewState = NO_ITEM_VIEW;
    const records: ItemViewRecord[] = [];
    const step = (countedMs: number, viewer: string | null | undefined, atMs: number) => {
      const next = stepItemView(state, { countedMs, viewer }, atMs);
      state = next.state;
      if (next.record) records.push(next.record);
    };
    step(4 * SECOND, 'a', T0); // grid time before the viewer opened: not a view
    step(6 * SECOND, undefined, T0 + 6 * SECOND); // a tick
    step(2 * SECOND, undefined, T0 + 8 * SECOND); // hidden, then shown again: still item a
    step(1 * SECOND, 'b', T0 + 9 * SECOND);
    step(5 * SECOND, null, T0 + 14 * SECOND); // back to the grid
    step(30 * SECOND, null, T0 + 44 * SECOND);
    expect(records).toEqual([
      { v: 1, type: 'item-view', atMs: T0 + 9 * SECOND, durationMs: 9 * SECOND },
      { v: 1, type: 'item-view', atMs: T0 + 14 * SECOND, durationMs: 5 * SECOND },
    ]);
    expect(state).toEqual(NO_ITEM_VIEW);
  });

  it('accounts for every counted ms while an item was in the viewer, in records or the open view', () => {
    const stepArb = fc.record({ countedMs: fc.nat(60 * SECOND), viewer: fc.constantFrom<string | null | undefined>('a', 'b', 'c', null, undefined) });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 50 }), (steps) => {
        let state: ItemViewState = NO_ITEM_VIEW;
        let expectedMs = 0;
        let recordedMs = 0;
        steps.forEach(({ countedMs, viewer }, i) => {
          if (state.itemId !== null) expectedMs += countedMs;
          const next = stepItemView(state, { countedMs, viewer }, T0 + i * SECOND);
          if (next.record) {
            expect(Object.keys(next.record).sort()).toEqual(['atMs', 'durationMs', 'type', 'v']);
            recordedMs += next.record.durationMs;
          }
          state = next.state;
        });
        expect(recordedMs + state.countedMs).toBe(expectedMs);
      }),
    );
  });
});
