import type { enFilters } from './en-filters';

/** Chaînes en français canadien des styles de filtre à détail réduit (flou, illustration, silhouette). Partie de `frCA` (fr-CA.ts). */
export const frCAFilters: typeof enFilters = {
  filters: {
    style: 'Style de filtre',
    styleHelp:
      "L'illustration garde des tons unis et des contours\u00a0; la silhouette ne garde que les formes. Le réglage du flou indique la quantité de détails que chaque style retire.",
    styleBlur: 'Flou',
    styleIllustration: 'Illustration',
    styleSilhouette: 'Silhouette',
    styleForItem: 'Style de filtre pour cet élément',
  },
};
