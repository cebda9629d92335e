import type { VideoMessages } from './en-video';

/** Chaînes en français canadien des commandes du lecteur vidéo (vitesse, sauts, image par image, ligne du temps). Partie de `frCA` (fr-CA.ts). */
export const frCAVideo: VideoMessages = {
  videoControls: {
    picture: 'Vidéo',
    back30: 'Reculer de 30\u00a0s',
    back30Short: '◂◂ 30\u00a0s',
    back5: 'Reculer de 5\u00a0s',
    back5Short: '◂ 5\u00a0s',
    forward5: 'Avancer de 5\u00a0s',
    forward5Short: '5\u00a0s ▸',
    forward30: 'Avancer de 30\u00a0s',
    forward30Short: '30\u00a0s ▸▸',
    previousFrame: 'Image précédente',
    previousFrameShort: '◂ Image',
    nextFrame: 'Image suivante',
    nextFrameShort: 'Image ▸',
    slower: 'Plus lent',
    faster: 'Plus rapide',
    speed: 'Vitesse',
    speedNow: 'Vitesse {{rate}}',
    pauseToStep: 'Mettez la vidéo en pause pour la parcourir image par image.',
    preparingVeiled: 'Préparation de la vidéo voilée…',
    preparingOriginal: 'Chargement de la vidéo originale…',
  },
};
