import path from 'node:path';

/** The library's folder when the setting is empty: sets hold no case data, so Veil's data folder suits them. */
export function defaultKnownMaterialFolder(dataDir: string): string {
  return path.join(dataDir, 'known-material');
}
