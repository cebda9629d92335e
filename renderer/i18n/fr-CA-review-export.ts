import type { enReviewExport } from './en-review-export';

/** Chaînes françaises (Canada) de l'exportation de l'examen. Fait partie de `frCA` (fr-CA.ts). */
export const frCAReviewExport: typeof enReviewExport = {
  reviewExport: {
    open: 'Exporter l’examen',
    title: 'Exporter l’examen',
    formats: 'Fichiers à produire',
    vics: 'JSON VICS 2.0 (pour Griffeye, Project VIC et l’importation de jeux de hachage)',
    csv: 'CSV (mêmes champs, pour un tableur)',
    html: 'Résumé d’une page à imprimer (des nombres seulement, aucune image)',
    noFormat: 'Choisissez au moins un fichier à produire.',
    includeNotes: 'Inclure mes notes comme commentaires VICS',
    includeNotesHelp: 'Non coché par défaut\u00a0: les notes peuvent nommer des personnes ou des lieux.',
    folder: 'Dossier',
    folderHelp: 'Un dossier de votre choix, hors du dossier d’enquête et hors du dossier de données de Veil. Les fichiers existants ne sont jamais remplacés.',
    noFolder: 'Tapez ou choisissez un dossier.',
    choose: 'Choisir…',
    chooseFailed: 'Le sélecteur de dossier ne s’est pas ouvert\u00a0: {{message}}',
    export: 'Exporter',
    exporting: 'Exportation en cours…',
    close: 'Fermer',
    failed: 'Rien n’a été exporté\u00a0: {{message}}',
    written_one: '{{formatted}}\u00a0enregistrement écrit dans\u00a0:',
    written_many: '{{formatted}}\u00a0d’enregistrements écrits dans\u00a0:',
    written_other: '{{formatted}}\u00a0enregistrements écrits dans\u00a0:',
  },
};
