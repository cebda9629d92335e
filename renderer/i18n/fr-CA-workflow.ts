import type { WorkflowMessages } from './en-workflow';

/** Canadian French strings of the review's workflow, typed against the English ones (en-workflow.ts). */
export const frCAWorkflow: WorkflowMessages = {
  schemes: {
    dialogTitle: 'Grille de catégories de ce dossier',
    dialogIntro: 'Choisissez comment les éléments de ce dossier sont catégorisés. Ce choix est gardé avec le dossier et ne peut plus être changé.',
    choices: 'Grille',
    use: 'Utiliser cette grille',
    short: { 'vic-us': 'VIC É.-U.', 'vic-dhs': 'DHS', 'uk-abc': 'R.-U.' },
    long: {
      'vic-us': 'Project VIC États-Unis (0 à 4)',
      'vic-dhs': 'Ancienne numérotation DHS (0 à 5)',
      'uk-abc': 'Classement du Royaume-Uni : A, B, C, non indécent',
    },
    custom: '{{name}} (importée : {{keys}})',
    headerLabel: 'Grille de catégories : {{name}}',
    settingsGroup: 'Grilles de catégories',
  },
  itemHistory: {
    summary: 'Historique',
    loading: 'Lecture de l’historique…',
    none: 'Aucune décision pour l’instant.',
    failed: 'L’historique n’a pas pu être lu : {{message}}',
    line: '{{category}} · {{source}} · {{user}} · {{time}}',
    source: { investigator: 'enquêteur', 'hash-set': 'ensemble de hachages', stack: 'sa pile' },
    undo: 'annulée',
    redo: 'rétablie',
    reason: 'Motif : {{reason}}',
  },
};
