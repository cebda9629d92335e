import { z } from 'zod';
import type { ManifestColumns, ReferralEntry } from './referral-entry.js';

/**
 * The lock is on by default only when the manifest can say who saw a file: both the
 * "provider viewed" and "publicly available" columns are there. A unit setting can turn it
 * off or on regardless.
 */
export function lockOnByDefault(columns: ManifestColumns): boolean {
  return columns.providerViewed && columns.publiclyAvailable;
}

/**
 * Whether the referral locks this file: nobody at the provider viewed it and it was not
 * publicly available. A blank cell counts as "not said", and "not said" does not unlock:
 * only an explicit "yes" in either column does. Erring this way costs an authorisation; the
 * other way shows pixels a warrant may have been needed for.
 */
export function lockedByReferral(reading: ReferralEntry | null, lockOn: boolean): boolean {
  if (!lockOn || reading === null) return false;
  return reading.providerViewed !== true && reading.publiclyAvailable !== true;
}

/** What the investigator records to open a locked file: the warrant's or order's reference and its date. */
export const AuthorisationSchema = z
  .object({
    reference: z.string().trim().min(1).max(200),
    /** The date on the authorisation, as written on it (YYYY-MM-DD). */
    dateIso: z.iso.date(),
  })
  .strict();
export type Authorisation = z.infer<typeof AuthorisationSchema>;

/** Before this an authorisation's date is a typing slip (a year 0026 or 1926), not a warrant. */
const EARLIEST_AUTHORISATION_ISO = '1990-01-01';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether an authorisation's date can be real at `nowMs`: not before 1990 and not after
 * today (a day of slack for time zones ahead of UTC). A warrant dated next year is a
 * typing slip, and the record is append-only, so it is refused rather than kept.
 */
export function authorisationDateSane(dateIso: string, nowMs: number): boolean {
  const latestIso = new Date(nowMs + DAY_MS).toISOString().slice(0, 10);
  return dateIso >= EARLIEST_AUTHORISATION_ISO && dateIso <= latestIso;
}

/** Whether the item stays locked now: locked by its reading and no authorisation recorded for it. */
export function staysLocked(reading: ReferralEntry | null, lockOn: boolean, authorisation: Authorisation | null): boolean {
  return lockedByReferral(reading, lockOn) && authorisation === null;
}
