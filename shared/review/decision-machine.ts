import type { CategoryCode, DecisionSource } from './decision-event.js';

/**
 * Undo and redo of review decisions, as pure functions over a small history. The categories
 * themselves are not held here: the caller keeps them (a Map over 100,000 items) and passes a
 * lookup, and applies each returned action's `after` values. So a keypress costs the size of
 * its stack, never the size of the case.
 */

/** How many decisions can be undone; the issue asks for at least 50. */
export const UNDO_DEPTH = 100;

/** One item's category moving from `before` to `after`. */
interface ItemChange {
  itemId: string;
  before: CategoryCode;
  after: CategoryCode;
  source: DecisionSource;
}

/** What one decision, undo or redo changed; apply each change's `after`. */
export interface ReviewAction {
  changes: readonly ItemChange[];
}

export interface UndoHistory {
  /** Oldest first; the last is undone next. */
  undo: readonly ReviewAction[];
  /** Most recently undone last; cleared by a new decision. */
  redo: readonly ReviewAction[];
}

export const EMPTY_HISTORY: UndoHistory = { undo: [], redo: [] };

/** Every file of the item's stack, the item itself included (just the item when it has no copies). */
export type StackMembers = (itemId: string) => readonly string[];

/** An item's category now (null: uncategorised). */
export type CategoryLookup = (itemId: string) => CategoryCode;

export interface Decided {
  history: UndoHistory;
  /** Null when nothing changed (the whole stack already had the category): nothing to undo. */
  action: ReviewAction | null;
  /** The other files of the stack the decision covers, changed or not: "applied to 14 copies". */
  copies: number;
}

/**
 * Categorises an item and every other file of its stack, as one undoable step. The chosen
 * item's change is the investigator's; its copies' are the stack's. Only files whose category
 * moves are in the action, so undo puts back exactly what each had.
 */
export function decide(history: UndoHistory, current: CategoryLookup, stackMembers: StackMembers, itemId: string, category: CategoryCode): Decided {
  return decideMany(history, current, stackMembers, [itemId], category);
}

/**
 * Categorises several chosen items (a grid selection) and every file of their stacks as ONE
 * undoable step: the investigator chose them together, so Ctrl+Z takes them back together, as
 * a file manager's undo takes back one multi-file move. A file both chosen and a copy of another
 * chosen item counts as chosen; a file in two chosen stacks appears once. `copies` counts the
 * files covered that were not chosen.
 */
export function decideMany(
  history: UndoHistory,
  current: CategoryLookup,
  stackMembers: StackMembers,
  itemIds: readonly string[],
  category: CategoryCode,
): Decided {
  const chosen = new Set(itemIds);
  const covered = new Set(itemIds);
  for (const itemId of itemIds) for (const member of stackMembers(itemId)) covered.add(member);
  const changes: ItemChange[] = [];
  for (const id of covered) {
    const before = current(id);
    if (before !== category) changes.push({ itemId: id, before, after: category, source: chosen.has(id) ? 'investigator' : 'stack' });
  }
  const copies = covered.size - chosen.size;
  if (changes.length === 0) return { history, action: null, copies };
  const action: ReviewAction = { changes };
  return { history: { undo: [...history.undo, action].slice(-UNDO_DEPTH), redo: [] }, action, copies };
}

/** The step that undoes the last decision (each change reversed), or null when there is none. */
export function undo(history: UndoHistory): { history: UndoHistory; action: ReviewAction } | null {
  const last = history.undo.at(-1);
  if (last === undefined) return null;
  const reversed = last.changes.map((change) => ({ ...change, before: change.after, after: change.before }));
  return { history: { undo: history.undo.slice(0, -1), redo: [...history.redo, last] }, action: { changes: reversed } };
}

/** The step that makes the last undone decision again, or null when there is none. */
export function redo(history: UndoHistory): { history: UndoHistory; action: ReviewAction } | null {
  const last = history.redo.at(-1);
  if (last === undefined) return null;
  return { history: { undo: [...history.undo, last].slice(-UNDO_DEPTH), redo: history.redo.slice(0, -1) }, action: last };
}
