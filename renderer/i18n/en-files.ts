/** English strings of the file fields with a native picker beside them. Part of `en` (en.ts). */
export const enFiles = {
  fileField: {
    browse: 'Browse…',
    /** The button's accessible name: Settings has several, each must say which field it fills. */
    browseName: 'Browse… {{field}}',
    browseFailed: 'The file picker did not open: {{message}}',
  },
};

export type FilesMessages = typeof enFiles;
