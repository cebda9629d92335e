import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import { reasonOf, type Reason } from '../../../../shared/reasons/reason.js';
import { errorCode } from '../../case/error-code.js';
import { isPathInside } from '../../media/contained-file.js';

/** True when `inner` is `outer` itself or below it (both real, absolute paths); `..evidence` inside `outer` is below it. */
function isWithin(inner: string, outer: string): boolean {
  return inner === outer || isPathInside(outer, inner);
}

/**
 * True when `folderPath` names one folder whatever the process's working folder or current drive:
 * absolute, and on Windows with a drive (`C:\…`) or a share (`\\server\…`) — `\exports` and
 * `C:exports` there, and `C:\exports` typed on Linux or macOS, depend on where Veil runs from.
 */
export function isFullPath(folderPath: string, pathApi: Pick<typeof path, 'isAbsolute' | 'sep'> = path): boolean {
  if (!pathApi.isAbsolute(folderPath)) return false;
  return pathApi.sep === '/' || /^(?:[A-Za-z]:[\\/]|[\\/]{2}[^\\/])/.test(folderPath);
}

/** The reason an export folder (or a file in it) could not be used, from the system's error code. */
export function exportFolderReason(folderPath: string, code: string): Reason {
  switch (code) {
    case 'ENOENT':
      return reasonOf('export-folder-missing', { path: folderPath });
    case 'ENOTDIR':
      return reasonOf('export-not-a-folder', { path: folderPath });
    case 'EROFS':
      return reasonOf('export-read-only', { path: folderPath });
    case 'EACCES':
    case 'EPERM':
      return reasonOf('export-permission-denied', { path: folderPath });
    case 'ENOSPC':
    case 'EDQUOT':
      return reasonOf('export-disk-full', { path: folderPath });
    default:
      return reasonOf('review-export-write-failed', { path: folderPath, osCode: code });
  }
}

async function realOrSelf(folderPath: string): Promise<string> {
  return realpath(folderPath).catch(() => path.resolve(folderPath));
}

/**
 * The folder an export may be written into, as its real path: a full path (never resolved
 * against the working folder), that exists and is a folder (never created: a missing folder is
 * usually a share not connected), and neither Veil's data folder nor anywhere inside the case
 * folder. Both are judged after resolving links, so a link to the evidence is refused like the
 * evidence. Throws VeilRequestError with the reason.
 */
export async function checkExportFolder(folderPath: string, forbidden: { dataDir: string; caseRoot: string }): Promise<string> {
  if (!isFullPath(folderPath)) throw VeilRequestError.because(reasonOf('review-export-folder-not-full', { path: folderPath }));
  let real: string;
  try {
    real = await realpath(folderPath);
    if (!(await stat(real)).isDirectory()) throw VeilRequestError.because(reasonOf('export-not-a-folder', { path: folderPath }));
  } catch (error) {
    if (error instanceof VeilRequestError) throw error;
    throw VeilRequestError.because(exportFolderReason(folderPath, errorCode(error)));
  }
  if (isWithin(real, await realOrSelf(forbidden.dataDir))) throw VeilRequestError.because(reasonOf('review-export-in-data-folder', { path: folderPath }));
  if (isWithin(real, await realOrSelf(forbidden.caseRoot))) throw VeilRequestError.because(reasonOf('review-export-in-case-folder', { path: folderPath }));
  return real;
}
