/** English strings of the referral's warnings (part 7 §2). Part of `en` (en.ts). */
export const enReferral = {
  referral: {
    forewarningTitle: 'Before you open this file',
    forewarningIntro: 'The referral says this file contains:',
    classification: 'Industry classification {{classification}}',
    annotation: {
      infant: 'an infant',
      violence: 'violence',
      bestiality: 'bestiality',
      sadism: 'sadism',
    },
    openStrongest: 'Open with strongest filter',
    notNow: 'Not now',
    escapeIsNotNow: 'Escape: not now',
  },
};
