import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_RULES_VERSION } from '../../../../../electron/services/case/classify-file.js';
import { resultOfRow, rowOfRead } from '../../../../../electron/services/case/stored-row.js';

const read = {
  relativePath: 'folder/photo.jpg',
  sizeBytes: 120,
  mtimeMs: 1_700_000_000_123.25,
  ctimeMs: 1_700_000_000_456.5,
  ino: 1234,
  dev: 2049,
  md5: 'a'.repeat(32),
  sha1: 'b'.repeat(40),
  sha256: 'c'.repeat(64),
};

describe('a file kept in the workspace and taken back', () => {
  it('gives back the media item a read gave, the claimed format again from the name', () => {
    const row = rowOfRead(read, { format: 'png', error: null });
    expect(resultOfRow(row)).toEqual({
      type: 'media',
      relativePath: 'folder/photo.jpg',
      format: 'png',
      claimedFormat: 'jpeg',
      sizeBytes: 120,
      md5: read.md5,
      sha1: read.sha1,
      sha256: read.sha256,
      pdq: null,
    });
  });

  it('gives back a file that is not media with its code and message', () => {
    const error = { code: 'mislabelled' as const, detail: 'Named .jpg but the content is not a supported image or video.' };
    expect(resultOfRow(rowOfRead(read, { format: null, error }))).toEqual({ type: 'problem', problem: { relativePath: 'folder/photo.jpg', error } });
  });

  it('refuses a row that does not hold a whole result, so the file is read instead', () => {
    const row = rowOfRead(read, { format: 'png', error: null });
    expect(resultOfRow({ ...row, format: 'psd' })).toBeNull();
    expect(resultOfRow({ ...row, kind: 'video' })).toBeNull();
    expect(resultOfRow({ ...row, md5: null })).toBeNull();
    expect(resultOfRow({ ...row, error: 'EACCES' })).toBeNull();
    expect(
      resultOfRow({ ...row, error: JSON.stringify({ rulesVersion: CLASSIFICATION_RULES_VERSION, error: { code: 'no-such-code', detail: '' } }) }),
    ).toBeNull();
  });

  it('reads again a file that other classification rules found not to be media: a newer Veil may open its format', () => {
    const error = { code: 'unsupported-format' as const, detail: 'HEIC image' };
    const row = rowOfRead(read, { format: null, error });
    expect(resultOfRow(row)).not.toBeNull();
    expect(resultOfRow({ ...row, error: JSON.stringify({ rulesVersion: CLASSIFICATION_RULES_VERSION - 1, error }) })).toBeNull();
    // As rows were kept before the rules had a version.
    expect(resultOfRow({ ...row, error: JSON.stringify(error) })).toBeNull();
  });
});
