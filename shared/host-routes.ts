/**
 * The browser host's wire names, shared by its server (electron/host) and its client
 * (renderer/api/http-transport) so the two cannot drift apart.
 */

/** The header carrying the per-run token on every API request. Node lower-cases header names. */
export const TOKEN_HEADER = 'X-Veil-Token';

/** The query parameter carrying the token where no header can be sent (the page address, EventSource, <img>). */
export const TOKEN_QUERY_PARAM = 'token';

/** `POST <API_PATH_PREFIX><request name>` runs one contract request. */
export const API_PATH_PREFIX = '/api/';

/** The server-sent event stream of the contract's pushed events. */
export const EVENTS_PATH = '/events';

/** `GET <MEDIA_PATH_PREFIX><item id>/<profile>?…` serves a derivative (or an original on reveal). */
export const MEDIA_PATH_PREFIX = '/media/';
