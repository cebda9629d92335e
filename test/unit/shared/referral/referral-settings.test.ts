import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReferralAnnotationSchema, IndustryClassSchema } from '../../../../shared/referral/referral-entry.js';
import { DEFAULT_REFERRAL_SETTINGS, ReferralFlagSchema, revealRulesFor, type ReferralSettings } from '../../../../shared/referral/referral-settings.js';

const referral = (classification: 'A1' | 'A2' | 'B1' | 'B2' | null, annotations: ('infant' | 'violence' | 'bestiality' | 'sadism')[]) => ({
  classification,
  annotations,
  authorised: false,
});

describe('reveal rules: the strongest of the flags’ profiles, a near match and the investigator’s choice', () => {
  it('reveals an A1 or infant file only through a grey spotlight by default, and says which flag asked', () => {
    expect(revealRulesFor({ referral: referral('A1', ['violence']), nearMatch: false }, DEFAULT_REFERRAL_SETTINGS, true)).toEqual({
      strongestVeil: true,
      noColourOnReveal: true,
      spotlightOnly: true,
      noColourBecause: ['A1'],
      spotlightOnlyBecause: ['A1'],
    });
    expect(revealRulesFor({ referral: referral('B2', ['infant']), nearMatch: false }, DEFAULT_REFERRAL_SETTINGS, true)).toMatchObject({
      noColourBecause: ['infant'],
      spotlightOnlyBecause: ['infant'],
    });
  });

  it('gives a B2 file and a near match the strongest veil with the investigator’s own reveal; an unflagged file only their choice', () => {
    expect(revealRulesFor({ referral: referral('B2', []), nearMatch: false }, DEFAULT_REFERRAL_SETTINGS, true)).toMatchObject({
      strongestVeil: true,
      noColourOnReveal: false,
      spotlightOnly: false,
    });
    expect(revealRulesFor({ referral: undefined, nearMatch: true }, DEFAULT_REFERRAL_SETTINGS, false)).toMatchObject({
      strongestVeil: true,
      noColourOnReveal: true,
      spotlightOnly: false,
      noColourBecause: [],
    });
    expect(revealRulesFor({ referral: undefined, nearMatch: false }, DEFAULT_REFERRAL_SETTINGS, true)).toMatchObject({
      strongestVeil: false,
      noColourOnReveal: false,
      spotlightOnly: false,
    });
  });

  it('never lets a choice weaken a restriction: adding a flag, a near match, a profile or turning colour off only ever adds', () => {
    const flags = fc.record({
      classification: fc.option(fc.constantFrom(...IndustryClassSchema.options), { nil: null }),
      annotations: fc.subarray([...ReferralAnnotationSchema.options]),
    });
    const profiles = fc.dictionary(fc.constantFrom(...ReferralFlagSchema.options), fc.record({ noColourOnReveal: fc.boolean(), spotlightOnly: fc.boolean() }));
    fc.assert(
      fc.property(
        flags,
        fc.constantFrom(...ReferralAnnotationSchema.options),
        profiles,
        fc.boolean(),
        fc.boolean(),
        (item, extra, flagProfiles, near, colour) => {
          const settings: ReferralSettings = { authorisationLock: true, flagProfiles };
          const before = revealRulesFor({ referral: { ...item, authorised: false }, nearMatch: near }, settings, colour);
          const after = revealRulesFor(
            { referral: { ...item, annotations: [...item.annotations, extra], authorised: false }, nearMatch: near },
            settings,
            colour,
          );
          const stricter = revealRulesFor({ referral: { ...item, authorised: false }, nearMatch: true }, settings, false);
          for (const rules of [after, stricter]) {
            expect(rules.strongestVeil || !before.strongestVeil).toBe(true);
            expect(rules.noColourOnReveal || !before.noColourOnReveal).toBe(true);
          }
          expect(after.spotlightOnly || !before.spotlightOnly).toBe(true);
        },
      ),
    );
  });
});
