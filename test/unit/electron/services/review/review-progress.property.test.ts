import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import { inItemView } from '../../../../../shared/known/item-match.js';
import { createReviewService, type ReviewServiceDeps } from '../../../../../electron/services/review/review-service.js';
import { caseSummaryFixture } from '../../../../fixtures/case-summary.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';

const CASE = 'case-1';
const ITEM_COUNT = 9;
/** Items may arrive during the steps (an import still publishing): up to this many in all. */
const MAX_ITEMS = 16;
const CODES = ['0', '1', '2', '3', '4', null] as const;

const itemAt = (index: number): MediaItem => mediaItemFixture({ id: `i${index}`, duplicatePaths: index % 4 === 0 ? [`copies/${index}.jpg`] : [] });

/**
 * A case whose stacks and known matches change under the review, as the import and the PDQ
 * pass change them, and whose import still appends items: each change moves the list's version,
 * as the real session does, and every change but an append counts as a rewrite.
 */
function liveCase() {
  const items: MediaItem[] = Array.from({ length: ITEM_COUNT }, (_, index) => itemAt(index));
  let version = 0;
  let rewrites = 0;
  const byId = (id: string) => items.find((item) => item.id === id);
  const membersOf = (stackId: string) => items.filter((item) => item.stackId === stackId);
  const copy = (item: MediaItem): MediaItem => ({ ...item, duplicatePaths: [...item.duplicatePaths] });

  const session: ReviewServiceDeps['session'] = {
    listForReview(_caseId, offset, limit, view = 'all') {
      const listed = items.filter((item) => inItemView(item, view));
      // The live items, as the session hands them to the review now (read-only, changed in place by later steps).
      return { total: listed.length, items: listed.slice(offset, offset + limit) };
    },
    getItems: (_caseId, ids) => ids.flatMap((id) => items.filter((item) => item.id === id).map(copy)),
    stackMembers(_caseId, itemId) {
      const item = byId(itemId);
      const members = item ? membersOf(item.stackId) : [];
      if (members.length < 2) return [];
      const representative = members.filter((member) => member.id === item?.stackId);
      return [...representative, ...members.filter((member) => member.id !== item?.stackId)].map((member) => ({ item: copy(member), distanceBits: 0 }));
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
    items,
    /** New items at the end of the list (known ones with their set's category), as an import publishes them. */
    arrive(count: number, knownCategory: string | null) {
      for (let added = 0; added < count && items.length < MAX_ITEMS; added += 1) {
        const item = itemAt(items.length);
        if (knownCategory !== null) item.match = { type: 'known', setId: 1, setName: 'VIC', scheme: 'vic-us', category: knownCategory, matchedBy: 'md5' };
        items.push(item);
      }
      version += 1;
    },
    /** `from`'s stack joins `into`'s; `fromLeads` makes `from`'s representative lead the whole (a larger picture arrived). */
    merge(from: number, into: number, fromLeads: boolean) {
      const a = items[from]?.stackId;
      const b = items[into]?.stackId;
      if (a === undefined || b === undefined || a === b) return;
      const lead = fromLeads ? a : b;
      const joined = [...membersOf(a), ...membersOf(b)];
      const size = joined.reduce((sum, member) => sum + 1 + member.duplicatePaths.length, 0);
      for (const member of joined) Object.assign(member, { stackId: lead, stackSize: size });
      version += 1;
      rewrites += 1;
    },
    markKnown(index: number, category: string) {
      const item = items[index];
      if (item === undefined || item.match !== null) return;
      item.match = { type: 'known', setId: 1, setName: 'VIC', scheme: 'vic-us', category, matchedBy: 'md5' };
      version += 1;
      rewrites += 1;
    },
  };
}

const opArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('decide' as const), item: fc.nat(MAX_ITEMS - 1), code: fc.constantFrom(...CODES) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('merge' as const), from: fc.nat(MAX_ITEMS - 1), into: fc.nat(MAX_ITEMS - 1), fromLeads: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('known' as const), item: fc.nat(MAX_ITEMS - 1), code: fc.constantFrom('1', '2') }) },
  // The list moved and the service's timer ran: the background recount (in slices) catches up, as during an import.
  { weight: 2, arbitrary: fc.constant({ kind: 'recount' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('arrive' as const), count: fc.integer({ min: 1, max: 3 }), known: fc.constantFrom(null, null, '1', '2') }),
  },
);

describe('review progress kept between decisions', () => {
  it('always equals a recount from scratch, per category, and Next to review agrees with a walk of the list', async () => {
    await fc.assert(
      // `look`: whether the figures are checked after the step; without it the next steps (a decision, an undo across a
      // merge) run on progress built for a list version that has since moved, as when stacks change between two keys.
      // `meanwhile`: the step is made between two slices of the next count (a keypress, an import's batch, stacks
      // regrouping while "To review" is counted over several turns); `sliceItems`: how many items a slice counts.
      fc.asyncProperty(
        fc.array(fc.record({ op: opArb, look: fc.boolean(), meanwhile: fc.boolean() }), { maxLength: 25 }),
        fc.nat(MAX_ITEMS),
        fc.constantFrom(1, 3, 1000),
        async (steps, probe, sliceItems) => {
          const live = liveCase();
          const timers: (() => void)[] = [];
          /** Steps waiting for a count's next yield, and the answers of those made there (not awaited there: they may wait for that very count). */
          const waiting: (() => Promise<unknown>)[] = [];
          const madeMeanwhile: Promise<unknown>[] = [];
          const service = createReviewService({
            session: live.session,
            workspace: async () => null,
            presetScheme: () => null,
            userName: 'jtremblay',
            nowMs: () => 1_800_000_000_000,
            onChange: () => undefined,
            retryMs: 5000,
            setTimer: (callback) => {
              timers.push(callback);
              return { cancel: () => void timers.splice(timers.indexOf(callback), 1) };
            },
            sliceItems,
            yieldToLoop: async () => {
              const step = waiting.shift();
              if (step) madeMeanwhile.push(step().catch(() => null));
              await new Promise<void>((resolve) => setImmediate(resolve));
            },
          });
          const decided = new Set<string>();
          /** Makes a step now (returning its answer), as the investigator or the import would. */
          const make = (op: (typeof steps)[number]['op']): Promise<unknown> => {
            if (op.kind === 'decide') {
              decided.add(`i${op.item}`);
              return service.categorise(CASE, `i${op.item}`, op.code);
            }
            if (op.kind === 'undo') return service.undo(CASE);
            if (op.kind === 'redo') return service.redo(CASE);
            if (op.kind === 'merge') live.merge(op.from, op.into, op.fromLeads);
            else if (op.kind === 'arrive') live.arrive(op.count, op.known);
            else if (op.kind === 'known') live.markKnown(op.item, op.code);
            return Promise.resolve(null);
          };
          /** Before a look: steps no count has yielded to yet are made now, and every answer of those made meanwhile is awaited. */
          const settleMeanwhile = async () => {
            for (const step of waiting.splice(0)) madeMeanwhile.push(step().catch(() => null));
            await Promise.all(madeMeanwhile.splice(0));
          };
          for (const [at, { op, look, meanwhile }] of steps.entries()) {
            const later = meanwhile && op.kind !== 'recount';
            if (later) waiting.push(() => make(op));
            // The figures a decision, undo or redo answers with (the header's), made in the same call as the step.
            let answered: { reviewedCount: number } | null = null;
            // The next item to review a decision answers with (what "open next" opens), and the item it was decided on.
            let answeredNext: { after: string; next: unknown } | null = null;
            if (later) {
              // Made at the next yield of a count, or before the look.
            } else if (op.kind === 'decide') {
              decided.add(`i${op.item}`);
              const outcome = await service.categorise(CASE, `i${op.item}`, op.code).catch(() => null);
              answered = outcome?.state ?? null;
              answeredNext = outcome === null ? null : { after: `i${op.item}`, next: outcome.next };
            } else if (op.kind === 'undo') answered = (await service.undo(CASE)).state;
            else if (op.kind === 'redo') answered = (await service.redo(CASE)).state;
            else if (op.kind === 'merge') live.merge(op.from, op.into, op.fromLeads);
            else if (op.kind === 'arrive') live.arrive(op.count, op.known);
            else if (op.kind === 'recount') {
              service.listChanged();
              for (const callback of timers.splice(0)) callback();
              await service.whenCounted();
            } else live.markKnown(op.item, op.code);
            if (!look && at < steps.length - 1) continue;
            // A step made only now comes after this step's answer: that answer could not carry it.
            if (waiting.length > 0) [answered, answeredNext] = [null, null];
            await settleMeanwhile();

            // From scratch: every item of "To review", each one's category asked afresh.
            const state = await service.state(CASE);
            const listed = live.session.listForReview(CASE, 0, MAX_ITEMS, 'to-review').items;
            const categories = await Promise.all(listed.map(async (item) => (await service.item(CASE, item.id)).category));
            const counts = new Map<string, number>();
            for (const code of categories) if (code !== null) counts.set(code, (counts.get(code) ?? 0) + 1);
            expect(state.totalCount).toBe(listed.length);
            expect(state.reviewedCount).toBe(categories.filter((code) => code !== null).length);
            if (answered !== null) expect(answered.reviewedCount).toBe(state.reviewedCount);
            expect(await service.countsByCategory(CASE)).toEqual(counts);
            // Items that arrived known carry their set's category (a stack's decision never reaches them; only one made on them does).
            for (const item of live.items.slice(ITEM_COUNT)) {
              if (item.match?.type === 'known' && !decided.has(item.id)) expect((await service.item(CASE, item.id)).category).toBe(item.match.category);
            }

            const walkFrom = (after: string | null) => {
              const start = after === null ? 0 : listed.findIndex((item) => item.id === after) + 1;
              const walked = listed.map((_, step) => (start + step) % listed.length).find((index) => categories[index] === null);
              return walked === undefined ? { itemId: null, index: null } : { itemId: listed[walked]?.id ?? null, index: walked };
            };
            const after = probe < MAX_ITEMS ? `i${probe}` : null;
            expect(await service.nextToReview(CASE, after)).toEqual(walkFrom(after));
            if (answeredNext !== null) expect(answeredNext.next).toEqual(walkFrom(answeredNext.after));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a keypress on a large case', () => {
  it('categorises and finds the next item without listing the case again while the list stays the same', async () => {
    const live = liveCase();
    let listed = 0;
    const service = createReviewService({
      session: {
        ...live.session,
        listForReview: (...args) => {
          listed += 1;
          return live.session.listForReview(...args);
        },
      },
      workspace: async () => null,
      presetScheme: () => null,
      userName: 'jtremblay',
      nowMs: () => 1_800_000_000_000,
      onChange: () => undefined,
      retryMs: 5000,
      setTimer: () => ({ cancel: () => undefined }),
    });
    expect((await service.state(CASE)).totalCount).toBe(ITEM_COUNT);
    const before = listed;
    for (let index = 0; index < 5; index += 1) {
      const outcome = await service.categorise(CASE, `i${index}`, '1');
      expect(outcome.state.reviewedCount).toBe(index + 1);
      expect(outcome.next).toEqual({ itemId: `i${index + 1}`, index: index + 1 });
      expect(await service.nextToReview(CASE, `i${index}`)).toEqual({ itemId: `i${index + 1}`, index: index + 1 });
    }
    await service.undo(CASE);
    expect(await service.nextToReview(CASE, 'i8')).toEqual({ itemId: 'i4', index: 4 });
    expect(listed).toBe(before);
    // A stack grew: the list is read again, once.
    live.merge(6, 5, false);
    expect((await service.state(CASE)).totalCount).toBe(ITEM_COUNT - 1);
    expect(listed).toBeGreaterThan(before);
  });
});
