/**
 * English strings of the review's workflow: the scheme a case is reviewed under (asked at its
 * first open, shown in the header), custom scheme files in Settings, overruling a hash set's
 * category with a reason, and an item's history. Part of `en` (en.ts).
 */
export const enWorkflow = {
  schemes: {
    dialogTitle: 'Category scheme for this case',
    dialogIntro: 'Choose how this case’s items are categorised. The choice is kept with the case and cannot be changed later.',
    choices: 'Scheme',
    use: 'Use this scheme',
    readOnly:
      'Another Veil is working on this case and is the only one that may keep its scheme: what you choose here, and the decisions you make, last only until Veil closes.',
    /** Short names, for the header (must fit at 1280 px in French). */
    short: { 'vic-us': 'VIC US', 'vic-dhs': 'DHS', 'uk-abc': 'UK' },
    long: {
      'vic-us': 'Project VIC US (0 to 4)',
      'vic-dhs': 'Older DHS numbering (0 to 5)',
      'uk-abc': 'UK grading: A, B, C, not indecent',
    },
    custom: '{{name}} (imported: {{keys}})',
    headerLabel: 'Category scheme: {{name}}',
    settingsGroup: 'Category schemes',
  },
  itemHistory: {
    summary: 'History',
    loading: 'Reading the history…',
    none: 'No decision yet.',
    failed: 'The history could not be read: {{message}}',
    line: '{{category}} · {{source}} · {{user}} · {{time}}',
    source: { investigator: 'investigator', 'hash-set': 'hash set', stack: 'its stack' },
    undo: 'undone',
    redo: 'redone',
  },
  schemeSettings: {
    newCase: 'Scheme for new cases',
    ask: 'Ask when a case is first opened',
    save: 'Save',
    saved: 'Saved.',
    filePath: 'Scheme file (full path)',
    import: 'Import scheme',
    imported: 'Imported “{{name}}”.',
    refused: 'The file was refused; nothing changed:',
    listLabel: 'Imported schemes',
    none: 'No scheme imported.',
    exportPath: 'Export to (full path of a new file)',
    export: 'Export “{{name}}”',
    exported: 'Exported “{{name}}”.',
    exportRefused: 'Nothing was exported:',
    remove: 'Remove “{{name}}”',
    failed: 'That did not work: {{message}}',
    wholeFile: 'the file',
    problem: {
      unreadable: 'cannot be read',
      'too-large': 'is too large for a scheme file',
      'not-json': 'is not JSON',
      'not-a-scheme': 'is not a Veil category scheme',
      missing: 'is missing or empty',
      'too-long': 'is longer than 64 characters',
      'too-many': 'has more than 10 categories',
      'not-a-digit': 'is not a single digit 0 to 9',
      'duplicate-key': 'gives two categories the same key',
      'name-taken': 'is the name of a scheme already imported',
      'not-absolute': 'is not a full path (from a drive letter or /)',
      exists: 'is already there: Veil never writes over a file',
      unwritable: 'could not be written',
      invalid: 'is not valid',
    },
  },
};

export type WorkflowMessages = typeof enWorkflow;
