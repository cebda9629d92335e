import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * Serves the built renderer. The URL path is decoded, resolved under the root and
 * checked for containment twice (before and after realpath), so neither `..` nor
 * a symlink can reach a file outside it. Returns null for anything else.
 */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = await realpath(rootDir);
  const candidate = resolve(root, relative);
  if (!candidate.startsWith(root + sep)) return null;
  const contentType = CONTENT_TYPES[extname(candidate)];
  if (!contentType) return null;
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return null;
    return { bytes: await readFile(real), contentType };
  } catch {
    return null;
  }
}
