import { blurSigmaPx, type BlurLevel } from '../../shared/media/filter-profile.js';

/**
 * Above this sigma (in output pixels) the blur is done on a reduced copy. Measured in
 * docs/decisions/blur-scales.md: the reduced copy lets JPEG shrink-on-load decode at 1/8
 * scale, which is where almost all the time goes; the look differs by < 2 grey levels.
 */
export const DIRECT_BLUR_MAX_SIGMA_PX = 4;
/** Sigma, in pixels of the reduced copy, that the reduced-size blur aims for. */
export const REDUCED_BLUR_TARGET_SIGMA_PX = 3;
/** libvips refuses a Gaussian narrower than this; a weaker blur is rounded up to it. */
const MIN_SIGMA_PX = 0.3;

export type BlurPlan =
  | { method: 'none' }
  | { method: 'direct'; sigmaPx: number }
  | { method: 'reduced'; smallWidthPx: number; smallHeightPx: number; sigmaSmallPx: number };

export interface DerivativePlan {
  widthPx: number;
  heightPx: number;
  blur: BlurPlan;
}

/**
 * Output size and blur method for a source of `sourceWidthPx` × `sourceHeightPx`
 * (already oriented), fitted inside `longEdgePx` without enlargement. Sigma is relative
 * to the output's long edge so a level hides the same detail at every size.
 */
export function planDerivative(
  sourceWidthPx: number,
  sourceHeightPx: number,
  longEdgePx: number,
  level: BlurLevel,
): DerivativePlan {
  const sourceLongEdgePx = Math.max(sourceWidthPx, sourceHeightPx, 1);
  const scale = Math.min(1, longEdgePx / sourceLongEdgePx);
  const widthPx = Math.max(1, Math.round(sourceWidthPx * scale));
  const heightPx = Math.max(1, Math.round(sourceHeightPx * scale));
  const outputLongEdgePx = Math.max(widthPx, heightPx);
  const sigmaPx = blurSigmaPx(level, outputLongEdgePx);
  if (sigmaPx <= 0) return { widthPx, heightPx, blur: { method: 'none' } };
  if (sigmaPx <= DIRECT_BLUR_MAX_SIGMA_PX) {
    return { widthPx, heightPx, blur: { method: 'direct', sigmaPx: Math.max(MIN_SIGMA_PX, sigmaPx) } };
  }
  const reduction = sigmaPx / REDUCED_BLUR_TARGET_SIGMA_PX;
  const smallWidthPx = Math.max(1, Math.round(widthPx / reduction));
  const smallHeightPx = Math.max(1, Math.round(heightPx / reduction));
  // Use the reduction actually achieved after rounding, so the final sigma stays exact.
  const smallLongEdgePx = Math.max(smallWidthPx, smallHeightPx);
  const sigmaSmallPx = Math.max(MIN_SIGMA_PX, (sigmaPx * smallLongEdgePx) / outputLongEdgePx);
  return { widthPx, heightPx, blur: { method: 'reduced', smallWidthPx, smallHeightPx, sigmaSmallPx } };
}
