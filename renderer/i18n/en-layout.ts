/**
 * English strings of the room-keeping layout: the header's menu of secondary actions and
 * the dismissable banners. Part of `en` (en.ts).
 */
export const enLayout = {
  layout: {
    menu: 'More',
    menuLabel: 'More actions',
    dismissToday: 'Hide until tomorrow',
  },
};

/** The shape `fr-CA-layout.ts` must have: the same keys, any strings. */
export type LayoutMessages = typeof enLayout;
