import type { SelectionMessages } from './en-selection';

/** Canadian French strings of the grid's multi-selection, typed against the English ones (en-selection.ts). */
export const frCASelection: SelectionMessages = {
  selection: {
    hint: 'Ctrl+clic ou Espace sélectionne plusieurs éléments à catégoriser d’un coup',
    count_one: '{{formatted}} sélectionné',
    count_many: '{{formatted}} sélectionnés',
    count_other: '{{formatted}} sélectionnés',
    clear: 'Effacer la sélection',
    rangeFailed: "La plage n'a pas pu être sélectionnée, rien n'a été ajouté\u00a0: {{message}}",
    overLimit: "Au plus {{formatted}} éléments peuvent être sélectionnés à la fois\u00a0: rien n'a été ajouté.",
    appliedItems_one: 'Catégorie {{category}} appliquée à {{formatted}} élément',
    appliedItems_many: 'Catégorie {{category}} appliquée à {{formatted}} éléments',
    appliedItems_other: 'Catégorie {{category}} appliquée à {{formatted}} éléments',
    clearedItems_one: 'Non catégorisé\u00a0: {{formatted}} élément',
    clearedItems_many: 'Non catégorisés\u00a0: {{formatted}} éléments',
    clearedItems_other: 'Non catégorisés\u00a0: {{formatted}} éléments',
    copies_one: '({{formatted}} copie)',
    copies_many: '({{formatted}} copies)',
    copies_other: '({{formatted}} copies)',
    skippedKnown_one: '{{formatted}} élément connu laissé tel quel\u00a0: il garde la catégorie de son jeu de hachages.',
    skippedKnown_many: '{{formatted}} éléments connus laissés tels quels\u00a0: ils gardent les catégories de leurs jeux de hachages.',
    skippedKnown_other: '{{formatted}} éléments connus laissés tels quels\u00a0: ils gardent les catégories de leurs jeux de hachages.',
    undone_one: 'Annulé\u00a0: la décision sur {{formatted}} élément',
    undone_many: 'Annulé\u00a0: la décision sur {{formatted}} éléments',
    undone_other: 'Annulé\u00a0: la décision sur {{formatted}} éléments',
    redone_one: 'Rétabli\u00a0: la décision sur {{formatted}} élément',
    redone_many: 'Rétabli\u00a0: la décision sur {{formatted}} éléments',
    redone_other: 'Rétabli\u00a0: la décision sur {{formatted}} éléments',
    openNextSetting: "Ouvrir l'élément suivant à examiner après la catégorisation",
    openNextHelp:
      "Dans la visionneuse, une touche ou un bouton de catégorie passe alors de lui-même au suivant, comme N. «\u00a0Non catégorisé\u00a0» reste sur l'élément.",
  },
};
