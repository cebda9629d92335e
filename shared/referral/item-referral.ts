import { z } from 'zod';
import { IndustryClassSchema, ReferralAnnotationSchema, type ReferralEntry } from './referral-entry.js';

/** What the referral says of one item of the open case, as the grid and viewer see it. */
export const ItemReferralSchema = z.object({
  classification: IndustryClassSchema.nullable(),
  annotations: z.array(ReferralAnnotationSchema),
  /** Whether someone at the provider viewed the file; null when the manifest does not say. */
  providerViewed: z.boolean().nullable(),
  /** Whether the file was publicly available; null when the manifest does not say. */
  publiclyAvailable: z.boolean().nullable(),
  /** No picture of it may be made or served until an authorisation is recorded. */
  locked: z.boolean(),
  /** An authorisation was recorded for it (it was locked). */
  authorised: z.boolean(),
  /** Locked because the case's manifest was refused, not for anything it says of this file: no authorisation opens it. */
  manifestRefused: z.boolean().optional(),
});
export type ItemReferral = z.infer<typeof ItemReferralSchema>;

/** The referral's reading of an item with its lock state now. */
export function itemReferralOf(reading: ReferralEntry, locked: boolean, authorised: boolean): ItemReferral {
  return {
    classification: reading.classification,
    annotations: [...reading.annotations],
    providerViewed: reading.providerViewed,
    publiclyAvailable: reading.publiclyAvailable,
    locked,
    authorised,
  };
}

/** Opening it shows the forewarning first: the referral names what it contains, or it needed an authorisation. */
export function isFlagged(referral: ItemReferral | undefined): boolean {
  if (referral === undefined) return false;
  return referral.authorised || referral.classification !== null || referral.annotations.length > 0;
}
