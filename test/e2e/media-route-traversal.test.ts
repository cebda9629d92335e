import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStill } from '../fixtures/synthetic-media.js';
import {
  fakeMp4,
  secretMarker,
  swapInLinks,
  targetsFrom,
  traversalAttempts,
  writeTraversalCases,
  type TraversalAttempt,
  type TraversalTargets,
} from '../unit/security/traversal-corpus.js';
import { REPO_ROOT, startTestHost, waitUntil, type RunningTestHost } from './host-process.js';

// The browser host's media route against the traversal corpus the Electron scheme faces
// (test/unit/security/media-scheme-traversal.test.ts), through the real built host, real
// case import and real media worker. Every attempt carries the valid token, so it is the
// route that must refuse, not the token check.

interface Answer {
  status: number;
  body: Buffer;
}

interface Item {
  id: string;
  relativePath: string;
}

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
function rawGet(port: number, path: string): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the browser host media route cannot be walked', () => {
  let host: RunningTestHost;
  let port: number;
  let root: string;
  let marker: string;
  let targets: TraversalTargets;
  let problemsB: Record<string, string>;

  const withToken = (path: string) => `${path}${path.includes('?') ? '&' : '?'}token=${host.token}`;

  async function importedCase(): Promise<{ caseId: string; ids: Record<string, string> }> {
    const summary = await waitUntil(
      () => host.call('getCase', {}) as Promise<{ caseId: string; import: { phase: string } } | null>,
      (value) => value !== null && value.import.phase !== 'scanning',
    );
    if (!summary) throw new Error('no case open');
    const { items } = (await host.call('listItems', { caseId: summary.caseId, offset: 0, limit: 100 })) as { items: Item[] };
    return { caseId: summary.caseId, ids: Object.fromEntries(items.map((item) => [item.relativePath, item.id])) };
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'veil-e2e-traversal-'));
    marker = secretMarker(randomUUID());
    // Real, decodable images: a still that reached a file outside would come back as a 200.
    let seed = 0;
    const image = (text: string) => makeStill({ widthPx: 64, heightPx: 48, pattern: 'shapes', label: text.slice(0, 12), seed: (seed += 1) }, 'png');
    const layout = await writeTraversalCases(root, marker, image);

    host = await startTestHost({ caseDir: layout.caseA });
    port = Number(new URL(host.origin).port);
    const a = await importedCase();
    await host.call('openCase', { folderPath: layout.caseB });
    const b = await importedCase();
    if (b.caseId === a.caseId) throw new Error('case B did not open');
    const { problems } = (await host.call('listProblems', { caseId: b.caseId, offset: 0, limit: 100 })) as {
      problems: Array<{ relativePath: string; error: { code: string } }>;
    };
    problemsB = Object.fromEntries(problems.map((p) => [p.relativePath, p.error.code]));
    await swapInLinks(root, layout);
    targets = targetsFrom(layout, a.ids, b.ids);
  });

  afterAll(async () => {
    await host?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function sendAll(attempts: readonly TraversalAttempt[], toPath: (attempt: TraversalAttempt) => string) {
    let refused = 0;
    const unrefused: string[] = [];
    for (const attempt of attempts) {
      const { status, body } = await rawGet(port, toPath(attempt));
      const leaked = body.includes(marker) || body.includes('root:x:0:0');
      if (status >= 400 && status < 500 && !leaked) refused += 1;
      else unrefused.push(`${attempt.family}: ${attempt.pathAndQuery} -> ${status}${leaked ? ' WITH THE SECRET' : ''}`);
    }
    return { refused, unrefused };
  }

  it('skipped the links that lead out of the case at import', () => {
    expect(problemsB).toMatchObject({ 'link-out.jpg': 'symlink-skipped', 'link-folder': 'symlink-skipped' });
  });

  it('serves the real items of the open case (the control)', async () => {
    const thumb = await rawGet(port, withToken(`/media/${targets.imageId}/thumb?grey=1&blur=strong`));
    expect(thumb.status).toBe(200);
    expect(thumb.body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const clip = await rawGet(port, withToken(`/media/${targets.videoId}/original`));
    expect(clip).toEqual({ status: 200, body: fakeMp4('case B clip') });
  });

  it('refuses 100% of the traversal corpus with a 4xx and none of the secret', async () => {
    const attempts = traversalAttempts(targets);
    const { refused, unrefused } = await sendAll(attempts, (attempt) => withToken(`/media/${attempt.pathAndQuery}`));
    const summary = `browser host media route: ${attempts.length} attempts, ${refused} refused`;
    console.log(summary);
    mkdirSync(join(REPO_ROOT, 'test-results', 'security'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'test-results', 'security', 'media-route-traversal.json'),
      JSON.stringify({ attempts: attempts.length, refused, unrefused }, null, 2),
    );
    expect(unrefused).toEqual([]);
    expect(refused).toBe(attempts.length);
  });

  it('lets the same corpus reach nothing but the built renderer through the static route', async () => {
    const attempts = traversalAttempts(targets);
    const { unrefused } = await sendAll(attempts, (attempt) => `/${attempt.pathAndQuery}`);
    // Only the empty path and the bare query are answered: both are the app's own page.
    expect(unrefused).toEqual(['wrong kind or shape:  -> 200', `query-string tricks: ?id=${targets.imageId}&kind=thumb -> 200`]);
  });

  it('still answers after all of it', async () => {
    await expect(host.call('getSettings', {})).resolves.toMatchObject({ defaultProfile: { greyscale: true } });
  });
});
