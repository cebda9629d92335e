import { z } from 'zod';
import { IndustryClassSchema, ReferralAnnotationSchema } from './referral-entry.js';
import type { ItemReferral } from './item-referral.js';

/** A flag a referral can put on a file: an industry class or an annotation. */
export const ReferralFlagSchema = z.enum([...IndustryClassSchema.options, ...ReferralAnnotationSchema.options]);
export type ReferralFlag = z.infer<typeof ReferralFlagSchema>;

/**
 * What a unit adds for files with one flag, beyond the strongest veil every flagged file
 * gets (the forewarning promises it, so it is not a per-flag choice): reveals that stay
 * grey, and only the hold-to-reveal spotlight (no whole reveal).
 */
const FlagProfileSchema = z
  .object({
    noColourOnReveal: z.boolean(),
    spotlightOnly: z.boolean(),
  })
  .strict();
export type FlagProfile = z.infer<typeof FlagProfileSchema>;

/** The unit's referral settings: the authorisation lock and the per-flag profiles. */
export const ReferralSettingsSchema = z
  .object({
    /**
     * The authorisation lock applies when the manifest has both "provider viewed" and
     * "publicly available"; false turns it off for every case (the forewarning still shows).
     */
    authorisationLock: z.boolean(),
    /** A flag absent from the map adds nothing to the strongest veil. */
    flagProfiles: z.partialRecord(ReferralFlagSchema, FlagProfileSchema),
  })
  .strict();
export type ReferralSettings = z.infer<typeof ReferralSettingsSchema>;

const STRICTEST: FlagProfile = { noColourOnReveal: true, spotlightOnly: true };

/** Infant and A1, the most severe readings, reveal only through a grey spotlight unless the unit decides otherwise. */
export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  authorisationLock: true,
  flagProfiles: { infant: STRICTEST, A1: STRICTEST },
};

/** What the viewer may do with an item, after its flags' profiles are combined. */
export interface RevealRules {
  /** The item's veil must be the strongest (grey, strong blur, blur style): it is flagged or a near match. */
  strongestVeil: boolean;
  noColourOnReveal: boolean;
  spotlightOnly: boolean;
  /** The flags whose profiles asked for `noColourOnReveal` / `spotlightOnly`, to say why. */
  noColourBecause: ReferralFlag[];
  spotlightOnlyBecause: ReferralFlag[];
}

/** The flags a referral puts on an item: its class, then its annotations. */
function flagsOf(referral: Pick<ItemReferral, 'classification' | 'annotations'> | undefined): ReferralFlag[] {
  if (referral === undefined) return [];
  return referral.classification === null ? [...referral.annotations] : [referral.classification, ...referral.annotations];
}

/**
 * The strongest of every restriction that applies to an item: each of its flags' profiles,
 * the strongest veil a flagged file or a near match gets, and what the investigator chose
 * (`revealInColour` false keeps reveals grey for every file). Nothing the investigator
 * chooses can weaken what a flag or a near match demands; a restriction only ever adds.
 */
export function revealRulesFor(
  item: { referral?: Pick<ItemReferral, 'classification' | 'annotations' | 'authorised'> | undefined; nearMatch: boolean },
  settings: ReferralSettings,
  revealInColour: boolean,
): RevealRules {
  const flags = flagsOf(item.referral);
  const noColourBecause = flags.filter((flag) => settings.flagProfiles[flag]?.noColourOnReveal === true);
  const spotlightOnlyBecause = flags.filter((flag) => settings.flagProfiles[flag]?.spotlightOnly === true);
  const flagged = flags.length > 0 || item.referral?.authorised === true;
  return {
    strongestVeil: flagged || item.nearMatch,
    noColourOnReveal: !revealInColour || noColourBecause.length > 0,
    spotlightOnly: spotlightOnlyBecause.length > 0,
    noColourBecause,
    spotlightOnlyBecause,
  };
}

/** What the media route demands of any picture of an item because of its referral flags, whatever the renderer asks. */
export interface PictureFloor {
  /** Thumbnails and storyboards only grey, strongly blurred, in the blur style. */
  strongestVeil: boolean;
  /** No picture in colour at all, reveals included. */
  greyOnly: boolean;
}

/** The floor the back end holds an item's pictures to, from its referral and the unit's flag profiles; null when it has no flag. */
export function pictureFloorFor(referral: ItemReferral | undefined, settings: ReferralSettings): PictureFloor | null {
  const rules = revealRulesFor({ referral, nearMatch: false }, settings, true);
  return rules.strongestVeil ? { strongestVeil: true, greyOnly: rules.noColourOnReveal } : null;
}
