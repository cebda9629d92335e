import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MediaErrorSchema } from '../../../../../shared/case/media-item.js';
import { classifyFile } from '../../../../../electron/services/case/classify-file.js';

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const TEXT = Buffer.from('Interview notes, 3 March.\n');

describe('classifyFile', () => {
  it('makes media an item with no flag when the name agrees', () => {
    expect(classifyFile('photo.JPG', JPEG_HEAD, 5000)).toEqual({ type: 'media', format: 'jpeg', claimedFormat: null });
    expect(classifyFile('photo.jpeg', JPEG_HEAD, 5000)).toEqual({ type: 'media', format: 'jpeg', claimedFormat: null });
  });

  it('keeps a PNG named .jpg as a PNG item and records the claim so the UI can flag it', () => {
    expect(classifyFile('holiday.jpg', PNG_HEAD, 5000)).toEqual({ type: 'media', format: 'png', claimedFormat: 'jpeg' });
  });

  it('finds media whatever the name: no extension, an unrelated one, or a hidden file', () => {
    expect(classifyFile('IMG_0001', PNG_HEAD, 10)).toMatchObject({ type: 'media', format: 'png', claimedFormat: null });
    expect(classifyFile('report.docx', PNG_HEAD, 10)).toMatchObject({ type: 'media', format: 'png', claimedFormat: null });
    expect(classifyFile('.hidden', JPEG_HEAD, 10)).toMatchObject({ type: 'media', format: 'jpeg' });
  });

  it('calls text named .jpg mislabelled, naming the extension', () => {
    const result = classifyFile('evidence.jpg', TEXT, TEXT.length);
    expect(result).toEqual({
      type: 'problem',
      error: { code: 'mislabelled', detail: 'Named .jpg but the content is not a supported image or video.' },
    });
  });

  it('says what a mislabelled file looks like when it knows', () => {
    const pdf = Buffer.from('%PDF-1.7\n');
    expect(classifyFile('scan.png', pdf, 900)).toMatchObject({ type: 'problem', error: { code: 'mislabelled', detail: expect.stringContaining('PDF') } });
  });

  it('lists other files as unsupported, and says when they are videos Veil cannot play', () => {
    expect(classifyFile('notes.txt', TEXT, TEXT.length)).toMatchObject({ type: 'problem', error: { code: 'unsupported-format' } });
    const avi = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('AVI LIST')]);
    expect(classifyFile('clip.avi', avi, 1000)).toMatchObject({
      type: 'problem',
      error: { code: 'unsupported-format', detail: expect.stringContaining('AVI video') },
    });
  });

  it('does not call macOS resource-fork files mislabelled even though they carry a media name', () => {
    const appleDouble = Buffer.from([0x00, 0x05, 0x16, 0x07, 0, 2, 0, 0]);
    const result = classifyFile('._holiday.jpg', appleDouble, 4096);
    expect(result).toMatchObject({ type: 'problem', error: { code: 'unsupported-format', detail: expect.stringContaining('AppleDouble') } });
  });

  it('makes every common HEIF photo brand a HEIC item, and AVIF in HEIF an AVIF item', () => {
    const ftyp = (major: string, ...compatible: string[]): Buffer => {
      const box = Buffer.alloc(16 + compatible.length * 4);
      box.writeUInt32BE(box.length, 0);
      box.write(`ftyp${major}`, 4, 'latin1');
      compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
      return box;
    };
    for (const major of ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']) {
      expect(classifyFile('IMG_0001.HEIC', ftyp(major, 'mif1', 'heic'), 5000), major).toEqual({ type: 'media', format: 'heic', claimedFormat: null });
    }
    expect(classifyFile('IMG_0002.heif', ftyp('mif1', 'miaf', 'heic'), 5000)).toEqual({ type: 'media', format: 'heic', claimedFormat: null });
    expect(classifyFile('burst.heic', ftyp('msf1', 'hevc'), 5000)).toEqual({ type: 'media', format: 'heic', claimedFormat: null });
    expect(classifyFile('IMG_0003.heic', ftyp('mif1', 'avif', 'miaf'), 5000)).toEqual({ type: 'media', format: 'avif', claimedFormat: 'heic' });
  });

  it('says in words why a raw camera photo cannot be shown, naming its maker', () => {
    const orf = Buffer.from('IIRO\x08\x00\x00\x00', 'latin1');
    const raf = Buffer.from('FUJIFILMCCD-RAW 0201', 'latin1');
    expect(classifyFile('P1010001.ORF', orf, 5000)).toEqual({
      type: 'problem',
      error: {
        code: 'unsupported-format',
        detail: 'Not a supported image or video: a raw camera photo (Olympus), which Veil cannot show.',
        reason: { code: 'raw-photo-unsupported', params: { camera: 'Olympus' } },
      },
    });
    expect(classifyFile('DSCF0001.jpg', raf, 5000)).toMatchObject({ type: 'problem', error: { reason: { params: { camera: 'Fujifilm' } } } });
  });

  it('calls a zero-byte file empty, whatever its name', () => {
    expect(classifyFile('photo.jpg', new Uint8Array(0), 0)).toEqual({ type: 'problem', error: { code: 'empty-file', detail: 'The file is empty (0 bytes).' } });
  });

  it('never throws, and every problem is a valid MediaError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 80 }), (name, head) => {
        const result = classifyFile(name, head, head.length);
        if (result.type === 'problem') expect(MediaErrorSchema.safeParse(result.error).success).toBe(true);
      }),
    );
  });
});
