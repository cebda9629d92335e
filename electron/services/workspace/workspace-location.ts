import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Where a file Veil keeps for one case goes (its notes, its workspace): beside the case
 * folder as `<parent>/<case folder name><suffix>`, never inside the evidence; or, with a
 * notes folder chosen in Settings, `<notes folder>/<case folder name> <8 hex of the case
 * path's SHA-256><suffix>`, so two cases with the same folder name stay apart and the same
 * case finds its files again.
 */
export function caseWorkFilePath(caseRoot: string, notesFolder: string | null, suffix: string): string {
  const name = path.basename(caseRoot) || 'case';
  if (notesFolder === null) return path.join(path.dirname(caseRoot), `${name}${suffix}`);
  const tag = createHash('sha256').update(caseRoot).digest('hex').slice(0, 8);
  return path.join(notesFolder, `${name} ${tag}${suffix}`);
}

/** The case workspace database: the same place as the notes file, `.veil-case.sqlite`. */
export function workspaceFilePath(caseRoot: string, notesFolder: string | null = null): string {
  return caseWorkFilePath(caseRoot, notesFolder, '.veil-case.sqlite');
}
