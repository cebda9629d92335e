import type { DecisionsMessages } from './en-decisions';

/** Canadian French strings of review decisions, typed against the English ones (en-decisions.ts). */
export const frCADecisions: DecisionsMessages = {
  decisions: {
    group: 'Catégorie',
    uncategorised: 'Non catégorisé',
    named: '{{code}}, {{label}}',
    ukNotIndecent: 'Non indécent',
    progress: '{{reviewed}} sur {{total}} examinés',
    unsaved_one: '{{formatted}} décision pas encore enregistrée : Veil réessaie',
    unsaved_many: '{{formatted}} décisions pas encore enregistrées : Veil réessaie',
    unsaved_other: '{{formatted}} décisions pas encore enregistrées : Veil réessaie',
    nextToReview: 'Suivant à examiner',
    allReviewed: 'Chaque élément de ce dossier a une catégorie.',
    applied: 'Catégorie {{category}}',
    appliedCopies_one: 'Catégorie {{category}} — appliquée à {{formatted}} copie',
    appliedCopies_many: 'Catégorie {{category}} — appliquée à {{formatted}} copies',
    appliedCopies_other: 'Catégorie {{category}} — appliquée à {{formatted}} copies',
    cleared: 'Non catégorisé',
    undone: 'Annulé : maintenant {{category}}',
    redone: 'Rétabli : {{category}}',
    nothingToUndo: 'Rien à annuler',
    nothingToRedo: 'Rien à rétablir',
    failed: "La décision n'a pas pu être prise : {{message}}",
    keysHint: 'Touches numériques : catégorie. N : suivant à examiner. Ctrl+Z : annuler. Ctrl+Y : rétablir.',
  },
};
