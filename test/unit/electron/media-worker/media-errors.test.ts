import { describe, expect, it } from 'vitest';
import { mediaErrorFromFs, mediaErrorFromSharp, shortDetail } from '../../../../electron/media-worker/media-errors.js';

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: something`), { code });
}

describe('mediaErrorFromSharp', () => {
  it.each([
    ['Input image exceeds pixel limit', 'too-many-pixels'],
    ['Input file contains unsupported image format', 'unsupported-format'],
    ['heif: Unsupported feature: Unsupported codec (4.3000)', 'unsupported-format'],
    ['Input file is missing: /case/a.jpg', 'vanished'],
    ['timeout: 15s', 'timed-out'],
    ['VipsJpeg: premature end of JPEG image', 'decode-failed'],
    ['Input file has corrupt header: VipsJpeg: premature end of JPEG image', 'decode-failed'],
    ['vipspng: libpng read error', 'decode-failed'],
  ])('%s → %s', (message, code) => {
    expect(mediaErrorFromSharp(new Error(message))).toEqual({ code, detail: message });
  });

  it('keeps the detail short and without repeated lines', () => {
    const noisy = ['VipsJpeg: premature end', 'VipsJpeg: premature end', 'VipsJpeg: no image', 'x'.repeat(1000)].join('\n');
    const detail = shortDetail(noisy);
    expect(detail.startsWith('VipsJpeg: premature end; VipsJpeg: no image; ')).toBe(true);
    expect(detail.length).toBeLessThanOrEqual(401);
  });
});

describe('mediaErrorFromFs', () => {
  it.each([
    ['ENOENT', 'vanished'],
    ['EACCES', 'unreadable'],
    ['EISDIR', 'unreadable'],
    ['EWEIRD', 'unreadable'],
  ])('%s → %s', (code, expected) => {
    expect(mediaErrorFromFs(fsError(code)).code).toBe(expected);
  });
});
