import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDerivativeCache } from '../../../../../electron/services/media/derivative-cache.js';
import { createMediaService } from '../../../../../electron/services/media/media-service.js';
import { handleMediaRequest } from '../../../../../electron/services/media/media-route.js';
import { BLUR_LEVELS, FILTER_STYLES } from '../../../../../shared/media/filter-profile.js';
import type { ItemReferral } from '../../../../../shared/referral/item-referral.js';
import { DEFAULT_REFERRAL_SETTINGS, pictureFloorFor, type ReferralSettings } from '../../../../../shared/referral/referral-settings.js';
import { IDS, fakePool, makeCaseFolder, type CaseFolder } from './case-folder.js';

let folder: CaseFolder;
beforeEach(async () => {
  folder = await makeCaseFolder();
});
afterEach(async () => {
  await folder.cleanup();
});

const reading = (classification: ItemReferral['classification'], annotations: ItemReferral['annotations']): ItemReferral => ({
  classification,
  annotations,
  providerViewed: true,
  publiclyAvailable: null,
  locked: false,
  authorised: false,
});

/** The media route over one photo with this referral, under these unit settings, as veil-services composes it. */
function routeFor(referral: ItemReferral | undefined, settings: ReferralSettings) {
  const service = createMediaService({
    pool: fakePool(),
    cache: createDerivativeCache({ maxBytes: 1 << 20 }),
    lookupItem: (itemId) => {
      const item = folder.lookupItem(itemId);
      return item && { ...item, referralFloor: pictureFloorFor(referral, settings) };
    },
    onItemFailed: () => {},
  });
  return async (kind: 'thumb' | 'view', greyscale: boolean, blur: string, style: string) => {
    const response = await handleMediaRequest(service, `${IDS.photo}/${kind}`, new URLSearchParams({ grey: greyscale ? '1' : '0', blur, style }), {});
    return response.status;
  };
}

const REQUESTS = (['thumb', 'view'] as const).flatMap((kind) =>
  [true, false].flatMap((greyscale) => BLUR_LEVELS.flatMap((blur) => FILTER_STYLES.map((style) => ({ kind, greyscale, blur, style })))),
);

describe('the media route under a referral flag’s profile', () => {
  it('never serves an infant file in colour nor its thumbnail weaker than the strongest veil, whatever is asked; a grey reveal is served', async () => {
    const get = routeFor(reading('B1', ['infant']), DEFAULT_REFERRAL_SETTINGS);
    for (const { kind, greyscale, blur, style } of REQUESTS) {
      const strongest = greyscale && blur === 'strong' && style === 'blur';
      const allowed = greyscale && (kind === 'view' || strongest);
      expect(await get(kind, greyscale, blur, style), `${kind} grey=${greyscale} ${blur} ${style}`).toBe(allowed ? 200 : 403);
    }
  });

  it('serves a B2 file’s reveal in colour by default, and refuses it once the unit asks B2 to stay grey', async () => {
    expect(await routeFor(reading('B2', []), DEFAULT_REFERRAL_SETTINGS)('view', false, 'off', 'blur')).toBe(200);
    expect(await routeFor(reading('B2', []), DEFAULT_REFERRAL_SETTINGS)('thumb', false, 'off', 'blur')).toBe(403);
    const greyB2 = { ...DEFAULT_REFERRAL_SETTINGS, flagProfiles: { B2: { noColourOnReveal: true, spotlightOnly: false } } };
    expect(await routeFor(reading('B2', []), greyB2)('view', false, 'off', 'blur')).toBe(403);
    expect(await routeFor(reading('B2', []), greyB2)('view', true, 'off', 'blur')).toBe(200);
  });

  it('leaves an unflagged file to the investigator’s own choice', async () => {
    const get = routeFor(undefined, DEFAULT_REFERRAL_SETTINGS);
    expect(await get('thumb', false, 'off', 'illustration')).toBe(200);
    expect(await get('view', false, 'off', 'blur')).toBe(200);
  });
});
