/**
 * The review benchmark's case: COUNT tiny greyscale noise PNGs (24×24), each different in its
 * pixels, so no two are exact copies and none is a near copy of another (the PDQ hashes of
 * independent noise lie far apart): every item stays its own item to review. Written once into the temporary
 * folder and kept between runs, in the folders of scripts/make-large-case.ts (delete the folder
 * to make it again); its workspace, beside it, keeps the earlier runs' decisions and hashes.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { largeCaseRelativePath } from '../scripts/make-large-case.js';
import { noisePng } from '../test/fixtures/noise-png.js';

const PER_FOLDER = 1000;
const WRITES_IN_FLIGHT = 64;

/** The case folder with `count` pictures, made now unless an earlier run finished making it. */
export async function reviewCase(count: number, log: (line: string) => void): Promise<string> {
  const caseDir = path.join(os.tmpdir(), `veil-review-bench-${count}`, 'Review bench case');
  if (existsSync(caseDir)) return caseDir;
  const making = `${caseDir}.making`;
  await rm(making, { recursive: true, force: true });
  const startMs = performance.now();
  let next = 0;
  const folders = new Map<string, Promise<unknown>>();
  const writer = async () => {
    for (let index = next++; index < count; index = next++) {
      const file = path.join(making, `${largeCaseRelativePath(index, PER_FOLDER)}.png`);
      const folder = path.dirname(file);
      let made = folders.get(folder);
      if (made === undefined) {
        made = mkdir(folder, { recursive: true });
        folders.set(folder, made);
      }
      await made;
      await writeFile(file, noisePng(7000 + index));
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, writer));
  await rename(making, caseDir);
  log(`made ${count.toLocaleString('en')} noise PNGs in ${((performance.now() - startMs) / 1000).toFixed(1)} s (${caseDir})`);
  return caseDir;
}
