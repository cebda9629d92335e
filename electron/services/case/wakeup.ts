/**
 * The smallest coordination primitive the import needs: loops `await wait()`
 * until some other loop calls `wakeAll()`, then re-check their own condition.
 * Holds one pending promise per waiting loop, never one per file.
 */
export function createWakeup(): { wait(): Promise<void>; wakeAll(): void } {
  let waiters: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => waiters.push(resolve)),
    wakeAll: () => {
      const woken = waiters;
      waiters = [];
      for (const resolve of woken) resolve();
    },
  };
}
