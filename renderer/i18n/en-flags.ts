/** English strings of the referral's unit settings and the reveal limits its flags set (part 7 §2). Part of `en` (en.ts). */
export const enFlags = {
  referralSettings: {
    group: 'Referral',
    intro: 'How Veil treats files a referral manifest names. These are unit rules: they apply to every case.',
    lock: 'Authorisation lock (when the manifest says who viewed each file)',
    lockHelp:
      'A file nobody at the provider viewed and that was not publicly available shows no picture at all until an authorisation (warrant or order) is recorded.',
    lockOffTitle: 'Turn the authorisation lock off?',
    lockOffWhy:
      'With the lock off, files nobody at the provider viewed and that were not publicly available open like any other, without a recorded authorisation. If your jurisdiction requires a warrant before such a file is opened, nothing in Veil will stop it being opened by accident. The forewarning still shows before a flagged file.',
    lockOffConfirm: 'Turn the lock off',
    lockOffCancel: 'Keep the lock on',
    flagsCaption: 'Per-flag filter profiles: every flagged file is veiled with the strongest filter; these add to it.',
    flag: 'Flag',
    flagName: {
      A1: 'Class A1',
      A2: 'Class A2',
      B1: 'Class B1',
      B2: 'Class B2',
      infant: 'Infant',
      violence: 'Violence',
      bestiality: 'Bestiality',
      sadism: 'Sadism',
    },
    noColour: 'No colour on reveal',
    spotlightOnly: 'Spotlight only',
    cellLabel: '{{flag}}: {{rule}}',
    save: 'Save referral settings',
    saved: 'Saved.',
    failed: 'Not saved: {{message}}',
  },
  referralManifest: {
    choose: 'Choose referral manifest…',
    dialogTitle: 'Choose the referral manifest for this case',
    dialogIntro:
      'A CSV or JSON manifest from the provider or hotline, kept anywhere. Veil reads it now and again every time this case opens; it is remembered in the case’s workspace.',
    filePath: 'Manifest file (full path)',
    pathMissing: 'Enter the manifest’s full path.',
    read: 'Read manifest',
    cancel: 'Cancel',
    refusedChoice: 'Not used: {{message}}',
    refusedTitle: 'Referral manifest refused.',
    refusedFile: 'Veil could not use “{{path}}”.',
    refusedLocked:
      'Until you fix it, choose another, or continue without it, every file of this case stays locked: the manifest may have said which files need an authorisation.',
    continueWithout: 'Continue without the manifest',
    lockedTile: 'Locked — the referral manifest could not be used',
    lockedWhy: 'Locked: this case’s referral manifest was refused. Fix it, choose another, or continue without it (the banner above).',
  },
  referralReveal: {
    noColour: 'Reveals stay grey for this file: your unit’s rule for {{flags}}.',
    spotlightOnly: 'Only the hold-to-reveal spotlight can show this file: your unit’s rule for {{flags}}.',
    spotlightOnlyVideo: 'This video stays veiled: your unit’s rule for {{flags}} allows only the hold-to-reveal spotlight, which videos do not have.',
  },
};
