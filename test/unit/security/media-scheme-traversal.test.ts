import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSchemes } from '../../../electron/app/schemes.js';
import { createCaseSession, type CaseSession } from '../../../electron/services/case/case-session.js';
import { randomUrlSafeId } from '../../../electron/services/case/random-id.js';
import { createDerivativeCache } from '../../../electron/services/media/derivative-cache.js';
import { handleMediaRequest } from '../../../electron/services/media/media-route.js';
import { createMediaService } from '../../../electron/services/media/media-service.js';
import type { DeriveJob, DeriveOutcome } from '../../../electron/services/media/worker-pool.js';
import { electronFake } from '../electron-fake.js';
import {
  fakeMp4,
  secretMarker,
  swapInLinks,
  targetsFrom,
  traversalAttempts,
  writeTraversalCases,
  type TraversalAttempt,
  type TraversalTargets,
} from './traversal-corpus.js';

// The Electron adapter's media scheme, composed as main.ts composes it (real case session,
// real media service and cache), with a worker stand-in that echoes the bytes of whatever
// file it is given: if any attempt reached a file, its bytes would be in the answer.

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const jpeg = (text: string) => Buffer.concat([JPEG_HEAD, Buffer.from(text)]);

const echoPool = {
  run: async (job: DeriveJob): Promise<DeriveOutcome> => ({
    ok: true,
    bytes: new Uint8Array(await readFile(job.filePath)),
    mime: 'image/jpeg',
    widthPx: 1,
    heightPx: 1,
  }),
};

interface Answer {
  status: number;
  body: string;
}

let root: string;
let marker: string;
let session: CaseSession;
let targets: TraversalTargets;
let problems: Record<string, string>;
let serve: (url: string) => Promise<Answer>;

async function idsByName(caseDir: string): Promise<Record<string, string>> {
  await session.open(caseDir);
  await session.whenIdle();
  const summary = session.summary();
  if (!summary) throw new Error('no case open');
  const { items } = session.listItems(summary.caseId, 0, 100);
  problems = Object.fromEntries(session.listProblems(summary.caseId, 0, 100).problems.map((p) => [p.relativePath, p.error.code]));
  return Object.fromEntries(items.map((item) => [item.relativePath, item.id]));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'veil-traversal-'));
  marker = secretMarker(randomUUID());
  const layout = await writeTraversalCases(root, marker, async (text) => jpeg(text));
  session = createCaseSession({ idGenerator: randomUrlSafeId, nowMs: Date.now, emit: () => {} });
  const a = await idsByName(layout.caseA);
  const b = await idsByName(layout.caseB);
  await swapInLinks(root, layout);
  targets = targetsFrom(layout, a, b);

  const media = createMediaService({
    pool: echoPool,
    cache: createDerivativeCache({ maxBytes: 1 << 20 }),
    lookupItem: (itemId) => session.lookupItem(itemId),
    onItemFailed: () => {},
  });
  const rendererDir = path.join(root, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Veil</title>');
  handleSchemes(rendererDir, (pathAfterPrefix, query, headers, signal) => handleMediaRequest(media, pathAfterPrefix, query, headers, signal));
  const handlers = new Map(electronFake.protocolHandlers);
  serve = async (url) => {
    const handler = handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no handler for ${url}`);
    const response = await handler(new Request(url));
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()).toString('latin1') };
  };
});

afterAll(async () => {
  await session?.cancelImport();
  await rm(root, { recursive: true, force: true });
});

/** Sends every attempt; `unrefused` lists those not answered with a 4xx free of the secret. */
async function sendAll(attempts: readonly TraversalAttempt[], toUrl: (attempt: TraversalAttempt) => string) {
  let refused = 0;
  const unrefused: Array<{ label: string; answer: Answer }> = [];
  for (const attempt of attempts) {
    const answer = await serve(toUrl(attempt));
    if (answer.status >= 400 && answer.status < 500 && !answer.body.includes(marker)) refused += 1;
    else unrefused.push({ label: `${attempt.family}: ${attempt.pathAndQuery} -> ${answer.status}`, answer });
  }
  return { refused, unrefused };
}

describe('the Electron media scheme cannot be walked', () => {
  it('skipped the links that lead out of the case at import', () => {
    expect(problems).toMatchObject({ 'link-out.jpg': 'symlink-skipped', 'link-folder': 'symlink-skipped' });
  });

  it('serves a real item of the open case (the control: the echoing worker would leak whatever it is given)', async () => {
    const thumb = await serve(`veil-media://item/${targets.imageId}/thumb`);
    expect(thumb).toEqual({ status: 200, body: jpeg('case B photo').toString('latin1') });
    expect(await serve(`veil-media://item/${targets.videoId}/original`)).toEqual({ status: 200, body: fakeMp4('case B clip').toString('latin1') });
  });

  it('refuses 100% of the traversal corpus with a 4xx and none of the secret', async () => {
    const attempts = traversalAttempts(targets);
    const { refused, unrefused } = await sendAll(attempts, (attempt) => `veil-media://item/${attempt.pathAndQuery}`);
    console.log(`Electron media scheme: ${attempts.length} attempts, ${refused} refused`);
    expect(unrefused.map(({ label }) => label)).toEqual([]);
    expect(refused).toBe(attempts.length);
    expect(attempts.length).toBeGreaterThanOrEqual(60);
  });

  it('refuses the same corpus under another host of the media scheme', async () => {
    const attempts = traversalAttempts(targets);
    const { refused, unrefused } = await sendAll(attempts, (attempt) => `veil-media://evil/${attempt.pathAndQuery}`);
    expect(unrefused.map(({ label }) => label)).toEqual([]);
    expect(refused).toBe(attempts.length);
  });

  it('lets the same corpus reach nothing but the built renderer through the app scheme', async () => {
    const attempts = traversalAttempts(targets);
    const { unrefused } = await sendAll(attempts, (attempt) => `veil-app://renderer/${attempt.pathAndQuery}`);
    // Only an empty path is answered: it is the app's own page.
    expect(unrefused.map(({ label, answer }) => ({ label, body: answer.body }))).toEqual(
      unrefused.map(({ label }) => ({ label, body: '<!doctype html><title>Veil</title>' })),
    );
    expect(unrefused.length).toBeLessThanOrEqual(2);
  });
});
