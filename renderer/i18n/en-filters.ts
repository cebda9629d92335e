/**
 * English strings of the reduced-detail filter styles (blur, illustration, silhouette): the
 * default in Settings and the viewer's choice for one item. Part of `en` (en.ts).
 */
export const enFilters = {
  filters: {
    style: 'Filter style',
    styleHelp: 'Illustration keeps flat tones and outlines; silhouette keeps shapes only. The blur setting says how much detail each style removes.',
    styleBlur: 'Blur',
    styleIllustration: 'Illustration',
    styleSilhouette: 'Silhouette',
    styleForItem: 'Filter style for this item',
  },
};
