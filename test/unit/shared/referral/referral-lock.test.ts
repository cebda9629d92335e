import { describe, expect, it } from 'vitest';
import { indexReadings } from '../../../../shared/referral/referral-match.js';
import { AuthorisationSchema, lockedByReferral, lockOnByDefault, staysLocked } from '../../../../shared/referral/referral-lock.js';
import { emptyReading, type ReferralEntry } from '../../../../shared/referral/referral-entry.js';
import { MD5, SHA1, SHA256 } from './manifest-helpers.js';

const reading = (fields: Partial<ReferralEntry>): ReferralEntry => ({ ...emptyReading(2), ...fields });

const item = { relativePath: 'photos/a.jpg', duplicatePaths: ['copies/a.jpg'], md5: MD5, sha1: SHA1, sha256: SHA256 };

describe('the referral lock', () => {
  it('locks a file nobody at the provider viewed and that was not public, until an authorisation is recorded', () => {
    const locked = reading({ providerViewed: false, publiclyAvailable: false });
    expect(lockedByReferral(locked, true)).toBe(true);
    expect(staysLocked(locked, true, null)).toBe(true);
    expect(staysLocked(locked, true, AuthorisationSchema.parse({ reference: 'Warrant 2026-0118', dateIso: '2026-12-06' }))).toBe(false);
    expect(lockedByReferral(locked, false)).toBe(false);
    expect(lockedByReferral(null, true)).toBe(false);
  });

  it('unlocks only on an explicit yes: a blank cell does not open a file', () => {
    expect(lockedByReferral(reading({ providerViewed: true, publiclyAvailable: false }), true)).toBe(false);
    expect(lockedByReferral(reading({ providerViewed: false, publiclyAvailable: true }), true)).toBe(false);
    expect(lockedByReferral(reading({ providerViewed: null, publiclyAvailable: false }), true)).toBe(true);
    expect(lockedByReferral(reading({}), true)).toBe(true);
  });

  it('is on by default only when the manifest has both columns that say who saw the file', () => {
    const columns = { providerViewed: true, publiclyAvailable: true, classification: false, annotations: false, extra: [] };
    expect(lockOnByDefault(columns)).toBe(true);
    expect(lockOnByDefault({ ...columns, publiclyAvailable: false })).toBe(false);
  });

  it('refuses an authorisation without a reference or a real date', () => {
    expect(AuthorisationSchema.safeParse({ reference: '  ', dateIso: '2026-12-06' }).success).toBe(false);
    expect(AuthorisationSchema.safeParse({ reference: 'W-1', dateIso: '2026-13-40' }).success).toBe(false);
  });
});

describe('matching readings to case items', () => {
  it('finds an item by its path, a duplicate’s path or any digest, and merges readings that name it differently', () => {
    const byPath = reading({ path: 'photos/a.jpg', classification: 'B2', providerViewed: true, publiclyAvailable: true });
    const byDigest = reading({ place: 3, sha1: SHA1, classification: 'A2', providerViewed: false, annotations: ['infant'] });
    const other = reading({ place: 4, path: 'photos/b.jpg', classification: 'A1' });
    const index = indexReadings([byPath, byDigest, other]);
    expect(index.readingFor(item)).toMatchObject({ classification: 'A2', providerViewed: false, publiclyAvailable: true, annotations: ['infant'] });
    expect(indexReadings([reading({ path: 'copies/a.jpg', classification: 'B1' })]).readingFor(item)?.classification).toBe('B1');
    expect(indexReadings([reading({ md5: MD5, annotations: ['sadism'] })]).readingFor(item)?.annotations).toEqual(['sadism']);
    expect(indexReadings([other]).readingFor(item)).toBeNull();
    // Paths are matched exactly, case included.
    expect(indexReadings([reading({ path: 'Photos/A.jpg', classification: 'A1' })]).readingFor(item)).toBeNull();
  });
});
