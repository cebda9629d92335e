import type { ReviewMessages } from './en-review';

/** Canadian French strings of the review queue, typed against the English ones (en-review.ts). */
export const frCAReview: ReviewMessages = {
  review: {
    show: 'Afficher',
    view: {
      'to-review': 'À examiner',
      known: 'Connus',
      near: 'Correspondances proches',
      duplicates: 'Doublons',
      all: 'Tous',
    },
    viewOption: '{{label}} ({{formatted}})',
    cellName: '{{match}}. {{name}}',
    empty: {
      'to-review': 'Plus rien à examiner\u00a0: tous les éléments de ce dossier sont connus.',
      known: "Aucun élément de ce dossier n'est connu.",
      near: "Aucun élément de ce dossier n'est une correspondance proche.",
      duplicates: "Aucun élément de ce dossier n'a de copie identique.",
      all: "Ce dossier n'a aucun élément.",
    },
    counts: {
      items_one: '{{formatted}}\u00a0élément',
      items_many: '{{formatted}}\u00a0éléments',
      items_other: '{{formatted}}\u00a0éléments',
      known_one: '{{formatted}}\u00a0connu',
      known_many: '{{formatted}}\u00a0connus',
      known_other: '{{formatted}}\u00a0connus',
      duplicates_one: '{{formatted}}\u00a0doublon',
      duplicates_many: '{{formatted}}\u00a0doublons',
      duplicates_other: '{{formatted}}\u00a0doublons',
      toReview_one: '{{formatted}}\u00a0à examiner',
      toReview_many: '{{formatted}}\u00a0à examiner',
      toReview_other: '{{formatted}}\u00a0à examiner',
      nearSearch: 'recherche de correspondances proches\u00a0: {{done}} sur {{total}}',
    },
    doneKnown_one: '{{formatted}}\u00a0connu, non affiché',
    doneKnown_many: '{{formatted}}\u00a0connus, non affichés',
    doneKnown_other: '{{formatted}}\u00a0connus, non affichés',
    known: 'Connu — {{category}} — {{setName}}',
    near: 'Correspondance proche (distance {{distance}}) — {{category}} — {{setName}}',
    category: {
      numbered: 'catégorie {{code}}, {{label}}',
      lettered: 'catégorie {{code}}',
      none: 'aucune catégorie',
    },
    showKnown: 'Afficher les éléments connus',
    hideKnown: 'Masquer les éléments connus',
    showKnownHelp:
      "Les éléments connus correspondent à un jeu de hachages de matériel connu\u00a0: Veil ne les affiche donc pas. Si vous choisissez de les voir dans ce dossier, ils sont affichés voilés comme tout autre élément, et leur temps à l'écran compte comme exposition.",
    knownShownHelp:
      'Les éléments connus de ce dossier sont affichés, voilés, et comptent comme exposition. Ils seront de nouveau masqués à la prochaine ouverture du dossier.',
    showKnownFailed: "Les éléments connus n'ont pu être ni affichés ni masqués\u00a0: {{message}}",
  },
};
