import { link, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../../../shared/contract-errors.js';
import type { CaseSummary } from '../../../../../../shared/case/case-summary.js';
import type { MediaItem } from '../../../../../../shared/case/media-item.js';
import type { DecisionEvent } from '../../../../../../shared/review/decision-event.js';
import type { ExportReviewArgs } from '../../../../../../shared/review/export-contract.js';
import type { ReviewState } from '../../../../../../shared/review/review-contract.js';
import { createReviewExport, type ReviewExportDeps } from '../../../../../../electron/services/review/export/review-export-service.js';
import { writeExportFile } from '../../../../../../electron/services/review/export/export-file.js';
import { isFullPath } from '../../../../../../electron/services/review/export/export-folder.js';
import { writeReviewExport } from '../../../../../../electron/services/review/export/review-export-writer.js';
import { ExportReviewArgsSchema } from '../../../../../../shared/review/export-contract.js';
import { createKnownMaterialService } from '../../../../../../electron/services/known/known-material-service.js';
import type { CaseWorkspace } from '../../../../../../electron/services/workspace/workspace-client.js';
import { exportItem, knownMatch } from '../../../../shared/review/export-fixture.js';

let dir: string;
let caseRoot: string;
let dataDir: string;
let outDir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-review-export-'));
  caseRoot = path.join(dir, 'case');
  dataDir = path.join(dir, 'data');
  outDir = path.join(dir, 'out');
  await Promise.all([mkdir(caseRoot), mkdir(dataDir), mkdir(outDir)]);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function mediaItem(n: number, extra: Partial<MediaItem> = {}): MediaItem {
  return {
    ...exportItem(n),
    name: `${n}.jpg`,
    kind: 'image',
    format: 'jpeg',
    claimedFormat: null,
    error: null,
    sha256: n.toString(16).padStart(64, 'c'),
    pdq: null,
    pdqQuality: null,
    widthPx: null,
    heightPx: null,
    stackSize: 1,
    ...extra,
  };
}

function decision(itemPath: string, category: string, actionId: number): DecisionEvent {
  return { actionId, itemPath, category, source: 'investigator', cause: 'decision', userName: 'inv', atMs: actionId };
}

interface CaseFixture {
  items: MediaItem[];
  decisions: DecisionEvent[];
  unsavedCount?: number;
}

function deps({ items, decisions, unsavedCount = 0 }: CaseFixture): ReviewExportDeps {
  const summary: CaseSummary = {
    caseId: 'case-1',
    name: 'Operation <Test>',
    isDemo: false,
    itemCount: items.length,
    problemCount: 0,
    duplicateCount: items.reduce((sum, item) => sum + item.duplicatePaths.length, 0),
    listVersion: 1,
    knownCount: items.filter((item) => item.match?.type === 'known').length,
    nearMatchCount: 0,
    duplicateStackCount: 0,
    toReviewCount: items.length,
    nearCopyCount: 0,
    pdqProgress: null,
    knownShown: false,
    import: { phase: 'done', filesFound: items.length, filesProcessed: items.length, bytesProcessed: 0, filesPerSecond: 0, remainingMs: null, failure: null },
  };
  const state: ReviewState = {
    caseId: 'case-1',
    scheme: { id: 'vic-us' },
    schemeChosen: true,
    reviewedCount: 0,
    totalCount: items.length,
    unsavedCount,
    canUndo: false,
    canRedo: false,
  };
  const workspace: Pick<CaseWorkspace, 'latestDecisions'> = { latestDecisions: async () => decisions };
  return {
    session: {
      summary: () => summary,
      caseFolder: () => ({ realRoot: caseRoot, isDemo: false }),
      listItems: (_caseId, offset, limit) => ({ total: items.length, items: items.slice(offset, offset + limit) }),
    },
    review: { state: async () => state, whenWritten: async () => undefined },
    workspace: async () => workspace,
    notes: async () => ({ notes: [{ relativePath: 'folder/1.jpg', text: 'a note', updatedAtMs: 0 }] }),
    dataDir,
    nowMs: () => Date.UTC(2026, 11, 7, 4, 12),
  };
}

const ARGS: Omit<ExportReviewArgs, 'folderPath'> = {
  caseId: 'case-1',
  formats: ['vics', 'csv', 'html'],
  includeNotes: false,
  language: 'en',
  schemeName: 'Project VIC (US)',
  categoryNames: { '1': '1, CAM' },
};

async function refusal(work: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await work.then(
    () => null,
    (reason: unknown) => reason,
  );
  return error instanceof VeilRequestError ? error.reason?.code : undefined;
}

describe('review export: where it may go', () => {
  const fixture = { items: [mediaItem(1)], decisions: [decision('folder/1.jpg', '1', 1)] };

  it('refuses the data folder, a folder inside the case, and a link into the case, writing nothing', async () => {
    const exportReview = createReviewExport(deps(fixture));
    await mkdir(path.join(caseRoot, 'sub'));
    await symlink(path.join(caseRoot, 'sub'), path.join(dir, 'link-to-case'));
    expect(await refusal(exportReview({ ...ARGS, folderPath: dataDir }))).toBe('review-export-in-data-folder');
    expect(await refusal(exportReview({ ...ARGS, folderPath: path.join(caseRoot, 'sub') }))).toBe('review-export-in-case-folder');
    expect(await refusal(exportReview({ ...ARGS, folderPath: caseRoot }))).toBe('review-export-in-case-folder');
    expect(await refusal(exportReview({ ...ARGS, folderPath: path.join(dir, 'link-to-case') }))).toBe('review-export-in-case-folder');
    expect(await readdir(path.join(caseRoot, 'sub'))).toEqual([]);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a folder inside the case whose name starts with two dots: it is inside, not above', async () => {
    const exportReview = createReviewExport(deps(fixture));
    await mkdir(path.join(caseRoot, '..evidence'));
    expect(await refusal(exportReview({ ...ARGS, folderPath: path.join(caseRoot, '..evidence') }))).toBe('review-export-in-case-folder');
    expect(await readdir(path.join(caseRoot, '..evidence'))).toEqual([]);
  });

  it('refuses a relative path and a Windows path typed here: they would land wherever Veil was started from', async () => {
    const exportReview = createReviewExport(deps(fixture));
    const before = await readdir(process.cwd());
    for (const folderPath of ['out', './out', 'C:\\Exports', '..']) {
      expect(await refusal(exportReview({ ...ARGS, folderPath })), folderPath).toBe('review-export-folder-not-full');
    }
    expect(await readdir(process.cwd())).toEqual(before);
  });

  it('takes on Windows only a path with its drive or share, never one relative to the current drive', () => {
    for (const full of ['C:\\Exports', 'd:/exports', '\\\\server\\share\\exports']) expect(isFullPath(full, path.win32), full).toBe(true);
    for (const partial of ['\\Exports', 'C:Exports', 'Exports', '/exports']) expect(isFullPath(partial, path.win32), partial).toBe(false);
    expect(isFullPath('/exports', path.posix)).toBe(true);
    expect(isFullPath('C:\\Exports', path.posix)).toBe(false);
  });

  it('refuses, before anything runs, a path from the renderer that holds a NUL character', () => {
    const args = { ...ARGS, caseId: 'case-0001', folderPath: outDir };
    expect(ExportReviewArgsSchema.safeParse(args).success).toBe(true);
    expect(ExportReviewArgsSchema.safeParse({ ...args, folderPath: `${outDir}\0/../x` }).success).toBe(false);
  });

  it('refuses a folder that is not there or is a file, and never creates it', async () => {
    const exportReview = createReviewExport(deps(fixture));
    await writeFile(path.join(dir, 'a-file'), 'x');
    expect(await refusal(exportReview({ ...ARGS, folderPath: path.join(dir, 'missing') }))).toBe('export-folder-missing');
    expect(await refusal(exportReview({ ...ARGS, folderPath: path.join(dir, 'a-file') }))).toBe('export-not-a-folder');
    expect(await readdir(dir)).not.toContain('missing');
  });

  it('refuses while decisions wait to be saved: the export would say less than was decided', async () => {
    const exportReview = createReviewExport(deps({ ...fixture, unsavedCount: 2 }));
    expect(await refusal(exportReview({ ...ARGS, folderPath: outDir }))).toBe('review-export-unsaved');
    expect(await readdir(outDir)).toEqual([]);
  });

  it('writes the three files, and a second export beside the first gets a suffix rather than replacing it', async () => {
    const exportReview = createReviewExport(deps(fixture));
    const first = await exportReview({ ...ARGS, folderPath: outDir });
    expect(first.files.map((file) => path.basename(file.filePath))).toEqual([
      'veil-review-Operation-Test-20261207-0412.json',
      'veil-review-Operation-Test-20261207-0412.csv',
      'veil-review-Operation-Test-20261207-0412.html',
    ]);
    const firstJson = await readFile(first.files[0]?.filePath ?? '', 'utf8');
    const second = await exportReview({ ...ARGS, folderPath: outDir, formats: ['vics'] });
    expect(path.basename(second.files[0]?.filePath ?? '')).toBe('veil-review-Operation-Test-20261207-0412-2.json');
    expect(await readFile(first.files[0]?.filePath ?? '', 'utf8')).toBe(firstJson);
    expect((await readdir(outDir)).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(await readFile(first.files[2]?.filePath ?? '', 'utf8')).toContain('Operation &lt;Test&gt;');
  });

  it('leaves no file, not even a temp one, when publishing fails', async () => {
    const fail = async () => {
      throw Object.assign(new Error('read-only'), { code: 'EROFS' });
    };
    await expect(writeExportFile(outDir, 'x.json', ['{}'], { link: fail, rename: fail, exists: fail })).rejects.toThrow('read-only');
    expect(await readdir(outDir)).toEqual([]);
  });
});

describe('review export: all or nothing', () => {
  it('removes the files already written when a later one cannot be, so nothing half exported is left', async () => {
    let links = 0;
    const failSecond = async (from: string, to: string) => {
      links += 1;
      if (links === 2) throw Object.assign(new Error('share gone'), { code: 'EIO' });
      await link(from, to);
    };
    const work = writeReviewExport({
      folder: outDir,
      baseName: 'veil-review-x',
      formats: ['vics', 'csv', 'html'],
      rows: [],
      scheme: { id: 'vic-us' },
      includeNotes: false,
      summary: {
        caseName: 'x',
        schemeName: 'x',
        language: 'en',
        writtenAtMs: 0,
        fileCount: 0,
        itemCount: 0,
        knownCount: 0,
        duplicateCount: 0,
        nearCopyCount: 0,
        reviewedCount: 0,
        toReviewCount: 0,
        avoidedCount: 0,
        categories: [],
      },
      fs: { link: failSecond, rename, exists: stat },
    });
    await expect(work).rejects.toThrow('share gone');
    expect(links).toBe(2);
    expect(await readdir(outDir)).toEqual([]);
  });
});

describe('review export: round trip through the hash-set importer', () => {
  it('marks every exported file known with its category when the export is imported as a hash set', async () => {
    const items = [
      mediaItem(1, { duplicatePaths: ['copies/1.jpg'], stackSize: 3 }),
      mediaItem(2, { stackId: 'item-1' }),
      mediaItem(3),
      mediaItem(4, { match: knownMatch('2') }),
      mediaItem(5),
    ];
    const decisions = [decision('folder/1.jpg', '1', 1), decision('folder/3.jpg', '4', 2), decision('folder/3.jpg', '0', 3)];
    const result = await createReviewExport(deps({ items, decisions }))({ ...ARGS, folderPath: outDir, includeNotes: true, formats: ['vics'] });
    const filePath = result.files[0]?.filePath ?? '';
    expect(result.recordCount).toBe(5);
    const library = createKnownMaterialService({
      folder: () => path.join(dir, 'library'),
      nowMs: () => 0,
      onProgress: () => undefined,
      onSetsChanged: () => undefined,
    });
    try {
      const imported = await library.importHashSet({ filePath, name: 'Round trip', scheme: 'vic-us', hex64Kind: 'sha256' });
      expect(imported).toMatchObject({ outcome: 'imported', set: { recordCount: 5, badRecordCount: 0 } });
      const categoryOf = (n: number) => library.lookup({ md5: exportItem(n).md5, sha1: exportItem(n).sha1, sha256: null })[0]?.category ?? null;
      // Item 1's identical copy is a second record with the same hashes; its near copy (item 2) follows the stack's decision.
      expect([1, 2, 3, 4, 5].map(categoryOf)).toEqual(['1', '1', '0', '2', null]);
    } finally {
      library.close();
    }
  });
});
