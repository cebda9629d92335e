/**
 * English strings of known-material hash sets (Settings → Known material). Part of `en`
 * (en.ts), kept apart because it is a whole feature's worth.
 */
export const enKnown = {
  known: {
    group: 'Known material',
    folder: 'Known-material library folder',
    folderHelp: "Where imported hash sets are kept. Empty means inside Veil's data folder; a unit may share one folder between workstations.",
    scheme: {
      'vic-us': 'Project VIC (US)',
      'vic-dhs': 'Project VIC (older DHS numbering)',
      'uk-abc': 'UK grading (A, B, C)',
      custom: 'Custom labels',
    },
    category: {
      'vic-us': {
        '0': 'Non-pertinent',
        '1': 'CAM',
        '2': 'Child exploitive / age difficult',
        '3': 'CGI / animation',
        '4': 'Comparison',
      },
      'vic-dhs': {
        '0': 'Uncategorized',
        '1': 'Child exploitation (illegal)',
        '2': 'Child exploitation (non-illegal / age difficult)',
        '3': 'CGI / animation (child exploitive)',
        '4': 'Exemplar / comparison (internal use only)',
        '5': 'Non-pertinent',
      },
    },
    badReason: {
      'record-not-object': 'not a record',
      'no-hash': 'no hash',
      'hash-wrong-length': 'hash of the wrong length',
      'hash-not-hex': 'hash with characters that are not hexadecimal',
      'hash-wrong-type': 'hash that is not text',
      'hash-kind-unknown': 'hash of an unknown kind',
      'category-wrong-type': 'category of the wrong type',
      'category-not-in-scheme': 'category not in the chosen scheme',
      'boolean-as-string': 'yes/no field written as text',
      'media-id-wrong-type': 'MediaID that is not a whole number',
      'media-id-duplicate': 'MediaID already used earlier in the file',
      'pdq-quality-invalid': 'PDQ quality not between 0 and 100',
      'csv-wrong-column-count': 'row with a different number of columns from the header',
      'line-too-long': 'line too long to be a hash',
      'json-cut-off': 'the JSON ends here (cut off)',
      'json-invalid': 'the JSON is not valid from here on',
    },
    place: {
      line: 'line {{place}}',
      record: 'record {{place}}',
      byte: 'byte {{place}}',
    },
  },
};

export type KnownMessages = typeof enKnown;
