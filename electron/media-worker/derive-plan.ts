import { blurSigmaPx, type BlurLevel } from '../../shared/media/filter-profile.js';

/**
 * Above this sigma (in fitted pixels) the derivative is a blurred reduced copy. Measured in
 * docs/decisions/blur-scales.md: the reduced copy lets JPEG shrink-on-load decode at 1/8
 * scale, and the browser's enlargement of it looks like a full-size Gaussian (< 2 grey levels).
 */
export const DIRECT_BLUR_MAX_SIGMA_PX = 4;
/** Sigma, in pixels of the reduced copy, that the reduction aims for (the copy may end a little larger, never smaller). */
const REDUCED_BLUR_TARGET_SIGMA_PX = 3;
/**
 * The largest difference, in fitted pixels, allowed between the reduced copy and the fitted
 * size once the renderer scales both into the same box (object-fit: contain): the unblurred
 * reveal is stacked over the copy, so each edge may be off by at most half of this.
 */
export const MAX_ALIGNMENT_ERROR_PX = 1;
/** libvips refuses a Gaussian narrower than this; a weaker blur is rounded up to it. */
const MIN_SIGMA_PX = 0.3;

/** Sigma is always in pixels of the image written. */
type BlurPlan = { method: 'none' } | { method: 'direct'; sigmaPx: number } | { method: 'reduced'; sigmaPx: number };

export interface DerivativePlan {
  /** The source fitted inside the long edge: the size the derivative stands for, and what the blur is relative to. */
  fittedWidthPx: number;
  fittedHeightPx: number;
  /** The image written: the fitted size, or for a 'reduced' blur a smaller copy of the same shape that the renderer enlarges. */
  widthPx: number;
  heightPx: number;
  blur: BlurPlan;
}

/**
 * How far apart, in fitted pixels, a `widthPx` × `heightPx` copy and the `fittedWidthPx` ×
 * `fittedHeightPx` image end when both are scaled to fit one box: their sizes differ by this
 * much along the edge that does not touch the box (the worst box shape), both centred.
 */
export function alignmentErrorPx(fittedWidthPx: number, fittedHeightPx: number, widthPx: number, heightPx: number): number {
  return Math.abs(fittedHeightPx * widthPx - fittedWidthPx * heightPx) / Math.min(widthPx, heightPx);
}

/**
 * The smallest copy whose long edge is at least `minLongEdgePx` and whose shape matches the
 * fitted image within MAX_ALIGNMENT_ERROR_PX. Rounding alone can be 20+ px off at 2048 px, so
 * the long edge is searched upwards (a few pixels for most shapes). The fitted long edge minus
 * one always matches, so null comes only for a 1 px fit, which is never blurred this way.
 */
export function alignedReducedSize(fittedWidthPx: number, fittedHeightPx: number, minLongEdgePx: number): { widthPx: number; heightPx: number } | null {
  const landscape = fittedWidthPx >= fittedHeightPx;
  const fittedLongPx = landscape ? fittedWidthPx : fittedHeightPx;
  const fittedShortPx = landscape ? fittedHeightPx : fittedWidthPx;
  for (let longPx = Math.max(1, minLongEdgePx); longPx < fittedLongPx; longPx += 1) {
    const shortPx = Math.max(1, Math.round((longPx * fittedShortPx) / fittedLongPx));
    const widthPx = landscape ? longPx : shortPx;
    const heightPx = landscape ? shortPx : longPx;
    if (alignmentErrorPx(fittedWidthPx, fittedHeightPx, widthPx, heightPx) <= MAX_ALIGNMENT_ERROR_PX) return { widthPx, heightPx };
  }
  return null;
}

/**
 * Output size and blur for a source of `sourceWidthPx` × `sourceHeightPx` (already
 * oriented), fitted inside `longEdgePx` without enlargement. Sigma is relative to the fitted
 * long edge so a level hides the same detail at every size. Large sigmas are served as a
 * reduced copy blurred by ≈ 3 px, which the renderer enlarges to its box.
 */
export function planDerivative(sourceWidthPx: number, sourceHeightPx: number, longEdgePx: number, level: BlurLevel): DerivativePlan {
  const sourceLongEdgePx = Math.max(sourceWidthPx, sourceHeightPx, 1);
  const scale = Math.min(1, longEdgePx / sourceLongEdgePx);
  const fittedWidthPx = Math.max(1, Math.round(sourceWidthPx * scale));
  const fittedHeightPx = Math.max(1, Math.round(sourceHeightPx * scale));
  const fitted = { fittedWidthPx, fittedHeightPx, widthPx: fittedWidthPx, heightPx: fittedHeightPx };
  const fittedLongEdgePx = Math.max(fittedWidthPx, fittedHeightPx);
  const sigmaPx = blurSigmaPx(level, fittedLongEdgePx);
  if (sigmaPx <= 0) return { ...fitted, blur: { method: 'none' } };
  const direct: DerivativePlan = { ...fitted, blur: { method: 'direct', sigmaPx: Math.max(MIN_SIGMA_PX, sigmaPx) } };
  if (sigmaPx <= DIRECT_BLUR_MAX_SIGMA_PX) return direct;
  const targetLongEdgePx = Math.round((fittedLongEdgePx * REDUCED_BLUR_TARGET_SIGMA_PX) / sigmaPx);
  const reduced = alignedReducedSize(fittedWidthPx, fittedHeightPx, targetLongEdgePx);
  if (reduced === null) return direct;
  // Scale sigma by the reduction actually used, so the look on screen stays exact.
  const reducedSigmaPx = (sigmaPx * Math.max(reduced.widthPx, reduced.heightPx)) / fittedLongEdgePx;
  return { fittedWidthPx, fittedHeightPx, ...reduced, blur: { method: 'reduced', sigmaPx: Math.max(MIN_SIGMA_PX, reducedSigmaPx) } };
}
