import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../../shared/case/import-progress.js';
import { ImportProblemSchema, MediaItemSchema, type MediaItem } from '../../../../../shared/case/media-item.js';
import { ItemIdSchema } from '../../../../../shared/media/derivative.js';
import { runCaseImport, type CaseImportOptions } from '../../../../../electron/services/case/case-import.js';
import { plainItem } from '../../../../../electron/services/case/case-item.js';
import { compareRelativePaths } from '../../../../../electron/services/case/natural-order.js';
import { createCaseIndex, fileOf } from '../../../../../electron/services/case/case-index.js';
import { createCaseViews, type CaseViews } from '../../../../../electron/services/case/case-views.js';
import { counterIds, snapshotTree, steppingClock, writeManyFiles, writeSmallCase } from './case-fixture.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'veil-import-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function importCase(overrides: Partial<CaseImportOptions> = {}) {
  const reports: ImportProgress[] = [];
  const batches: MediaItem[][] = [];
  const done = runCaseImport(root, {
    signal: new AbortController().signal,
    nowMs: steppingClock(1).nowMs,
    newItemId: counterIds('item'),
    onProgress: (progress) => reports.push(progress),
    onItems: (batch) => batches.push([...batch]),
    ...overrides,
  });
  return { done, reports, batches };
}

const hasLinks = process.platform !== 'win32';

describe('runCaseImport on a small case', () => {
  beforeEach(() => writeSmallCase(root));

  it('lists media as items in natural order, folding duplicates into the first copy', async () => {
    const index = await importCase().done;
    expect(index.progress.phase).toBe('done');
    expect(index.items.map((item) => [item.relativePath, item.format, item.claimedFormat, item.duplicatePaths])).toEqual([
      ['a-first.png', 'png', null, ['copies/a-first copy.png', 'copies/deeper/again.png']],
      ['corrupt.jpg', 'jpeg', null, []],
      ['photo.jpg', 'png', 'jpeg', []],
      ['Sample 2.jpg', 'jpeg', null, []],
      ['Sample 10.jpg', 'jpeg', null, []],
      ['z/last.gif', 'gif', null, []],
      ['z/moving.webp', 'webp', null, []],
    ]);
    // As the contract sends it: every field, the digests (read from the case's table) included.
    for (const item of index.items) expect(MediaItemSchema.parse(plainItem(item))).toEqual(plainItem(item));
  });

  it('lists everything that is not shown as a problem, saying why', async () => {
    const index = await importCase().done;
    expect(index.problems.map((problem) => [problem.relativePath, problem.error.code])).toEqual([
      ['empty.jpg', 'empty-file'],
      ...(hasLinks ? [['link.jpg', 'symlink-skipped']] : []),
      ['notes.txt', 'unsupported-format'],
      ['random.png', 'mislabelled'],
    ]);
    for (const problem of index.problems) expect(ImportProblemSchema.safeParse(problem).success).toBe(true);
    expect(index.progress).toMatchObject({ filesFound: hasLinks ? 13 : 12, filesProcessed: hasLinks ? 13 : 12, remainingMs: 0, failure: null });
  });

  it('keeps absolute paths on the main side, and gives each item the digests of its one read', async () => {
    const index = await importCase().done;
    const itemsJson = JSON.stringify(index.items);
    expect(itemsJson).not.toContain(root);
    for (const item of index.items) {
      expect(ItemIdSchema.safeParse(item.id).success).toBe(true);
      const file = fileOf(index, item.id);
      expect(file?.absolutePath).toBe(path.join(root, ...item.relativePath.split('/')));
      const content = readFileSync(file?.absolutePath ?? '');
      const digests = {
        md5: createHash('md5').update(content).digest('hex'),
        sha1: createHash('sha1').update(content).digest('hex'),
        sha256: createHash('sha256').update(content).digest('hex'),
      };
      expect(plainItem(item)).toMatchObject(digests);
      expect(item.sizeBytes).toBe(content.length);
      expect(item.stackSize).toBe(1 + item.duplicatePaths.length);
      expect(item.stackId).toBe(item.id);
    }
    expect(new Set(index.items.map((item) => item.id)).size).toBe(index.items.length);
  });

  it('asks for the known-material match of each item once, before listing it', async () => {
    const asked: string[] = [];
    const listedWithMatch: boolean[] = [];
    const index = await importCase({
      matchKnown: (digests) => {
        asked.push(digests.sha256);
        return asked.length === 1 ? { type: 'known', setId: 1, setName: 'Set', scheme: 'vic-us', category: '1', matchedBy: 'sha1' } : null;
      },
      onItems: (batch) => listedWithMatch.push(...batch.map((item) => item.match !== null)),
    }).done;
    expect(asked).toEqual(index.items.map((item) => item.sha256));
    expect(index.items.filter((item) => item.match?.type === 'known')).toHaveLength(1);
    expect(listedWithMatch.filter(Boolean)).toHaveLength(1);
  });

  it('changes nothing in the case folder: bytes, sizes, modes and modification times', async () => {
    const before = snapshotTree(root);
    await importCase().done;
    expect(snapshotTree(root)).toEqual(before);
  });

  it('hands out items early, in batches whose concatenation is the final list', async () => {
    const { done, batches } = importCase({ concurrency: 1 });
    const index = await done;
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat().map((item) => item.id)).toEqual(index.items.map((item) => item.id));
  });

  it('refuses an id generator that repeats itself instead of merging two files', async () => {
    const index = await importCase({ newItemId: () => 'same-id-always' }).done;
    expect(index.progress.phase).toBe('failed');
    expect(index.progress.failure).toEqual({ code: 'internal-error', detail: expect.stringMatching(/id generator/) });
    expect(index.items).toHaveLength(1);
  });
});

describe('runCaseImport with identical files', () => {
  const png = (text: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]);
  const put = (relativePath: string, bytes: Buffer | string) => {
    mkdirSync(path.dirname(path.join(root, relativePath)), { recursive: true });
    writeFileSync(path.join(root, relativePath), bytes);
  };

  it('shows the normally named copy rather than a hidden one, keeping the id and place the first copy took', async () => {
    put('.a.png', png('a'));
    put('a.png', png('a'));
    put('.cache/b.png', png('b'));
    put('.cache/c.png', png('c'));
    put('photos/b.png', png('b'));
    put('photos/d.png', png('d'));
    put('readme.txt', 'not media');
    const { done, batches } = importCase({ concurrency: 1 });
    const index = await done;
    expect(index.items.map((item) => [item.name, item.relativePath, item.duplicatePaths])).toEqual([
      ['a.png', 'a.png', ['.a.png']],
      ['b.png', 'photos/b.png', ['.cache/b.png']],
      ['c.png', '.cache/c.png', []],
      ['d.png', 'photos/d.png', []],
    ]);
    // The ids handed out early still name the same items, in the same order.
    expect(batches.flat().map((item) => item.id)).toEqual(index.items.map((item) => item.id));
    const shown = index.items[1];
    expect(fileOf(index, shown?.id ?? '')?.absolutePath).toBe(path.join(root, 'photos', 'b.png'));
    // Every file is accounted for: shown, folded into a shown item, or listed as a problem.
    expect(index.duplicateCount).toBe(2);
    expect(index.items.length + index.duplicateCount + index.problems.length).toBe(index.progress.filesFound);
  });

  it('keeps the views read while it publishes as a pass over every item would make them, a copy folded in after its original was read included', async () => {
    put('a.png', png('a'));
    put('b.png', png('a'));
    put('c.png', png('c'));
    const index = createCaseIndex(root);
    const live = createCaseViews(index);
    const seen = (views: CaseViews) => [views.counts(), views.items('duplicates').map((item) => item.relativePath)];
    const reads: unknown[][] = [];
    // One file at a time: a.png is read before b.png is folded into it, then c.png is appended.
    await importCase({ concurrency: 1, index, onItems: () => reads.push([seen(live), seen(createCaseViews(index))]) }).done;
    expect(reads.length).toBeGreaterThan(1);
    for (const [ours, fromNothing] of reads) expect(ours).toEqual(fromNothing);
    expect(seen(live)).toEqual([expect.objectContaining({ duplicateStackCount: 1, toReviewCount: 2 }), ['a.png']]);
  });

  it('keeps the first copy when every copy is hidden, or none is', async () => {
    put('.x/1.png', png('one'));
    put('.y.png', png('one'));
    put('p/2.png', png('two'));
    put('q/2 copy.png', png('two'));
    const index = await importCase().done;
    expect(index.items.map((item) => [item.relativePath, item.duplicatePaths])).toEqual([
      ['.x/1.png', ['.y.png']],
      ['p/2.png', ['q/2 copy.png']],
    ]);
  });
});

describe('runCaseImport on a folder with nothing to show', () => {
  it('ends "done" at once on an empty folder', async () => {
    const index = await importCase().done;
    expect(index.progress).toMatchObject({ phase: 'done', filesFound: 0, filesProcessed: 0, failure: null });
  });

  it('ends "done" with every file a problem when none is media', async () => {
    writeFileSync(path.join(root, 'readme.txt'), 'text');
    mkdirSync(path.join(root, 'empty folder'));
    const index = await importCase().done;
    expect(index.items).toEqual([]);
    expect(index.problems.map((problem) => problem.relativePath)).toEqual(['readme.txt']);
    expect(index.progress).toMatchObject({ phase: 'done', filesFound: 1, filesProcessed: 1 });
  });
});

describe('runCaseImport when stopped', () => {
  it('keeps what it has when cancelled, and ends "cancelled"', async () => {
    writeManyFiles(root, 60);
    const controller = new AbortController();
    const index = await importCase({ concurrency: 1, signal: controller.signal, onItems: () => controller.abort() }).done;
    expect(index.progress.phase).toBe('cancelled');
    expect(index.items.length).toBeGreaterThanOrEqual(1);
    expect(index.items.length).toBeLessThan(57);
    expect(index.progress.filesProcessed).toBeLessThan(index.progress.filesFound);
    expect([...index.items].sort((a, b) => compareRelativePaths(a.relativePath, b.relativePath))).toEqual(index.items);
  });

  it('fails with a clear message when the case folder disappears mid-import, keeping earlier items', async () => {
    writeManyFiles(root, 60);
    const index = await importCase({ concurrency: 1, onItems: () => rmSync(root, { recursive: true, force: true }) }).done;
    expect(index.progress.phase).toBe('failed');
    expect(index.progress.failure).toEqual({ code: 'case-folder-unreachable', detail: `The case folder "${root}" is no longer reachable (ENOENT).` });
    expect(index.items.length).toBeGreaterThanOrEqual(1);
    // The files that vanished with it are not listed one by one as problems.
    expect(index.problems).toEqual([]);
  });

  it('fails at once, clearly, when the folder does not exist', async () => {
    rmSync(root, { recursive: true, force: true });
    const index = await importCase().done;
    expect(index.progress).toMatchObject({
      phase: 'failed',
      filesFound: 0,
      failure: { code: 'case-folder-unreachable', detail: expect.stringContaining('is no longer reachable') },
    });
  });
});

describe('runCaseImport under pressure', () => {
  it('gives the same result with a tiny walk-ahead and reorder window (no deadlock, order kept)', async () => {
    writeManyFiles(root, 120);
    const relaxed = await importCase({ newItemId: counterIds('a') }).done;
    const squeezed = await importCase({ concurrency: 4, walkAheadFiles: 1, reorderWindow: 1, newItemId: counterIds('a') }).done;
    expect(squeezed.items).toEqual(relaxed.items);
    expect(relaxed.items).toHaveLength(117);
    expect(relaxed.items.filter((item) => item.duplicatePaths.length > 0)).toHaveLength(3);
    expect([...relaxed.items].sort((a, b) => compareRelativePaths(a.relativePath, b.relativePath))).toEqual(relaxed.items);
  });

  it('reports progress at most every 200 ms of its clock, then once more at the end', async () => {
    writeManyFiles(root, 40);
    const clock = steppingClock(30);
    const reportTimesMs: number[] = [];
    const reports: ImportProgress[] = [];
    const { done } = importCase({
      concurrency: 2,
      nowMs: clock.nowMs,
      onProgress: (progress) => {
        reportTimesMs.push(clock.current);
        reports.push(progress);
      },
    });
    await done;
    const scanning = reportTimesMs.slice(0, -1);
    expect(scanning.length).toBeGreaterThan(2);
    for (let i = 1; i < scanning.length; i += 1) expect((scanning[i] ?? 0) - (scanning[i - 1] ?? 0)).toBeGreaterThanOrEqual(200);
    expect(reports.slice(0, -1).every((progress) => progress.phase === 'scanning')).toBe(true);
    expect(reports.at(-1)).toMatchObject({ phase: 'done', filesFound: 40, filesProcessed: 40, remainingMs: 0 });
    expect(reports.at(-1)?.filesPerSecond).toBeGreaterThan(0);
    // Counts only grow.
    for (let i = 1; i < reports.length; i += 1) expect(reports[i]?.filesProcessed).toBeGreaterThanOrEqual(reports[i - 1]?.filesProcessed ?? 0);
  });
});
