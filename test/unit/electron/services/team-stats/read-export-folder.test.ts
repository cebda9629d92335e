import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  nodeExportFolderFs,
  readExportFolder,
  type ExportFolderFs,
  type RejectedExport,
} from '../../../../../electron/services/team-stats/read-export-folder.js';
import { renderWeeklyExport } from '../../../../../electron/services/team-stats/weekly-export.js';
import { summaryWith } from './synthetic-summaries.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'veil-team-read-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;
const isWindows = process.platform === 'win32';

/** Writes a valid export for person `person`; returns its file name. */
function putValid(person: number, week = '2026-W10'): string {
  const { fileName, json } = renderWeeklyExport(summaryWith({ week }, person));
  writeFileSync(path.join(dir, fileName), json);
  return fileName;
}

function putRaw(name: string, content: string | Buffer): void {
  writeFileSync(path.join(dir, name), content);
}

const validJson = (overrides: Record<string, unknown> = {}): string => JSON.stringify({ ...summaryWith(), ...overrides });

const codes = (rejected: readonly RejectedExport[]): Record<string, string> => Object.fromEntries(rejected.map((file) => [file.fileName, file.code]));

describe('readExportFolder', () => {
  it('reads every valid export, dated by the file time, and ignores other names and sub-folders', async () => {
    const names = [putValid(1), putValid(2), putValid(3, '2026-W09')];
    const receivedAt = new Date(Date.UTC(2026, 2, 9, 12, 0, 0));
    utimesSync(path.join(dir, names[0] ?? ''), receivedAt, receivedAt);
    putRaw('desktop.ini', 'not an export');
    putRaw(`.${names[1]}.tmp-abc123`, 'half-written');
    mkdirSync(path.join(dir, 'archive'));
    writeFileSync(path.join(dir, 'archive', 'veil-week-2026-W01-000000000000.json'), validJson({ week: '2026-W01' }));

    const { inputs, rejected } = await readExportFolder(dir);
    expect(rejected).toEqual([]);
    expect(inputs.map((input) => input.summary.key).sort()).toEqual(
      [summaryWith({}, 1).key, summaryWith({}, 2).key, summaryWith({ week: '2026-W09' }, 3).key].sort(),
    );
    expect(inputs.find((input) => input.summary.key === summaryWith({}, 1).key)?.receivedAtMs).toBe(receivedAt.getTime());
  });

  it('accepts an upper-case .JSON extension (a share seen from Windows)', async () => {
    putRaw('VEIL-WEEK.JSON', validJson());
    expect((await readExportFolder(dir)).inputs).toHaveLength(1);
  });

  it('rejects each bad file with a code and a reason, and still aggregates the rest', async () => {
    putValid(1);
    putValid(2);
    putRaw('malformed.json', '{"format": "veil.weekly-summary", ');
    putRaw('garbage.json', 'this is not json');
    putRaw('empty.json', '');
    putRaw('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    putRaw('array.json', '[1, 2, 3]');
    putRaw('other-format.json', validJson({ format: 'someone-else' }));
    putRaw('version-2.json', validJson({ version: 2 }));
    putRaw('wrong-type.json', validJson({ exposureMin: '900' }));
    putRaw('negative.json', validJson({ reveals: -1 }));
    putRaw('absurd.json', validJson({ exposureMin: 1e9 }));
    putRaw('not-quarter-hours.json', validJson({ exposureMin: 901 }));
    putRaw('extra-field.json', validJson({ userName: 'jdoe' }));
    putRaw('proto.json', validJson().replace(/^\{/, '{"__proto__": {"polluted": true}, '));
    putRaw('constructor.json', validJson().replace(/^\{/, '{"constructor": {"prototype": {"polluted": true}}, '));

    const { inputs, rejected } = await readExportFolder(dir);
    expect(inputs).toHaveLength(2);
    expect(codes(rejected)).toEqual({
      'absurd.json': 'invalid-field',
      'array.json': 'not-an-object',
      'constructor.json': 'forbidden-key',
      'empty.json': 'malformed-json',
      'extra-field.json': 'invalid-field',
      'garbage.json': 'malformed-json',
      'latin1.json': 'malformed-json',
      'malformed.json': 'malformed-json',
      'negative.json': 'invalid-field',
      'not-quarter-hours.json': 'invalid-field',
      'other-format.json': 'wrong-format',
      'proto.json': 'forbidden-key',
      'version-2.json': 'wrong-version',
      'wrong-type.json': 'invalid-field',
    });
    // In file-name order, each with a sentence a lead can act on.
    expect(rejected.map((file) => file.fileName)).toEqual([...rejected.map((file) => file.fileName)].sort());
    const reasonOfFile = (name: string) => rejected.find((file) => file.fileName === name)?.reason;
    expect(reasonOfFile('malformed.json')).toEqual({ code: 'json-cut-off', params: {} });
    expect(reasonOfFile('version-2.json')).toEqual({ code: 'summary-wrong-version', params: { found: 2, supported: 1 } });
    expect(reasonOfFile('negative.json')).toEqual({ code: 'summary-field-too-small', params: { field: 'reveals', min: 0 } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it("never echoes a file's contents in a reason", async () => {
    putRaw('a.json', 'SECRET-CASE-NAME is not json');
    putRaw('b.json', '{"SECRET-CASE-NAME": 1}');
    putRaw('c.json', validJson({ week: 'SECRET-CASE-NAME' }));
    putRaw('d.json', validJson({ key: 'SECRET-CASE-NAME' }));
    const { rejected } = await readExportFolder(dir);
    expect(rejected).toHaveLength(4);
    for (const file of rejected) expect(JSON.stringify(file.reason)).not.toContain('SECRET');
  });

  it('rejects a 100 MB file by its size, without reading it', async () => {
    putValid(1);
    const fd = openSync(path.join(dir, 'huge.json'), 'w');
    closeSync(fd);
    // Sparse: 100 MB by size, no disk used; reading it would take memory the check must not spend.
    truncateSync(path.join(dir, 'huge.json'), 100 * 1024 * 1024);
    const reading = await readExportFolder(dir);
    expect(reading.inputs).toHaveLength(1);
    expect(reading.rejected).toEqual([
      { fileName: 'huge.json', code: 'too-large', reason: { code: 'file-too-large', params: { sizeBytes: 100 * 1024 * 1024, limitBytes: 1024 * 1024 } } },
    ]);
  });

  it('applies a chosen size limit to the byte', async () => {
    const json = validJson();
    putRaw('exact.json', json);
    expect((await readExportFolder(dir, { maxFileBytes: json.length })).inputs).toHaveLength(1);
    expect(codes((await readExportFolder(dir, { maxFileBytes: json.length - 1 })).rejected)).toEqual({ 'exact.json': 'too-large' });
  });

  it.skipIf(isWindows)('never follows a link: to a valid export, to a folder, to itself (a loop) or to nothing', async () => {
    const target = putValid(1);
    symlinkSync(path.join(dir, target), path.join(dir, 'link-to-valid.json'));
    symlinkSync(os.tmpdir(), path.join(dir, 'link-to-folder.json'));
    symlinkSync(path.join(dir, 'loop.json'), path.join(dir, 'loop.json'));
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.json'));
    const { inputs, rejected } = await readExportFolder(dir);
    expect(inputs).toHaveLength(1);
    expect(codes(rejected)).toEqual({ 'dangling.json': 'symlink', 'link-to-folder.json': 'symlink', 'link-to-valid.json': 'symlink', 'loop.json': 'symlink' });
  });

  it.skipIf(isWindows)('rejects a folder and a named pipe named like exports, without hanging on the pipe', async () => {
    putValid(1);
    mkdirSync(path.join(dir, 'folder.json'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    const { inputs, rejected } = await readExportFolder(dir);
    expect(inputs).toHaveLength(1);
    expect(codes(rejected)).toEqual({ 'folder.json': 'not-a-file', 'pipe.json': 'not-a-file' });
    expect(rejected.find((file) => file.fileName === 'pipe.json')?.reason.code).toBe('file-is-pipe');
  });

  it.skipIf(isWindows)('does not hang on a pipe swapped in after the listing (opened non-blocking, then refused)', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    // The listing says "file"; the open finds the pipe.
    const lyingFs: ExportFolderFs = {
      readdir: async (dirPath) => (await nodeExportFolderFs.readdir(dirPath)).map((entry) => Object.assign(entry, { isFile: () => true, isFIFO: () => false })),
      open: nodeExportFolderFs.open,
    };
    expect(codes((await readExportFolder(dir, { fs: lyingFs })).rejected)).toEqual({ 'pipe.json': 'not-a-file' });
  });

  it.skipIf(isWindows)('refuses a link swapped in after the listing (O_NOFOLLOW)', async () => {
    const target = putValid(1);
    symlinkSync(path.join(dir, target), path.join(dir, 'swapped.json'));
    const lyingFs: ExportFolderFs = {
      readdir: async (dirPath) =>
        (await nodeExportFolderFs.readdir(dirPath)).map((entry) => Object.assign(entry, { isFile: () => true, isSymbolicLink: () => false })),
      open: nodeExportFolderFs.open,
    };
    expect(codes((await readExportFolder(dir, { fs: lyingFs })).rejected)).toEqual({ 'swapped.json': 'symlink' });
  });

  it.skipIf(isRoot || isWindows)('rejects a file it may not read (chmod 000; runs only as a normal user: root reads anything)', async () => {
    putValid(1);
    putRaw('locked.json', validJson());
    chmodSync(path.join(dir, 'locked.json'), 0o000);
    const { inputs, rejected } = await readExportFolder(dir);
    expect(inputs).toHaveLength(1);
    expect(codes(rejected)).toEqual({ 'locked.json': 'unreadable' });
  });

  it('rejects a file it may not read or that vanished (simulated, so it runs as root too)', async () => {
    putValid(1);
    putRaw('locked.json', validJson());
    putRaw('gone.json', validJson());
    const failingFs: ExportFolderFs = {
      readdir: nodeExportFolderFs.readdir,
      open: async (filePath, flags) => {
        const name = path.basename(filePath);
        if (name === 'locked.json') throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
        if (name === 'gone.json') throw Object.assign(new Error('ENOENT: simulated'), { code: 'ENOENT' });
        return nodeExportFolderFs.open(filePath, flags);
      },
    };
    const { inputs, rejected } = await readExportFolder(dir, { fs: failingFs });
    expect(inputs).toHaveLength(1);
    expect(rejected).toEqual([
      { fileName: 'gone.json', code: 'vanished', reason: { code: 'file-vanished', params: {} } },
      { fileName: 'locked.json', code: 'unreadable', reason: { code: 'file-permission-denied', params: { osCode: 'EACCES' } } },
    ]);
  });

  it('keeps at most `concurrency` files open at once and reads them all', async () => {
    for (let person = 0; person < 120; person += 1) putValid(person);
    let open = 0;
    let mostOpen = 0;
    const countingFs: ExportFolderFs = {
      readdir: nodeExportFolderFs.readdir,
      open: async (filePath, flags) => {
        const handle = await nodeExportFolderFs.open(filePath, flags);
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        const close = handle.close.bind(handle);
        return Object.assign(handle, {
          close: async () => {
            open -= 1;
            await close();
          },
        });
      },
    };
    const { inputs } = await readExportFolder(dir, { fs: countingFs, concurrency: 8 });
    expect(inputs).toHaveLength(120);
    expect(mostOpen).toBeLessThanOrEqual(8);
    expect(mostOpen).toBeGreaterThan(1);
    expect(open).toBe(0);
  });

  it('reads an empty folder as no inputs and no rejects', async () => {
    expect(await readExportFolder(dir)).toEqual({ inputs: [], rejected: [] });
  });

  it('throws a clear error when the folder is missing, not a folder, or unreadable', async () => {
    const missing = path.join(dir, 'not-there');
    await expect(readExportFolder(missing)).rejects.toMatchObject({
      code: 'ENOENT',
      reason: { code: 'exports-folder-missing', params: { path: missing } },
      message: `The folder “${missing}” does not exist (or the network share is not connected).`,
    });
    putRaw('plain-file', 'x');
    await expect(readExportFolder(path.join(dir, 'plain-file'))).rejects.toMatchObject({ code: 'ENOTDIR', reason: { code: 'exports-folder-not-a-folder' } });
    const deniedFs: ExportFolderFs = {
      readdir: () => Promise.reject(Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' })),
      open: nodeExportFolderFs.open,
    };
    await expect(readExportFolder(dir, { fs: deniedFs })).rejects.toMatchObject({ code: 'EACCES', reason: { code: 'exports-folder-permission-denied' } });
  });
});
