import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_FORMATS } from '../../../../../shared/media/media-kinds.js';
import { recogniseOtherFormat } from '../../../../../electron/services/case/recognise-other-format.js';
import { sniffFormat } from '../../../../../electron/services/case/sniff-format.js';
import { writeFixtureSet, type FixtureSet } from '../../../../fixtures/synthetic-media.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const hostileDir = path.resolve(repoRoot, '../shared/corpus/hostile-media');

let fixtures: FixtureSet;
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'veil-sniff-'));
  fixtures = await writeFixtureSet(tempDir, { videos: true });
});
afterAll(() => rm(tempDir, { recursive: true, force: true }));

async function sniffFile(filePath: string) {
  return sniffFormat((await readFile(filePath)).subarray(0, 512));
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
}

/** An ISO-BMFF file start: the ftyp box with its major and compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''), [0, 0, 0, 8], 'free');
}

/** An EBML header with the given DocType, as WebM and Matroska files begin. */
function ebml(docType: string): Uint8Array {
  const body = bytes([0x42, 0x86, 0x81, 0x01], [0x42, 0xf7, 0x81, 0x01], [0x42, 0x82, 0x80 | docType.length], docType, [0x42, 0x87, 0x81, 0x04]);
  return bytes([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length], [...body]);
}

describe('sniffFormat on generated media', () => {
  it.each([
    ['sample-1.jpg', 'jpeg'],
    ['sample-2.png', 'png'],
    ['sample-3.webp', 'webp'],
    ['sample-4.gif', 'gif'],
    ['sample-5.tiff', 'tiff'],
    ['sample-6.avif', 'avif'],
    ['sample-7.bmp', 'bmp'],
    ['clip.mp4', 'mp4'],
    ['clip.webm', 'webm'],
    // Truncated, so undecodable, but still a JPEG: it becomes an item whose tile shows the decode error.
    ['corrupt.jpg', 'jpeg'],
  ])('recognises %s as %s', async (name, format) => {
    expect(await sniffFile(fixtures.files[name] ?? '')).toBe(format);
  });

  it.each(['random-bytes.png', 'empty.jpg', 'notes.txt'])('finds no media format in %s', async (name) => {
    expect(await sniffFile(fixtures.files[name] ?? '')).toBeNull();
  });
});

describe('sniffFormat on the hostile corpus', () => {
  it.each([
    ['truncated.jpg', 'jpeg'],
    ['truncated.png', 'png'],
    ['corrupt-header.jpg', 'jpeg'],
    ['giant-image.jpg', 'jpeg'],
    ['65536-uint32-limit.png', 'png'],
    ['big-height.webp', 'webp'],
    ['Crash_test.gif', 'gif'],
  ])('%s sniffs as %s (its decoding problems are the media worker’s to report)', async (name, format) => {
    expect(await sniffFile(path.join(hostileDir, name))).toBe(format);
  });

  it('does not take the corpus README for media', async () => {
    expect(await sniffFile(path.join(hostileDir, 'README.md'))).toBeNull();
  });
});

describe('sniffFormat on ISO base media brands', () => {
  it.each([
    [ftyp('avif', 'mif1', 'miaf'), 'avif'],
    [ftyp('avis', 'msf1'), 'avif'],
    [ftyp('mif1', 'miaf', 'avif'), 'avif'],
    [ftyp('heic', 'mif1'), 'heic'],
    [ftyp('heix', 'mif1'), 'heic'],
    [ftyp('mif1', 'heic'), 'heic'],
    [ftyp('msf1', 'hevc'), 'heic'],
    [ftyp('isom', 'iso2', 'avc1', 'mp41'), 'mp4'],
    [ftyp('mp42', 'isom'), 'mp4'],
    [ftyp('M4V ', 'M4A ', 'mp42'), 'mp4'],
    [ftyp('dash', 'iso6'), 'mp4'],
    [ftyp('qt  ', 'qt  '), 'mov'],
    [ftyp('XAVC', 'mp42', 'iso2'), 'mp4'],
  ])('brand list %#', (head, format) => {
    expect(sniffFormat(head)).toBe(format);
  });

  it('does not show audio-only MPEG-4 (M4A) as video', () => {
    const head = ftyp('M4A ', 'M4A ', 'mp42', 'isom');
    // M4A files list mp42/isom as compatible, but their audio major brand decides.
    expect(sniffFormat(head)).toBeNull();
    expect(recogniseOtherFormat(head)).toContain('audio');
  });

  it('recognises QuickTime files older than the ftyp box', () => {
    expect(sniffFormat(bytes([0, 0, 0, 8], 'wide', [0, 0, 0x10, 0], 'mdat'))).toBe('mov');
    expect(sniffFormat(bytes([0, 0, 0x12, 0x34], 'moov'))).toBe('mov');
  });

  it('does not take text whose fifth to eighth letters spell an atom name for a movie', () => {
    expect(sniffFormat(bytes('Get free shipping today'))).toBeNull();
    expect(sniffFormat(bytes('The moov of it'))).toBeNull();
  });
});

describe('sniffFormat on other signatures', () => {
  it('reads the WebM DocType and refuses other Matroska files', () => {
    expect(sniffFormat(ebml('webm'))).toBe('webm');
    expect(sniffFormat(ebml('matroska'))).toBeNull();
    expect(recogniseOtherFormat(ebml('matroska'))).toContain('Matroska');
  });

  it('recognises both byte orders of TIFF', () => {
    expect(sniffFormat(bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('tiff');
    expect(sniffFormat(bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('tiff');
  });

  it('needs a coherent header before calling "BM…" a bitmap', () => {
    expect(sniffFormat(bytes('BMW service record, 2019. Oil changed at 40,000 km.'))).toBeNull();
  });

  it('tells an AVI video from WebP inside the same RIFF container', () => {
    const avi = bytes('RIFF', [0, 0, 0, 0], 'AVI LIST');
    expect(sniffFormat(avi)).toBeNull();
    expect(recogniseOtherFormat(avi)).toContain('AVI video');
  });

  it('needs the whole signature: a cut-short prefix is not media', () => {
    expect(sniffFormat(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffFormat(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffFormat(bytes('GIF8'))).toBeNull();
    expect(sniffFormat(new Uint8Array(0))).toBeNull();
  });
});

describe('sniffFormat on arbitrary bytes', () => {
  it('never throws and answers a known format or null', () => {
    const known = new Set<string | null>([...MEDIA_FORMATS, null]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (head) => {
        expect(known.has(sniffFormat(head))).toBe(true);
        const other = recogniseOtherFormat(head);
        expect(other === null || typeof other === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random ISO-BMFF and EBML headers either', () => {
    const known = new Set<string | null>([...MEDIA_FORMATS, null]);
    const prefixed = (prefix: number[]) => fc.uint8Array({ maxLength: 300 }).map((rest) => bytes(prefix, [...rest]));
    fc.assert(
      fc.property(
        fc.oneof(
          prefixed([0x1a, 0x45, 0xdf, 0xa3]),
          fc.uint8Array({ maxLength: 300 }).map((rest) => bytes([0, 0, 0, 0x20], 'ftyp', [...rest])),
        ),
        (head) => {
          expect(known.has(sniffFormat(head))).toBe(true);
          recogniseOtherFormat(head);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('decides by content alone: any bytes after a PNG signature are a PNG', () => {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (rest) => sniffFormat(bytes(signature, [...rest])) === 'png'));
  });
});
