import type { AvoidedMessages } from './en-avoided';

/**
 * Chaînes en français canadien de « exposition évitée » : la ligne sous les chiffres du
 * dossier et la section de Mon exposition. Partie de `frCA` (fr-CA.ts).
 */
export const frCAAvoided: AvoidedMessages = {
  avoided: {
    caseLine_one: 'Fichier qui vous a été épargné : {{files}}, environ {{duration}} de visionnement évité (estimation)',
    caseLine_many: 'Fichiers qui vous ont été épargnés : {{files}}, environ {{duration}} de visionnement évité (estimation)',
    caseLine_other: 'Fichiers qui vous ont été épargnés : {{files}}, environ {{duration}} de visionnement évité (estimation)',
    caseLineFiles_one: 'Fichier qui vous a été épargné : {{files}}',
    caseLineFiles_many: 'Fichiers qui vous ont été épargnés : {{files}}',
    caseLineFiles_other: 'Fichiers qui vous ont été épargnés : {{files}}',
    caseLineNoEstimate_one: "Fichier qui vous a été épargné : {{files}} (pas encore d'estimation du temps)",
    caseLineNoEstimate_many: "Fichiers qui vous ont été épargnés : {{files}} (pas encore d'estimation du temps)",
    caseLineNoEstimate_other: "Fichiers qui vous ont été épargnés : {{files}} (pas encore d'estimation du temps)",
    caseHelp:
      'Fichiers connus et copies identiques que Veil ne vous montrera pas : {{known}}, {{copies}}. Le temps est une estimation tirée de votre propre temps médian de visionnement par élément.',
    knownPart_one: '{{formatted}} connu',
    knownPart_many: '{{formatted}} connus',
    knownPart_other: '{{formatted}} connus',
    copiesPart_one: '{{formatted}} copie',
    copiesPart_many: '{{formatted}} copies',
    copiesPart_other: '{{formatted}} copies',
    title: 'Exposition évitée cette semaine',
    week_one: '{{files}} fichier non affiché, environ {{duration}} de visionnement évité (estimation)',
    week_many: '{{files}} fichiers non affichés, environ {{duration}} de visionnement évité (estimation)',
    week_other: '{{files}} fichiers non affichés, environ {{duration}} de visionnement évité (estimation)',
    weekNoEstimate_one: '{{files}} fichier non affiché',
    weekNoEstimate_many: '{{files}} fichiers non affichés',
    weekNoEstimate_other: '{{files}} fichiers non affichés',
    weekNone: "Aucun fichier ne vous a été épargné cette semaine pour l'instant.",
    breakdown: 'Fichiers connus : {{known}} · Copies identiques : {{copies}}',
    basis: 'Estimation : {{files}} × votre médiane de {{median}} par élément visionné ({{views}} au cours des 12 dernières semaines).',
    filesPart_one: '{{formatted}} fichier',
    filesPart_many: '{{formatted}} fichiers',
    filesPart_other: '{{formatted}} fichiers',
    viewsPart_one: '{{formatted}} élément',
    viewsPart_many: '{{formatted}} éléments',
    viewsPart_other: '{{formatted}} éléments',
    noEstimate:
      "Pas encore d'estimation du temps : elle vient de votre propre temps de visionnement par élément, et vous n'avez encore visionné aucun élément dans la visionneuse.",
    privacy: "Seuls ces chiffres sont gardés dans votre registre d'exposition, jamais le dossier d'où ils viennent.",
  },
};
