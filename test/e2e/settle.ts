/**
 * Options for `expect.poll` on what the page shows: a read retries until it matches or
 * this long has passed. Vitest's own default (1 s) is far too short on a shared 2-core
 * machine that is slow at random; a correct page settles well within this.
 */
export const SETTLE = { timeout: 30_000, interval: 100 } as const;
