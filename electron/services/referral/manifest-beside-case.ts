import { stat } from 'node:fs/promises';
import path from 'node:path';
import { besideCaseNames } from '../../../shared/referral/manifest-location.js';

/** The first manifest found beside the case folder (see besideCaseNames), or null when there is none. */
export async function findManifestBesideCase(caseRoot: string): Promise<string | null> {
  const resolved = path.resolve(caseRoot);
  for (const name of besideCaseNames(path.basename(resolved))) {
    const candidate = path.join(path.dirname(resolved), name);
    const found = await stat(candidate).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (found) return candidate;
  }
  return null;
}
