import type { PickFilePurpose } from '../files/pick-file-purpose.js';
import type { UiLanguage } from './resolve-language.js';

/** One file-type filter of a native open dialog: extensions without dots, '*' for every file (Electron's FileFilter). */
interface FileTypeFilter {
  name: string;
  extensions: string[];
}

interface FileDialogText {
  title: string;
  filters: FileTypeFilter[];
}

/**
 * The native file dialog's title and filters for each purpose. Main shows the dialog and cannot
 * read the renderer's i18n files, so its strings live here, in both languages, typed so neither
 * can be missing. Every purpose ends with "All files": a hotline's file may carry an odd extension.
 */
export const FILE_DIALOG_TEXT: Record<UiLanguage, Record<PickFilePurpose, FileDialogText>> = {
  en: {
    'referral-manifest': {
      title: 'Choose the referral manifest',
      filters: [
        { name: 'Manifests (CSV, JSON)', extensions: ['csv', 'json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    },
    'scheme-file': {
      title: 'Choose a category scheme file',
      filters: [
        { name: 'Category schemes (JSON)', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    },
    'hash-set': {
      title: 'Choose a hash set',
      filters: [
        { name: 'Hash sets (JSON, CSV, text)', extensions: ['json', 'csv', 'txt'] },
        { name: 'All files', extensions: ['*'] },
      ],
    },
  },
  'fr-CA': {
    'referral-manifest': {
      title: 'Choisir le manifeste de signalement',
      filters: [
        { name: 'Manifestes (CSV, JSON)', extensions: ['csv', 'json'] },
        { name: 'Tous les fichiers', extensions: ['*'] },
      ],
    },
    'scheme-file': {
      title: 'Choisir un fichier de grille de catégories',
      filters: [
        { name: 'Grilles de catégories (JSON)', extensions: ['json'] },
        { name: 'Tous les fichiers', extensions: ['*'] },
      ],
    },
    'hash-set': {
      title: 'Choisir un jeu de hachages',
      filters: [
        { name: 'Jeux de hachages (JSON, CSV, texte)', extensions: ['json', 'csv', 'txt'] },
        { name: 'Tous les fichiers', extensions: ['*'] },
      ],
    },
  },
};
