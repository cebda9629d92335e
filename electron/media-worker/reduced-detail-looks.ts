/**
 * The numbers that make the illustration and the silhouette look as they do, shared by the
 * still (reduced-detail.ts, drawn by sharp) and the veiled video (video-veiled-graph.ts, drawn
 * by FFmpeg's filters), so a video shows the look its storyboard and thumbnail show.
 * docs/decisions/reduced-detail-filters.md.
 */
import type { BlurLevel, FilterStyle } from '../../shared/media/filter-profile.js';
import { alignedReducedSize } from './derive-plan.js';

export type ReducedStyle = Exclude<FilterStyle, 'blur'>;
export type VeiledLevel = Exclude<BlurLevel, 'off'>;

/** Long edge, in pixels, at which each style is drawn: the finest detail it can carry. */
const WORKING_LONG_EDGE_PX: Record<ReducedStyle, Record<VeiledLevel, number>> = {
  illustration: { light: 128, medium: 88, strong: 56 },
  silhouette: { light: 48, medium: 32, strong: 24 },
};
/** Tone levels per channel in an illustration: few enough that skin, fabric and faces go flat. */
export const ILLUSTRATION_LEVELS = 4;
/** Gradient magnitude (0–255 after scaling) where an outline starts, and where it is darkest. */
export const OUTLINE_FROM = 24;
export const OUTLINE_FULL = 96;
/** How dark a full outline makes a tone (fraction removed): soft, so it reads as a line, not a hole. */
export const OUTLINE_STRENGTH = 0.6;
/** The silhouette's two tones: a dark shape on a light ground, neither pure black nor white. */
export const SILHOUETTE_DARK = 64;
export const SILHOUETTE_LIGHT = 192;
/** Gaussian sigma, in working pixels, applied before tones are drawn. */
export const ANTI_ALIAS_SIGMA_PX = 1;

/**
 * The working size for a style and level: the fitted shape (within a pixel), never larger
 * than the fitted `widthPx` × `heightPx`.
 */
export function workingSize(fitted: { widthPx: number; heightPx: number }, style: ReducedStyle, level: VeiledLevel): { widthPx: number; heightPx: number } {
  return alignedReducedSize(fitted.widthPx, fitted.heightPx, WORKING_LONG_EDGE_PX[style][level]) ?? fitted;
}
