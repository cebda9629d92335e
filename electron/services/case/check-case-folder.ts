import { promises as fsPromises } from 'node:fs';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import { errorCode } from './error-code.js';

/** The folder's real path, or a request error a user can read. */
export async function checkCaseFolder(rootDir: string): Promise<string> {
  try {
    const realRoot = await fsPromises.realpath(rootDir);
    const stats = await fsPromises.stat(realRoot);
    if (!stats.isDirectory()) throw VeilRequestError.because(reasonOf('folder-is-file', { path: rootDir }));
    const dir = await fsPromises.opendir(realRoot);
    await dir.close();
    return realRoot;
  } catch (error) {
    if (error instanceof VeilRequestError) throw error;
    const code = errorCode(error);
    if (code === 'ENOENT') throw VeilRequestError.because(reasonOf('folder-missing', { path: rootDir }));
    if (code === 'EACCES' || code === 'EPERM') throw VeilRequestError.because(reasonOf('folder-permission-denied', { path: rootDir }));
    throw VeilRequestError.because(reasonOf('folder-unreadable', { path: rootDir, osCode: code }));
  }
}
