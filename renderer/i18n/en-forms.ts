/**
 * English strings of form fields: the message beside a field that holds a value Veil cannot
 * use (named by its label), and the sections of Settings. Part of `en` (en.ts).
 */
export const enForms = {
  fieldErrors: {
    tooSmall: '“{{label}}” must be at least {{min}}.',
    tooLarge: '“{{label}}” must be at most {{max}}.',
    notWhole: '“{{label}}” must be a whole number.',
    required: '“{{label}}” needs a value.',
    tooShort: '“{{label}}” needs at least {{min}} characters.',
    tooLong: '“{{label}}” allows at most {{max}} characters.',
    lineTooLong: 'Each line of “{{label}}” allows at most {{max}} characters.',
    tooMany: '“{{label}}” allows at most {{max}} values.',
    time: '“{{label}}” must be a time from 00:00 to 23:59, such as 08:30.',
    invalid: '“{{label}}” has a value Veil cannot use.',
    count: '{{length}} of {{max}} characters',
    unplaced: 'A value Veil cannot use was not shown here: {{message}}',
  },
  settingsSections: {
    nav: 'Settings sections',
    viewing: 'Viewing',
    breaks: 'Breaks',
    limits: 'Limits',
    notes: 'Notes',
    sharing: 'Sharing',
    language: 'Language',
    review: 'Review',
    saveViewing: 'Save viewing settings',
    saveBreaks: 'Save break settings',
    saveLimits: 'Save limits',
    saveNotes: 'Save notes folder',
    saveSharing: 'Save sharing settings',
    saveLanguage: 'Save language',
    saved: 'Saved.',
    close: 'Close',
    hoursFrom: 'From',
    hoursTo: 'To',
    hoursPlaceholder: 'HH:MM',
    hoursFormat: '24-hour times, HH:MM.',
  },
};

/** The shape the French file must have. */
export type EnForms = typeof enForms;
