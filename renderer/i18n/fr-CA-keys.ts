import type { KeysMessages } from './en-keys';

/** Canadian French strings of keyboard reach, typed against the English ones (en-keys.ts). */
export const frCAKeys: KeysMessages = {
  keyHints: {
    holdHint:
      "Maintenez R, ou Maj et appuyez sur l'image, pour révéler autour du pointeur. Maj + flèches déplacent le cercle. Retour arrière\u00a0: retour à la grille.",
    dialogEsc: 'Échap masque tous les médias',
    dialogClose: 'Alt+C ferme cette boîte de dialogue',
  },
  cellName: {
    image: '{{seen}}, image',
    imageAfterBadges: '{{seen}}, image',
    video: '{{seen}}',
    failed: 'Ne peut pas être affiché\u00a0: {{reason}} {{name}}',
    namedAs: "porte l'extension {{claimed}}",
  },
};
