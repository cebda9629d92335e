import type { FilesMessages } from './en-files';

/** Canadian French strings of the file fields with a native picker, typed against the English ones (en-files.ts). */
export const frCAFiles: FilesMessages = {
  fileField: {
    browse: 'Parcourir…',
    browseName: 'Parcourir… {{field}}',
    browseFailed: 'Le sélecteur de fichiers ne s’est pas ouvert\u00a0: {{message}}',
  },
};
