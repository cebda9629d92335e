import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOpenPlaces } from '../../../../shared/review/open-places.js';

describe('open places (the "To review" items still without a category)', () => {
  it('finds the same first open place at or after any place as a walk does, after any marks and places added at the end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 0, maxLength: 70 }),
        fc.array(fc.tuple(fc.constantFrom('mark' as const, 'append' as const), fc.nat(80), fc.boolean()), { maxLength: 60 }),
        fc.nat(80),
        (initial, steps, from) => {
          const flags = [...initial];
          const places = createOpenPlaces(flags.length, (place) => flags[place] === true);
          for (const [step, place, open] of steps) {
            if (step === 'append') {
              places.append(open);
              flags.push(open);
              continue;
            }
            places.setOpen(place, open);
            if (place < flags.length) flags[place] = open;
          }
          const walked = flags.findIndex((open, place) => open && place >= from);
          expect(places.firstOpenFrom(from)).toBe(walked < 0 ? null : walked);
          expect(flags.map((_, place) => places.isOpen(place))).toEqual(flags);
        },
      ),
      { numRuns: 500 },
    );
  });
});
