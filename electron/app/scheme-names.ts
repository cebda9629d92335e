/** Serves the built renderer, so nothing loads over file://. */
export const APP_SCHEME = 'veil-app';
/** Serves derivatives by opaque item id; never maps a URL path to a file path. */
export const MEDIA_SCHEME = 'veil-media';
