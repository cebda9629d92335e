import type { OverruleMessages } from './en-overrule';

/** Canadian French strings of overruling a hash set's category, typed against the English ones (en-overrule.ts). */
export const frCAOverrule: OverruleMessages = {
  overrule: {
    title: 'Changer une catégorie venue d’un jeu de hachages',
    intro:
      'La catégorie de ce fichier vient d’un jeu de hachages. Pour la changer en {{category}}, indiquez le motif\u00a0: il est conservé dans l’historique du fichier.',
    label: 'Motif',
    help: 'De {{min}} à {{max}} caractères, texte brut.',
    tooShort: 'Indiquez un motif d’au moins {{min}} caractères.',
    tooLong: 'Le motif est trop long\u00a0: {{max}} caractères au plus.',
    notPlain: 'Le motif doit être du texte brut (aucun caractère de contrôle).',
    cancel: 'Annuler',
    confirm: 'Changer la catégorie',
    busy: 'Changement…',
    failed: 'La catégorie n’a pas été changée\u00a0: {{message}}',
    escape: 'Échap annule et masque tous les médias',
    keptFromSet: 'Catégorie venue de son jeu de hachages\u00a0: la changer demande un motif.',
  },
  historyExtra: {
    reason: 'Motif\u00a0: {{reason}}',
    authorised: 'Autorisation d’ouverture\u00a0: {{reference}} du {{date}} · {{user}} · {{time}}',
  },
};
