import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

export interface SourceFile {
  /** Relative to the repository, with forward slashes. */
  file: string;
  text: string;
}

/** The source of everything that ships in the app: electron/, shared/ and renderer/. */
export function shippedSources(): SourceFile[] {
  return ['electron', 'shared', 'renderer'].flatMap((folder) =>
    readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|tsx|html)$/.test(name))
      .map((name) => ({ file: `${folder}/${name.split(path.sep).join('/')}`, text: readFileSync(path.join(REPO_ROOT, folder, name), 'utf8') })),
  );
}

/** Every match of `pattern` (global) in the shipped sources, as "file: match". */
export function occurrences(sources: readonly SourceFile[], pattern: RegExp): string[] {
  return sources.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((match) => `${file}: ${match[0]}`));
}
