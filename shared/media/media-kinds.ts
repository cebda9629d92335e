import { z } from 'zod';

const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'bmp', 'avif', 'heic'] as const;
const VIDEO_FORMATS = ['mp4', 'webm', 'mov'] as const;
export const MEDIA_FORMATS = [...IMAGE_FORMATS, ...VIDEO_FORMATS] as const;

export const MediaFormatSchema = z.enum(MEDIA_FORMATS);
export type MediaFormat = z.infer<typeof MediaFormatSchema>;
export type VideoFormat = (typeof VIDEO_FORMATS)[number];

export const MediaKindSchema = z.enum(['image', 'video']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

const IMAGE_FORMAT_SET: ReadonlySet<string> = new Set(IMAGE_FORMATS);

export function kindOfFormat(format: MediaFormat): MediaKind {
  return IMAGE_FORMAT_SET.has(format) ? 'image' : 'video';
}

/** MIME type used when the original bytes of a video are streamed to the renderer. */
export const VIDEO_MIME_TYPES: Record<VideoFormat, string> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
};

/** File-name extensions (lower case, without the dot) that name each format. */
const EXTENSIONS_BY_FORMAT: Record<MediaFormat, readonly string[]> = {
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  webp: ['webp'],
  gif: ['gif'],
  tiff: ['tif', 'tiff'],
  bmp: ['bmp', 'dib'],
  avif: ['avif'],
  heic: ['heic', 'heif'],
  mp4: ['mp4', 'm4v'],
  webm: ['webm'],
  mov: ['mov', 'qt'],
};

/** The format a file name claims, from its extension, or null when it names none we know. */
export function formatClaimedByName(fileName: string): MediaFormat | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  for (const format of MEDIA_FORMATS) {
    if (EXTENSIONS_BY_FORMAT[format].includes(ext)) return format;
  }
  return null;
}
