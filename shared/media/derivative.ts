import { z } from 'zod';
import { BlurLevelSchema, FilterStyleSchema } from './filter-profile.js';

/**
 * What the media route can serve for an item:
 * - `thumb`: a small filtered image for the grid;
 * - `view`: a screen-sized filtered image for the viewer;
 * - `storyboard`: a video's storyboard, one filtered grid image (shared/media/storyboard.ts);
 * - `original`: the original bytes, for videos only, asked for only during a deliberate reveal;
 * - `veiled`: a video's veiled derivative (greyscale, reduced, blurred WebM made in the worker), what plays before a reveal.
 */
const DerivativeKindSchema = z.enum(['thumb', 'view', 'storyboard', 'original', 'veiled']);

/** Long edge of each still derivative in pixels. Fixed sizes keep the cache effective. */
export const DERIVATIVE_LONG_EDGE_PX = { thumb: 320, view: 2048 } as const;

/** Opaque item ids: url-safe, fixed alphabet, so they can never carry a path. */
export const ItemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a Veil item id');

const MediaRequestSchema = z.object({
  itemId: ItemIdSchema,
  kind: DerivativeKindSchema,
  greyscale: z.boolean(),
  blur: BlurLevelSchema,
  /** 'blur' when absent, as every request was before styles existed. */
  style: FilterStyleSchema.default('blur'),
});
export type MediaRequest = z.input<typeof MediaRequestSchema>;

/**
 * The path and query, after the adapter's own prefix, that name a derivative:
 * `<itemId>/<kind>?grey=1&blur=strong`, plus `&style=illustration` or `&style=silhouette`
 * for a style other than blur (so every blur URL stays as it was). Both adapters build and parse it here so
 * the two cannot disagree.
 */
export function mediaPathAndQuery(request: MediaRequest): string {
  const grey = request.greyscale ? '1' : '0';
  const style = request.style === undefined || request.style === 'blur' ? '' : `&style=${request.style}`;
  return `${encodeURIComponent(request.itemId)}/${request.kind}?grey=${grey}&blur=${request.blur}${style}`;
}

export type MediaPathParseResult = { ok: true; request: MediaRequest } | { ok: false; reason: string };

/**
 * Parses `<itemId>/<kind>` and its query. Anything else — extra segments, dots,
 * encoded separators, unknown kinds — is refused; a path is never turned into a file path.
 */
export function parseMediaPath(pathAfterPrefix: string, query: URLSearchParams): MediaPathParseResult {
  const segments = pathAfterPrefix.split('/');
  if (segments.length !== 2) return { ok: false, reason: 'expected <item>/<kind>' };
  const [rawId, rawKind] = segments;
  const parsed = MediaRequestSchema.safeParse({
    itemId: rawId,
    kind: rawKind,
    greyscale: query.get('grey') !== '0',
    blur: query.get('blur') ?? 'strong',
    style: query.get('style') ?? 'blur',
  });
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  return { ok: true, request: parsed.data };
}
