import type { LayoutMessages } from './en-layout';

/** Canadian French strings of the room-keeping layout, typed against the English ones (en-layout.ts). */
export const frCALayout: LayoutMessages = {
  layout: {
    menu: 'Plus',
    menuLabel: "Plus d'actions",
    dismissToday: "Masquer jusqu'à demain",
  },
};
