import { ascii, isoBrand, matroskaDocType, startsWith } from './sniff-format.js';

/**
 * Names common file types that are not media Veil can show, so an unsupported
 * file in the problem list says what it is ("an AVI video") instead of only what
 * it is not. Videos in other containers matter most: an investigator must know
 * they exist even though Veil cannot play them. Pure; null when unrecognised.
 */
export function recogniseOtherFormat(head: Uint8Array): string | null {
  const camera = recogniseRawPhoto(head);
  if (camera !== null) return `a raw camera photo (${camera}), which Veil cannot show`;
  const riffType = ascii(head, 0, 4) === 'RIFF' ? ascii(head, 8, 4) : null;
  if (riffType === 'AVI ') return 'an AVI video, which Veil cannot play';
  if (riffType === 'WAVE') return 'a WAV audio file';
  if (startsWith(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) {
    return matroskaDocType(head) === 'matroska' ? 'a Matroska (MKV) video, which Veil cannot play' : 'a Matroska file';
  }
  if (startsWith(head, 0, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return 'a Windows Media (ASF/WMV) video, which Veil cannot play';
  if (ascii(head, 0, 3) === 'FLV') return 'a Flash (FLV) video, which Veil cannot play';
  if (startsWith(head, 0, [0x00, 0x00, 0x01, 0xba]) || startsWith(head, 0, [0x00, 0x00, 0x01, 0xb3])) return 'an MPEG video, which Veil cannot play';
  if (head.length >= 377 && head[0] === 0x47 && head[188] === 0x47 && head[376] === 0x47) return 'an MPEG transport stream video, which Veil cannot play';
  const brand = isoBrand(head);
  if (brand !== null) {
    if (brand.startsWith('3g')) return 'a 3GP video, which Veil cannot play';
    if (brand === 'M4A ' || brand === 'M4B ') return 'an MPEG-4 audio file';
    if (brand === 'jxl ') return 'a JPEG XL image, which Veil cannot show';
    return `an ISO media file of type "${brand.trim()}"`;
  }
  if (startsWith(head, 0, [0xff, 0x0a]) || (ascii(head, 4, 4) === 'JXL ' && head[3] === 0x0c)) return 'a JPEG XL image, which Veil cannot show';
  if (startsWith(head, 0, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) return 'a JPEG 2000 image, which Veil cannot show';
  if (ascii(head, 0, 4) === '8BPS') return 'a Photoshop document, which Veil cannot show';
  if (startsWith(head, 0, [0x00, 0x00, 0x01, 0x00])) return 'a Windows icon';
  if (ascii(head, 0, 5) === '%PDF-') return 'a PDF document';
  if (startsWith(head, 0, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, 0, [0x50, 0x4b, 0x05, 0x06])) return 'a ZIP archive (not opened)';
  if (ascii(head, 0, 4) === 'Rar!') return 'a RAR archive (not opened)';
  if (startsWith(head, 0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'a 7-Zip archive (not opened)';
  if (ascii(head, 0, 3) === 'ID3') return 'an MP3 audio file';
  if (isAppleDouble(head)) return 'a macOS resource-fork file (AppleDouble), not media';
  if (startsWith(head, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'a Microsoft compound file (e.g. Thumbs.db or an old Office document)';
  if (ascii(head, 0, 16) === 'SQLite format 3\0') return 'an SQLite database';
  return null;
}

/**
 * The camera maker of a raw photo whose container is not one Veil reads, or null. Raw sensor
 * data needs the maker's demosaicing and colour processing; no maintained decoder in the npm
 * registry does that without a native build (docs/decisions/heic-decoder.md). TIFF-based raws
 * (DNG, NEF, ARW, CR2) are sniffed as TIFF and show whatever picture their first directory holds.
 */
export function recogniseRawPhoto(head: Uint8Array): string | null {
  if (isoBrand(head) === 'crx ') return 'Canon'; // CR3
  if (ascii(head, 0, 2) === 'II' && ascii(head, 6, 8) === 'HEAPCCDR') return 'Canon'; // CRW
  if (ascii(head, 0, 4) === 'IIRO' || ascii(head, 0, 4) === 'IIRS' || ascii(head, 0, 4) === 'MMOR') return 'Olympus'; // ORF
  if (ascii(head, 0, 4) === 'IIU\0') return 'Panasonic'; // RW2
  if (ascii(head, 0, 15) === 'FUJIFILMCCD-RAW') return 'Fujifilm'; // RAF
  if (ascii(head, 0, 4) === 'FOVb') return 'Sigma'; // X3F
  if (ascii(head, 0, 4) === '\0MRM') return 'Minolta'; // MRW
  return null;
}

/**
 * macOS leaves a "._name" AppleDouble file beside each file it copies to a foreign
 * disk. It carries the media file's name but is metadata, not a mislabelled file.
 */
export function isAppleDouble(head: Uint8Array): boolean {
  return startsWith(head, 0, [0x00, 0x05, 0x16, 0x07]);
}
