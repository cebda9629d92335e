import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import type { ItemMatch } from '../../../../../shared/known/item-match.js';
import { createCaseIndex, markItemsChanged } from '../../../../../electron/services/case/case-index.js';
import { createCaseViews } from '../../../../../electron/services/case/case-views.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';

/** What an item may be, as a view sees it: matched or not, standing for a stack of copies or inside another's. */
type Shape = 'plain' | 'known' | 'near' | 'copies' | 'in-stack';

function matchOf(type: 'known' | 'near'): ItemMatch {
  const set = { setId: 1, setName: 'Set', scheme: 'custom' as const, category: '1' };
  return type === 'known' ? { ...set, type, matchedBy: 'sha256' } : { ...set, type, distance: 12 };
}

function itemOf(number: number, shape: Shape): MediaItem {
  const id = `item${String(number).padStart(28, '0')}`;
  return mediaItemFixture({
    id,
    name: `${number}.png`,
    stackId: shape === 'in-stack' ? 'another' : id,
    stackSize: shape === 'copies' ? 3 : 1,
    match: shape === 'known' || shape === 'near' ? matchOf(shape) : null,
  });
}

/** Gives `item` a new shape in place, as a rematch, a stack or a copy folded in would. */
function reshape(item: MediaItem, shape: Shape): void {
  const fresh = itemOf(0, shape);
  item.match = fresh.match;
  item.stackSize = fresh.stackSize;
  item.stackId = shape === 'in-stack' ? 'another' : item.id;
}

const SHAPES: Shape[] = ['plain', 'known', 'near', 'copies', 'in-stack'];
const VIEWS = ['to-review', 'known', 'near', 'duplicates', 'all'] as const;

describe('case views over an index that grows while it is read', () => {
  it('counts and lists exactly what a pass over every item gives, after appends and after changes to listed items', () => {
    const step = fc.oneof(
      fc.record({ type: fc.constant('append' as const), shapes: fc.array(fc.constantFrom(...SHAPES), { maxLength: 6 }) }),
      fc.record({ type: fc.constant('change' as const), at: fc.nat(), shape: fc.constantFrom(...SHAPES) }),
      fc.record({ type: fc.constant('read' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const index = createCaseIndex('/case');
        const views = createCaseViews(index);
        let made = 0;
        for (const next of steps) {
          if (next.type === 'append') {
            for (const shape of next.shapes) {
              index.version += 1;
              index.items.push(itemOf((made += 1), shape));
            }
          } else if (next.type === 'change' && index.items.length > 0) {
            reshape(index.items[next.at % index.items.length]!, next.shape);
            markItemsChanged(index);
          }
          // Read every time, so the next read has something to add to; compared with views made from nothing.
          const fresh = createCaseViews(index);
          expect(views.counts()).toEqual(fresh.counts());
          for (const view of VIEWS) expect(views.items(view).map((item) => item.id)).toEqual(fresh.items(view).map((item) => item.id));
        }
      }),
    );
  });

  it('takes in only the appended items while nothing listed changed: a copy folded into an early item is still counted', () => {
    const index = createCaseIndex('/case');
    const views = createCaseViews(index);
    for (let number = 1; number <= 3; number += 1) index.items.push(itemOf(number, 'plain'));
    index.version += 1;
    expect(views.counts().duplicateStackCount).toBe(0);
    index.items[0]!.stackSize = 2;
    markItemsChanged(index);
    expect(views.counts().duplicateStackCount).toBe(1);
    expect(views.items('duplicates').map((item) => item.id)).toEqual([index.items[0]!.id]);
  });
});
