import { useCallback, useState } from 'react';
import type { VeilClient } from '../../../shared/client.js';
import { MAX_BATCH_ITEMS } from '../../../shared/review/batch-contract.js';
import { ITEM_PAGE_SIZE, type ItemStore } from '../case-items/item-store';

/** The grid's multi-selection: item ids (not positions nor DOM nodes), so it survives scrolling and the virtualised rows. */
export interface GridSelection {
  ids: ReadonlySet<string>;
  /** The last addition would have gone past the most one batch may name: it was refused, the selection kept. */
  overLimit: boolean;
  /** Why the last Shift range could not be read (its items were asked for and the request failed): nothing was added; null otherwise. */
  rangeFailure: { reason: unknown } | null;
  /** Ctrl+click and Space: the item at `index` in or out; it becomes the anchor of a later range. */
  toggle(index: number): void;
  /** Shift+click: adds every item from the anchor (or this one) to `index`, as a file manager does. */
  extendTo(index: number): void;
  clear(): void;
}

interface Held {
  store: ItemStore | null;
  ids: ReadonlySet<string>;
  anchor: number | null;
  overLimit: boolean;
  rangeFailure: { reason: unknown } | null;
}

const NONE: ReadonlySet<string> = new Set();

const nothingHeld = (store: ItemStore | null): Held => ({ store, ids: NONE, anchor: null, overLimit: false, rangeFailure: null });

/** Ids of the items at [first, last] of the store's view: from the pages loaded, else asked for (a range may reach rows never drawn). */
async function idsInRange(client: VeilClient, store: ItemStore, first: number, last: number): Promise<string[]> {
  const loaded: string[] = [];
  for (let index = first; index <= last; index += 1) {
    const item = store.getItem(index);
    if (item === undefined) break;
    loaded.push(item.id);
  }
  if (loaded.length === last - first + 1) return loaded;
  const ids: string[] = [];
  for (let offset = first; offset <= last; offset += ITEM_PAGE_SIZE) {
    const page = await client.call('listItems', { caseId: store.caseId, offset, limit: Math.min(ITEM_PAGE_SIZE, last - offset + 1), view: store.view });
    ids.push(...page.items.map((item) => item.id));
  }
  return ids;
}

/**
 * The selection of the grid showing `store`; another case or "Show" view is another list, so it
 * starts empty there. Never more than MAX_BATCH_ITEMS ids: an addition past that is refused whole.
 */
export function useGridSelection(client: VeilClient, store: ItemStore | null): GridSelection {
  const [held, setHeld] = useState<Held>(() => nothingHeld(store));
  const current = held.store === store ? held : nothingHeld(store);

  const change = useCallback((update: (prev: Held) => Held) => setHeld((prev) => update(prev.store === store ? prev : nothingHeld(store))), [store]);
  const add = useCallback(
    (ids: readonly string[], anchor: number | null) =>
      change((prev) => {
        const next = new Set(prev.ids);
        for (const id of ids) next.add(id);
        return next.size > MAX_BATCH_ITEMS
          ? { ...prev, overLimit: true, rangeFailure: null }
          : { store, ids: next, anchor: anchor ?? prev.anchor, overLimit: false, rangeFailure: null };
      }),
    [change, store],
  );

  const toggle = useCallback(
    (index: number) => {
      const item = store?.getItem(index);
      if (item === undefined) return;
      if (current.ids.has(item.id)) {
        change((prev) => {
          const next = new Set(prev.ids);
          next.delete(item.id);
          return { store, ids: next, anchor: index, overLimit: false, rangeFailure: null };
        });
      } else add([item.id], index);
    },
    [store, current.ids, change, add],
  );

  const extendTo = useCallback(
    (index: number) => {
      if (store === null) return;
      const anchor = current.anchor ?? index;
      const [first, last] = anchor <= index ? [anchor, index] : [index, anchor];
      if (last - first + 1 > MAX_BATCH_ITEMS) {
        change((prev) => ({ ...prev, overLimit: true, rangeFailure: null }));
        return;
      }
      void idsInRange(client, store, first, last)
        .then((ids) => add(ids, anchor))
        // Said, not swallowed: a Shift+click that adds nothing without a word looks like a selection that worked.
        .catch((reason: unknown) => change((prev) => ({ ...prev, overLimit: false, rangeFailure: { reason } })));
    },
    [client, store, current.anchor, change, add],
  );

  const clear = useCallback(() => change(() => nothingHeld(store)), [change, store]);

  return { ids: current.ids, overLimit: current.overLimit, rangeFailure: current.rangeFailure, toggle, extendTo, clear };
}
