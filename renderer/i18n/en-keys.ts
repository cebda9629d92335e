/**
 * English strings of keyboard reach: what the viewer's keys do, what Esc does inside a
 * dialog, and the parts of a grid tile's accessible name that are not its visible text.
 * Part of `en` (en.ts).
 */
export const enKeys = {
  keyHints: {
    holdHint: 'Hold R, or Shift and press on the image, to reveal around the pointer. Shift + arrow keys move the circle. Backspace: back to the grid.',
    dialogEsc: 'Esc hides all media',
    dialogClose: 'Alt+C closes this dialog',
  },
  cellName: {
    image: '{{seen}} image',
    imageAfterBadges: '{{seen}}; image',
    video: '{{seen}}',
    failed: 'Could not be shown: {{reason}} {{name}}',
    namedAs: 'named as {{claimed}}',
  },
};

export type KeysMessages = typeof enKeys;
