import type { enFlags } from './en-flags';

/** Chaînes françaises (Canada) des réglages d'unité du signalement et des limites de révélation de ses indicateurs. Partie de `frCA` (fr-CA.ts). */
export const frCAFlags: typeof enFlags = {
  referralSettings: {
    group: 'Signalement',
    intro:
      "La façon dont Veil traite les fichiers nommés par un manifeste de signalement. Ce sont des règles d'unité\u00a0: elles valent pour tous les dossiers.",
    lock: "Verrou d'autorisation (quand le manifeste dit qui a vu chaque fichier)",
    lockHelp:
      "Un fichier que personne chez le fournisseur n'a vu et qui n'était pas accessible au public n'affiche aucune image tant qu'une autorisation (mandat ou ordonnance) n'est pas consignée.",
    lockOffTitle: "Désactiver le verrou d'autorisation\u00a0?",
    lockOffWhy:
      "Sans le verrou, les fichiers que personne chez le fournisseur n'a vus et qui n'étaient pas accessibles au public s'ouvrent comme les autres, sans autorisation consignée. Si votre juridiction exige un mandat avant l'ouverture d'un tel fichier, rien dans Veil n'empêchera qu'il soit ouvert par mégarde. L'avertissement préalable s'affiche toujours avant un fichier signalé.",
    lockOffConfirm: 'Désactiver le verrou',
    lockOffCancel: 'Garder le verrou',
    flagsCaption: "Profils de filtre par indicateur\u00a0: tout fichier signalé est voilé par le filtre le plus fort\u00a0; ces règles s'y ajoutent.",
    flag: 'Indicateur',
    flagName: {
      A1: 'Classe A1',
      A2: 'Classe A2',
      B1: 'Classe B1',
      B2: 'Classe B2',
      infant: 'Nourrisson',
      violence: 'Violence',
      bestiality: 'Bestialité',
      sadism: 'Sadisme',
    },
    noColour: 'Révélation sans couleur',
    spotlightOnly: 'Projecteur seulement',
    cellLabel: '{{flag}}\u00a0: {{rule}}',
    save: 'Enregistrer les réglages du signalement',
    saved: 'Enregistré.',
    failed: 'Non enregistré\u00a0: {{message}}',
  },
  referralManifest: {
    choose: 'Choisir le manifeste de signalement…',
    dialogTitle: 'Choisir le manifeste de signalement de ce dossier',
    dialogIntro:
      "Un manifeste CSV ou JSON du fournisseur ou de la ligne de signalement, rangé n'importe où. Veil le lit maintenant, puis à chaque ouverture du dossier\u00a0; son choix est conservé dans l'espace de travail du dossier.",
    filePath: 'Fichier du manifeste (chemin complet)',
    pathMissing: 'Saisissez le chemin complet du manifeste.',
    read: 'Lire le manifeste',
    cancel: 'Annuler',
    refusedChoice: 'Non utilisé\u00a0: {{message}}',
    refusedTitle: 'Manifeste de signalement refusé.',
    refusedFile: "Veil n'a pas pu utiliser «\u00a0{{path}}\u00a0».",
    refusedLocked:
      "Tant que vous ne le corrigez pas, n'en choisissez pas un autre ou ne continuez pas sans lui, tous les fichiers de ce dossier restent verrouillés\u00a0: le manifeste disait peut-être quels fichiers exigent une autorisation.",
    continueWithout: 'Continuer sans le manifeste',
    lockedTile: 'Verrouillé — le manifeste de signalement est inutilisable',
    lockedWhy:
      'Verrouillé\u00a0: le manifeste de signalement de ce dossier a été refusé. Corrigez-le, choisissez-en un autre ou continuez sans lui (bandeau ci-dessus).',
  },
  referralReveal: {
    noColour: 'Les révélations restent en niveaux de gris pour ce fichier\u00a0: règle de votre unité pour {{flags}}.',
    spotlightOnly: 'Pour ce fichier, seule la révélation autour du pointeur est permise\u00a0: règle de votre unité pour {{flags}}.',
    spotlightOnlyVideo:
      "Cette vidéo reste voilée\u00a0: pour {{flags}}, votre unité ne permet que la révélation autour du pointeur, qui n'existe pas pour les vidéos.",
  },
};
