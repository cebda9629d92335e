import type { AvoidedMessages } from './en-avoided';

/**
 * Chaînes en français canadien de « exposition évitée » : la ligne sous les chiffres du
 * dossier et la section de Mon exposition. Partie de `frCA` (fr-CA.ts).
 */
export const frCAAvoided: AvoidedMessages = {
  avoided: {
    caseLine: 'Fichiers épargnés : {{files}}, environ {{duration}} de visionnement (estimation)',
    caseLineFiles: 'Fichiers épargnés : {{files}}',
    caseLineNoEstimate: "Fichiers épargnés : {{files}} (pas encore d'estimation du temps)",
    caseHelp:
      'Fichiers connus et copies identiques que Veil ne vous montrera pas : {{known}} connus, {{copies}} copies. Le temps est une estimation tirée de votre propre temps médian de visionnement par élément.',
    title: 'Exposition évitée cette semaine',
    week: '{{files}} fichiers non affichés, environ {{duration}} de visionnement épargné (estimation)',
    weekNoEstimate: '{{files}} fichiers non affichés',
    weekNone: "Aucun fichier épargné cette semaine pour l'instant.",
    breakdown: 'Fichiers connus : {{known}} · Copies identiques : {{copies}}',
    basis: 'Estimation : {{files}} fichiers × votre médiane de {{median}} par élément visionné ({{views}} éléments au cours des 12 dernières semaines).',
    noEstimate:
      "Pas encore d'estimation du temps : elle vient de votre propre temps de visionnement par élément, et vous n'avez encore visionné aucun élément dans la visionneuse.",
    privacy: "Seuls ces chiffres sont gardés dans votre registre d'exposition, jamais le dossier d'où ils viennent.",
  },
};
