import { describe, expect, it } from 'vitest';
import { workspaceSandbox } from './workspace-harness.js';

const sandbox = workspaceSandbox();

describe('the referral’s choices in the case workspace', () => {
  it('keeps the manifest chosen for the case and a "continue without" across a reopen, and forgets one set to null', async () => {
    const first = await sandbox.open(sandbox.dbPath);
    expect(await first.readReferralMeta()).toEqual({ chosenManifest: null, continuedWithout: null });
    await first.writeReferralMeta('referral.chosenManifest', '/hotline/first.csv');
    await first.writeReferralMeta('referral.chosenManifest', '/hotline/referral 2026-118.csv');
    await first.writeReferralMeta('referral.continuedWithout', '{"userName":"jtremblay"}');
    await first.close();

    const again = await sandbox.open(sandbox.dbPath);
    expect(await again.readReferralMeta()).toEqual({ chosenManifest: '/hotline/referral 2026-118.csv', continuedWithout: '{"userName":"jtremblay"}' });
    await again.writeReferralMeta('referral.continuedWithout', null);
    expect(await again.readReferralMeta()).toEqual({ chosenManifest: '/hotline/referral 2026-118.csv', continuedWithout: null });
    await again.close();
  });
});
