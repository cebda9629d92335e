import type { enItems } from './en-items';

/** Chaînes en français canadien : chaque fichier d'un dossier est compté, les notes sont signalées (voir en-items.ts). */
export const frCAItems: typeof enItems = {
  items: {
    doneNoFiles: 'Importation terminée\u00a0: ce dossier ne contient aucun fichier, donc aucune image ni vidéo.',
    doneNoMedia_one:
      "Importation terminée\u00a0: ce dossier ne contient aucune image ni vidéo. Son {{formatted}}\u00a0fichier n'a pas pu être ouvert comme tel.",
    doneNoMedia_many:
      "Importation terminée\u00a0: ce dossier ne contient aucune image ni vidéo. Aucun de ses {{formatted}}\u00a0fichiers n'a pu être ouvert comme tel.",
    doneNoMedia_other:
      "Importation terminée\u00a0: ce dossier ne contient aucune image ni vidéo. Aucun de ses {{formatted}}\u00a0fichiers n'a pu être ouvert comme tel.",
    doneFound_one: 'Importation terminée\u00a0: {{formatted}}\u00a0fichier trouvé',
    doneFound_many: 'Importation terminée\u00a0: {{formatted}}\u00a0fichiers trouvés',
    doneFound_other: 'Importation terminée\u00a0: {{formatted}}\u00a0fichiers trouvés',
    doneShown_one: '{{formatted}} affiché',
    doneShown_many: '{{formatted}} affichés',
    doneShown_other: '{{formatted}} affichés',
    doneCopies_one: '{{formatted}}\u00a0copie identique, indiquée sur sa vignette',
    doneCopies_many: '{{formatted}}\u00a0copies identiques, indiquées sur leurs vignettes',
    doneCopies_other: '{{formatted}}\u00a0copies identiques, indiquées sur leurs vignettes',
    doneProblems_one: "{{formatted}} n'a pas pu être ouvert",
    doneProblems_many: "{{formatted}} n'ont pas pu être ouverts",
    doneProblems_other: "{{formatted}} n'ont pas pu être ouverts",
    doneSummary: '{{found}}\u00a0: {{parts}}.',
    gridEmptyDone: 'Ce dossier ne contient aucune image ni vidéo.',
    copiesBadge_one: '{{formatted}}\u00a0copie',
    copiesBadge_many: '{{formatted}}\u00a0copies',
    copiesBadge_other: '{{formatted}}\u00a0copies',
    copiesHeading_one: 'Le même fichier se trouve aussi à {{formatted}}\u00a0autre chemin\u00a0:',
    copiesHeading_many: 'Le même fichier se trouve aussi à {{formatted}}\u00a0autres chemins\u00a0:',
    copiesHeading_other: 'Le même fichier se trouve aussi à {{formatted}}\u00a0autres chemins\u00a0:',
    copiesLine: 'Copies identiques\u00a0: {{paths}}',
    noteBadge: 'Note',
    folder: 'Dossier\u00a0: {{folder}}',
    topFolder: "Dossier\u00a0: racine du dossier d'enquête",
    groupByFolder: 'Regrouper par dossier',
    folderGroup_one: '{{folder}} ({{formatted}}\u00a0élément)',
    folderGroup_many: '{{folder}} ({{formatted}}\u00a0éléments)',
    folderGroup_other: '{{folder}} ({{formatted}}\u00a0éléments)',
    topFolderGroup_one: "Racine du dossier d'enquête ({{formatted}}\u00a0élément)",
    topFolderGroup_many: "Racine du dossier d'enquête ({{formatted}}\u00a0éléments)",
    topFolderGroup_other: "Racine du dossier d'enquête ({{formatted}}\u00a0éléments)",
  },
};
