import { randomBytes } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The break and limit machines' state, kept so a restart resets neither a break timer nor
 * a cap. Written whole to a temp file, synced, then renamed over the old one, so a crash
 * leaves the old or the new state, never half of one. Reading a missing or unreadable
 * file gives null: the caller starts afresh (limits are seeded from the ledger).
 */
export function wellbeingStateFile(dataDir: string): { read(): Promise<unknown>; write(value: unknown): Promise<void> } {
  const path = join(dataDir, 'wellbeing-state.json');
  return {
    async read() {
      try {
        return JSON.parse(await readFile(path, 'utf8'));
      } catch {
        return null;
      }
    },
    async write(value) {
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(JSON.stringify(value));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    },
  };
}
