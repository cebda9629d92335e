import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { join, parse } from 'node:path';
import { isAlreadyThere, isLinkUnsupported, isNotFound, syncDirectory, writeAll } from '../../platform/durable-write.js';

/** Names tried for one file: `name.ext`, then `name-2.ext` … before giving up. */
const MAX_SUFFIX = 999;

/** Text gathered before a write: a few large writes rather than 100,000 small ones. */
const WRITE_BATCH_CHARS = 1 << 20;

export interface PublishFs {
  link(fromPath: string, toPath: string): Promise<void>;
  rename(fromPath: string, toPath: string): Promise<void>;
  /** Resolves when the name is taken; rejects (ENOENT) when it is free. */
  exists(path: string): Promise<unknown>;
}

const nodePublishFs: PublishFs = { link, rename, exists: stat };

function* candidateNames(fileName: string): Generator<string> {
  yield fileName;
  const { name, ext } = parse(fileName);
  for (let copy = 2; copy <= MAX_SUFFIX; copy += 1) yield `${name}-${copy}${ext}`;
}

async function isTaken(fs: PublishFs, path: string): Promise<boolean> {
  try {
    await fs.exists(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/**
 * Gives the finished temp file its name without replacing a file already there: a hard link
 * fails when the name is taken (atomically), and the next suffix is tried. Where the file
 * system has no hard links (FAT, some shares) the name is checked, then the temp file renamed.
 */
async function publish(dirPath: string, tempName: string, fileName: string, fs: PublishFs): Promise<string> {
  const tempPath = join(dirPath, tempName);
  for (const name of candidateNames(fileName)) {
    const target = join(dirPath, name);
    try {
      await fs.link(tempPath, target);
      await rm(tempPath, { force: true });
      return name;
    } catch (error) {
      if (isAlreadyThere(error)) continue;
      if (!isLinkUnsupported(error)) throw error;
    }
    if (await isTaken(fs, target)) continue;
    await fs.rename(tempPath, target);
    return name;
  }
  throw Object.assign(new Error(`no free name for ${fileName}`), { code: 'EEXIST' });
}

/**
 * Writes `chunks` as `<dirPath>/<fileName>` (or `name-2.ext` … when the name is taken, never
 * overwriting): first into a hidden temp file beside it, synced, then published under its
 * name and the folder synced. A crash or a full disk leaves no half file under the export's
 * name; a failed write removes its temp file. Returns the path written and its size.
 */
export async function writeExportFile(
  dirPath: string,
  fileName: string,
  chunks: Iterable<string>,
  fs: PublishFs = nodePublishFs,
): Promise<{ filePath: string; sizeBytes: number }> {
  const tempName = `.${fileName}.tmp-${randomBytes(6).toString('hex')}`;
  const tempPath = join(dirPath, tempName);
  let sizeBytes = 0;
  try {
    const handle = await open(tempPath, 'wx', 0o644);
    try {
      let pending: string[] = [];
      let pendingChars = 0;
      const flush = async () => {
        const bytes = Buffer.from(pending.join(''), 'utf8');
        pending = [];
        pendingChars = 0;
        sizeBytes += bytes.length;
        await writeAll(handle, bytes);
      };
      for (const chunk of chunks) {
        pending.push(chunk);
        pendingChars += chunk.length;
        if (pendingChars >= WRITE_BATCH_CHARS) await flush();
      }
      await flush();
      await handle.sync();
    } finally {
      await handle.close();
    }
    const name = await publish(dirPath, tempName, fileName, fs);
    await syncDirectory(dirPath);
    return { filePath: join(dirPath, name), sizeBytes };
  } catch (error) {
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
}
