import type { MediaError, MediaErrorCode } from '../../shared/case/media-item.js';

/** Longest decoder message kept as detail; libvips can repeat a warning hundreds of times. */
const MAX_DETAIL_CHARS = 400;

/** Ordered: the first pattern that matches sharp's message names the code. */
const SHARP_MESSAGE_CODES: readonly (readonly [RegExp, MediaErrorCode])[] = [
  [/exceeds pixel limit/i, 'too-many-pixels'],
  [/unsupported image format/i, 'unsupported-format'],
  // libheif without a decoder for a HEIF's codec refuses it this way (HEIC itself goes to heic-input.ts).
  [/no decoding plugin|unsupported (codec|feature|compression)|not supported/i, 'unsupported-format'],
  [/input file is missing/i, 'vanished'],
  [/timeout/i, 'timed-out'],
];

const FS_ERROR_CODES: Readonly<Record<string, MediaErrorCode>> = {
  ENOENT: 'vanished',
  ENOTDIR: 'vanished',
  EACCES: 'unreadable',
  EPERM: 'unreadable',
  EISDIR: 'unreadable',
  ELOOP: 'unreadable',
  EIO: 'unreadable',
};

/** Keeps the first line(s) of a decoder message, bounded, for the UI's "details". */
export function shortDetail(message: string): string {
  const lines = [
    ...new Set(
      message
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
  ];
  const joined = lines.join('; ');
  return joined.length > MAX_DETAIL_CHARS ? `${joined.slice(0, MAX_DETAIL_CHARS)}…` : joined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Maps an error thrown by sharp to the code the UI shows, with sharp's words as detail. */
export function mediaErrorFromSharp(error: unknown): MediaError {
  const message = messageOf(error);
  const match = SHARP_MESSAGE_CODES.find(([pattern]) => pattern.test(message));
  return { code: match ? match[1] : 'decode-failed', detail: shortDetail(message) };
}

/** Maps a file-system error (open/stat) to a code; anything unknown is 'unreadable'. */
export function mediaErrorFromFs(error: unknown): MediaError {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  return { code: FS_ERROR_CODES[code] ?? 'unreadable', detail: shortDetail(messageOf(error)) };
}
