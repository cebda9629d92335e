/**
 * Options for `expect.poll` on what the page shows: a read retries until it matches or
 * this long has passed. Vitest's own default (1 s) is far too short on a shared 2-core
 * machine that is slow at random; a correct page settles well within this.
 */
export const SETTLE = { timeout: 30_000, interval: 100 } as const;

/**
 * For what must already be true once the state it belongs to is on screen: no media behind
 * a break, a text-only list or "Media hidden", no reveal layer once a reveal ends. Read
 * after waiting for that state; a page that left media up for more than a moment fails.
 */
export const AT_ONCE = { timeout: 1_000, interval: 50 } as const;
