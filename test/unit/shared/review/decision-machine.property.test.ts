import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, decideMany, EMPTY_HISTORY, redo, undo, UNDO_DEPTH, type ReviewAction, type UndoHistory } from '../../../../shared/review/decision-machine.js';
import type { CategoryCode } from '../../../../shared/review/decision-event.js';

/** A case of `items` files cut into stacks by `stackOf` (item index → stack number). */
interface Case {
  stackOf: number[];
  categories: Map<string, CategoryCode>;
  history: UndoHistory;
}

const id = (index: number): string => `item-${index}.jpg`;

function newCase(stackOf: number[]): Case {
  return { stackOf, categories: new Map(), history: EMPTY_HISTORY };
}

function members(state: Case): (itemId: string) => string[] {
  return (itemId) => {
    const stack = state.stackOf[Number(itemId.slice(5, -4))];
    return state.stackOf.flatMap((value, index) => (value === stack ? [id(index)] : []));
  };
}

function apply(state: Case, action: ReviewAction): void {
  for (const change of action.changes) state.categories.set(change.itemId, change.after);
}

const lookup = (state: Case) => (itemId: string) => state.categories.get(itemId) ?? null;

type Step =
  { type: 'decide'; item: number; category: CategoryCode } | { type: 'batch'; items: number[]; category: CategoryCode } | { type: 'undo' } | { type: 'redo' };

function run(state: Case, step: Step): void {
  if (step.type === 'decide') {
    const decided = decide(state.history, lookup(state), members(state), id(step.item % state.stackOf.length), step.category);
    state.history = decided.history;
    if (decided.action) apply(state, decided.action);
    return;
  }
  if (step.type === 'batch') {
    const chosen = step.items.map((item) => id(item % state.stackOf.length));
    const decided = decideMany(state.history, lookup(state), members(state), chosen, step.category);
    state.history = decided.history;
    if (decided.action) apply(state, decided.action);
    return;
  }
  const moved = step.type === 'undo' ? undo(state.history) : redo(state.history);
  if (moved === null) return;
  state.history = moved.history;
  apply(state, moved.action);
}

const snapshot = (state: Case): Record<string, CategoryCode> =>
  Object.fromEntries(state.stackOf.map((_, index) => [id(index), state.categories.get(id(index)) ?? null]));

const category = fc.constantFrom<CategoryCode>(null, '0', '1', '2', '3', '4');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('decide' as const), item: fc.nat(), category }),
  fc.record({ type: fc.constant('batch' as const), items: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), category }),
  fc.constant({ type: 'undo' as const }),
  fc.constant({ type: 'redo' as const }),
);
const stacks = fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 12 });

describe('undo and redo of review decisions', () => {
  it('undo then redo gives back exactly the categories there were, after any sequence of steps', () => {
    fc.assert(
      fc.property(stacks, fc.array(step, { maxLength: 40 }), (stackOf, steps) => {
        const state = newCase(stackOf);
        for (const each of steps) run(state, each);
        const before = snapshot(state);
        const undone = undo(state.history);
        if (undone === null) return;
        state.history = undone.history;
        apply(state, undone.action);
        const redone = redo(state.history);
        expect(redone).not.toBeNull();
        if (redone === null) return;
        state.history = redone.history;
        apply(state, redone.action);
        expect(snapshot(state)).toEqual(before);
      }),
    );
  });

  it('a decision then its undo leaves every file, copies included, as it was', () => {
    fc.assert(
      fc.property(stacks, fc.array(step, { maxLength: 30 }), fc.nat(), category, (stackOf, steps, item, chosen) => {
        const state = newCase(stackOf);
        for (const each of steps) run(state, each);
        const before = snapshot(state);
        run(state, { type: 'decide', item, category: chosen });
        run(state, { type: 'undo' });
        // When the decision changed nothing it left no step, and the undo took back an older one.
        const decidedNothing = members(state)(id(item % stackOf.length)).every((member) => before[member] === chosen);
        if (!decidedNothing) expect(snapshot(state)).toEqual(before);
      }),
    );
  });

  it('every file of a stack always has the same category, whatever is decided, undone and redone', () => {
    fc.assert(
      fc.property(stacks, fc.array(step, { maxLength: 60 }), (stackOf, steps) => {
        const state = newCase(stackOf);
        for (const each of steps) {
          run(state, each);
          const byStack = new Map<number, CategoryCode>();
          stackOf.forEach((stack, index) => {
            const value = state.categories.get(id(index)) ?? null;
            if (!byStack.has(stack)) byStack.set(stack, value);
            expect(value).toBe(byStack.get(stack));
          });
        }
      }),
    );
  });

  it('a decision on a stack covers its copies, says how many, and marks them as following the stack', () => {
    const state = newCase([0, 0, 0, 1]);
    const decided = decide(state.history, lookup(state), members(state), id(0), '1');
    expect(decided.copies).toBe(2);
    expect(decided.action?.changes.map((change) => [change.itemId, change.source])).toEqual([
      [id(0), 'investigator'],
      [id(1), 'stack'],
      [id(2), 'stack'],
    ]);
  });

  it('undoes at least the last 50 decisions, one at a time, newest first', () => {
    const state = newCase(Array.from({ length: 60 }, (_, index) => index));
    for (let index = 0; index < 60; index += 1) run(state, { type: 'decide', item: index, category: '1' });
    for (let count = 0; count < 50; count += 1) run(state, { type: 'undo' });
    expect(Object.values(snapshot(state)).filter((value) => value === '1')).toHaveLength(10);
    expect(state.categories.get(id(9))).toBe('1');
    expect(state.categories.get(id(10))).toBeNull();
    expect(UNDO_DEPTH).toBeGreaterThanOrEqual(50);
  });

  it('a decision that changes nothing leaves nothing to undo, and a new decision ends redo', () => {
    const state = newCase([0, 1]);
    run(state, { type: 'decide', item: 0, category: '2' });
    expect(decide(state.history, lookup(state), members(state), id(0), '2').action).toBeNull();
    run(state, { type: 'undo' });
    run(state, { type: 'decide', item: 1, category: '3' });
    expect(redo(state.history)).toBeNull();
  });

  it('a batch is one step: one undo takes back every chosen item and its copies, and redo makes it again', () => {
    fc.assert(
      fc.property(stacks, fc.array(step, { maxLength: 30 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), category, (stackOf, steps, items, chosen) => {
        const state = newCase(stackOf);
        for (const each of steps) run(state, each);
        const before = snapshot(state);
        run(state, { type: 'batch', items, category: chosen });
        const after = snapshot(state);
        const changed = Object.keys(before).some((key) => before[key] !== after[key]);
        // Every chosen item, and each file of its stack, has the category now.
        for (const item of items) for (const member of members(state)(id(item % stackOf.length))) expect(after[member]).toBe(chosen);
        if (!changed) return;
        run(state, { type: 'undo' });
        expect(snapshot(state)).toEqual(before);
        run(state, { type: 'redo' });
        expect(snapshot(state)).toEqual(after);
      }),
    );
  });

  it("a batch marks the chosen files as the investigator's and counts each copy once, even when two chosen items share a stack", () => {
    const state = newCase([0, 0, 0, 1, 2]);
    const decided = decideMany(state.history, lookup(state), members(state), [id(0), id(1), id(3)], '2');
    expect(decided.copies).toBe(1);
    expect(decided.history.undo).toHaveLength(1);
    expect(decided.action?.changes.map((change) => [change.itemId, change.source])).toEqual([
      [id(0), 'investigator'],
      [id(1), 'investigator'],
      [id(3), 'investigator'],
      [id(2), 'stack'],
    ]);
  });
});
