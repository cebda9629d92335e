import type { KnownMessages } from './en-known';

/** Canadian French strings of known-material hash sets, typed against the English ones (en-known.ts). */
export const frCAKnown: KnownMessages = {
  known: {
    group: 'Matériel connu',
    folder: 'Dossier de la bibliothèque de matériel connu',
    folderHelp:
      'Où les jeux de hachages importés sont conservés. Vide signifie dans le dossier de données de Veil\u00a0; une unité peut partager un même dossier entre ses postes.',
    scheme: {
      'vic-us': 'Project VIC (É.-U.)',
      'vic-dhs': 'Project VIC (ancienne numérotation du DHS)',
      'uk-abc': 'Classement britannique (A, B, C)',
      custom: 'Libellés personnalisés',
    },
    category: {
      'vic-us': {
        '0': 'Non pertinent',
        '1': "Matériel d'abus pédosexuel",
        '2': 'Exploitation d’enfants / âge difficile à établir',
        '3': 'Images de synthèse / animation',
        '4': 'Comparaison',
      },
      'vic-dhs': {
        '0': 'Non catégorisé',
        '1': "Exploitation d'enfants (illégal)",
        '2': "Exploitation d'enfants (non illégal / âge difficile à établir)",
        '3': "Images de synthèse / animation (exploitation d'enfants)",
        '4': 'Exemplaire / comparaison (usage interne seulement)',
        '5': 'Non pertinent',
      },
    },
    badReason: {
      'record-not-object': "ce n'est pas un enregistrement",
      'no-hash': 'aucun hachage',
      'hash-wrong-length': "hachage d'une longueur erronée",
      'hash-not-hex': 'hachage contenant des caractères non hexadécimaux',
      'hash-wrong-type': "hachage qui n'est pas du texte",
      'hash-kind-unknown': "hachage d'un type inconnu",
      'category-wrong-type': "catégorie d'un type erroné",
      'category-not-in-scheme': 'catégorie absente du barème choisi',
      'boolean-as-string': 'champ oui/non écrit en texte',
      'media-id-wrong-type': "MediaID qui n'est pas un nombre entier",
      'media-id-duplicate': 'MediaID déjà utilisé plus haut dans le fichier',
      'pdq-quality-invalid': 'qualité PDQ hors de 0 à 100',
      'csv-wrong-column-count': "ligne dont le nombre de colonnes diffère de l'en-tête",
      'line-too-long': 'ligne trop longue pour être un hachage',
      'json-cut-off': 'le JSON se termine ici (tronqué)',
      'json-invalid': "le JSON n'est plus valide à partir d'ici",
    },
    place: {
      line: 'ligne {{place}}',
      record: 'enregistrement {{place}}',
      byte: 'octet {{place}}',
    },
  },
};
