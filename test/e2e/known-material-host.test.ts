import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import { startTestHost, type RunningTestHost } from './host-process.js';

describe('known-material hash sets through the built browser host', () => {
  let host: RunningTestHost;
  let dir: string;
  beforeAll(async () => {
    host = await startTestHost();
    dir = mkdtempSync(join(tmpdir(), 'veil-e2e-known-'));
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a VICS set into the data folder library (the SQLite addon loads in the bundle), lists and removes it', async () => {
    const file = join(dir, 'vic.json');
    const media = [1, 2, 3].map((id) => ({ MediaID: id, Category: 1, MD5: String(id).repeat(32) }));
    writeFileSync(file, `\uFEFF${JSON.stringify({ 'odata.metadata': 'x#Cases', value: [{ Media: [...media, { MediaID: 3, MD5: 'f'.repeat(32) }] }] })}`);
    const result = requests.importHashSet.result.parse(await host.call('importHashSet', { filePath: file, name: 'VIC', scheme: 'vic-us' }));
    expect(result).toMatchObject({ outcome: 'imported', set: { recordCount: 3, badRecordCount: 1 }, badRecords: [{ place: 4, reason: 'media-id-duplicate' }] });
    expect(existsSync(join(host.dataDir, 'known-material', 'known-material.sqlite'))).toBe(true);
    const listed = requests.listHashSets.result.parse(await host.call('listHashSets', {}));
    expect(listed.map((set) => set.name)).toEqual(['VIC']);
    const setId = listed[0]?.setId ?? 0;
    expect(await host.call('removeHashSet', { setId })).toEqual([]);
  });
});
