import { z } from 'zod';

/**
 * Where a veiled video starts (`&from=<seconds>` on `<item>/veiled`): the player asks for one
 * when the investigator seeks past what has been encoded, and the worker encodes from the
 * keyframe before that time (docs/decisions/video-engine.md, "Seeking"). Plain decimal seconds
 * with at most millisecond precision, up to the longest video Veil opens (24 h): nothing else
 * (no exponent, sign, hex or spaces) is a time.
 */
/**
 * Frames a second of every veiled derivative (the worker's filter graph makes it so): motion stays readable for review,
 * and fewer frames make the encode several times faster than real time. The player steps frames by it, since under
 * load Chromium presents too few frames for their length to be measured.
 */
export const VEILED_VIDEO_FPS = 12;

const START_PATTERN = /^\d{1,5}(\.\d{1,3})?$/;
const MAX_START_SEC = 24 * 3600;

const VeiledStartSchema = z
  .string()
  .regex(START_PATTERN, 'from must be seconds, e.g. from=30.5')
  .transform(Number)
  .pipe(z.number().max(MAX_START_SEC, 'from is past the longest video Veil opens'));

export type VeiledStartParse = { ok: true; startSec: number } | { ok: false; reason: string };

/** The start time of a veiled video's query; 0 when absent (its beginning). */
export function parseVeiledStart(query: URLSearchParams): VeiledStartParse {
  const raw = query.get('from');
  if (raw === null) return { ok: true, startSec: 0 };
  const parsed = VeiledStartSchema.safeParse(raw);
  return parsed.success ? { ok: true, startSec: parsed.data } : { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join('; ') };
}

/** `url` (a veiled video's, from the API) starting at `startSec`, rounded to the millisecond the route accepts. */
export function veiledUrlFrom(url: string, startSec: number): string {
  const ms = Math.min(MAX_START_SEC * 1000, Math.max(0, Math.round(startSec * 1000)));
  return `${url}&from=${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}`;
}
