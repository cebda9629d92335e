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
    escapeIsNotNow: 'Esc answers “Not now” and hides all media',
    lockedTile: 'Locked — needs authorisation',
    lockedTitle: 'Locked — needs authorisation',
    lockedWhy:
      'The referral says nobody at the provider viewed this file and it was not publicly available. Record the warrant or order that authorises you to open it.',
    reference: 'Warrant or order reference',
    authorisationDate: 'Date of the authorisation',
    authorise: 'Record authorisation',
    authoriseMissing: 'Enter the reference and the date of the authorisation.',
  },
};
