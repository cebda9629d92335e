import type { StacksMessages } from './en-stacks';

/** Canadian French strings of near-duplicate stacks, typed against the English ones (en-stacks.ts). */
export const frCAStacks: StacksMessages = {
  stacks: {
    distanceLabel: 'Distance de correspondance proche (bits, 0 à 63)',
    distanceHelp:
      "L'écart permis entre deux images pour qu'elles comptent comme copies proches, pour les correspondances proches avec le matériel connu et pour les piles de quasi-doublons d'un dossier. Plus bas, on trouve moins de copies, mais plus proches\u00a0; 31 est le seuil habituel.",
    distanceSave: 'Enregistrer la distance de correspondance proche',
    distanceSaved: 'Enregistré. Le dossier ouvert est comparé et empilé de nouveau.',
    doneNearCopies_one: '{{formatted}}\u00a0copie proche, indiquée dans sa pile',
    doneNearCopies_many: '{{formatted}}\u00a0copies proches, indiquées dans leurs piles',
    doneNearCopies_other: '{{formatted}}\u00a0copies proches, indiquées dans leurs piles',
    nearCopiesCount_one: '{{formatted}}\u00a0copie proche',
    nearCopiesCount_many: '{{formatted}}\u00a0copies proches',
    nearCopiesCount_other: '{{formatted}}\u00a0copies proches',
    membersHeading_one: 'Cette pile contient {{formatted}}\u00a0fichier\u00a0:',
    membersHeading_many: 'Cette pile contient {{formatted}}\u00a0fichiers\u00a0:',
    membersHeading_other: 'Cette pile contient {{formatted}}\u00a0fichiers\u00a0:',
    shown: 'affiché pour la pile',
    exactCopy: 'copie identique',
    nearCopy: 'copie proche (distance {{distance}})',
    known: 'connu, non affiché',
    memberLine: '{{path}} — {{relation}}',
    showThumbnails: 'Afficher les vignettes voilées des copies proches',
    hideThumbnails: 'Masquer les vignettes',
    thumbnailAlt: 'Vignette voilée de {{path}}',
    loadFailed: "Les fichiers de la pile n'ont pas pu être listés\u00a0: {{message}}",
  },
};
