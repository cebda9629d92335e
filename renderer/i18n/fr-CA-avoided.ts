import type { AvoidedMessages } from './en-avoided';

/**
 * Chaînes en français canadien de « exposition évitée » : la ligne sous les chiffres du
 * dossier et la section de Mon exposition. Partie de `frCA` (fr-CA.ts).
 */
export const frCAAvoided: AvoidedMessages = {
  avoided: {
    caseLine_one: 'Fichier épargné\u00a0: {{files}}, environ {{duration}} de visionnement (estimé)',
    caseLine_many: 'Fichiers épargnés\u00a0: {{files}}, environ {{duration}} de visionnement (estimé)',
    caseLine_other: 'Fichiers épargnés\u00a0: {{files}}, environ {{duration}} de visionnement (estimé)',
    caseLineFiles_one: 'Fichier épargné\u00a0: {{files}}',
    caseLineFiles_many: 'Fichiers épargnés\u00a0: {{files}}',
    caseLineFiles_other: 'Fichiers épargnés\u00a0: {{files}}',
    caseLineNoEstimate_one: "Fichier épargné\u00a0: {{files}} (pas encore d'estimation)",
    caseLineNoEstimate_many: "Fichiers épargnés\u00a0: {{files}} (pas encore d'estimation)",
    caseLineNoEstimate_other: "Fichiers épargnés\u00a0: {{files}} (pas encore d'estimation)",
    caseHelp:
      'Fichiers connus, copies identiques et copies proches que Veil ne vous montrera pas : {{known}}, {{copies}}, {{near}}. Le temps est une estimation tirée de votre propre temps médian de visionnement par élément.',
    knownPart_one: '{{formatted}} connu',
    knownPart_many: '{{formatted}} connus',
    knownPart_other: '{{formatted}} connus',
    copiesPart_one: '{{formatted}} copie',
    copiesPart_many: '{{formatted}} copies',
    copiesPart_other: '{{formatted}} copies',
    nearPart_one: '{{formatted}} copie proche',
    nearPart_many: '{{formatted}} copies proches',
    nearPart_other: '{{formatted}} copies proches',
    title: 'Exposition évitée cette semaine',
    week_one: '{{files}} fichier non affiché, environ {{duration}} de visionnement évité (estimation)',
    week_many: '{{files}} fichiers non affichés, environ {{duration}} de visionnement évité (estimation)',
    week_other: '{{files}} fichiers non affichés, environ {{duration}} de visionnement évité (estimation)',
    weekNoEstimate_one: '{{files}} fichier non affiché',
    weekNoEstimate_many: '{{files}} fichiers non affichés',
    weekNoEstimate_other: '{{files}} fichiers non affichés',
    weekNone: "Aucun fichier ne vous a été épargné cette semaine pour l'instant.",
    breakdown: 'Fichiers connus : {{known}} · Copies identiques : {{copies}} · Copies proches : {{near}}',
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
