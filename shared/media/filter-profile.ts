import { z } from 'zod';

/**
 * Blur strengths a user can pick. Each maps to a Gaussian sigma expressed as a
 * fraction of the image's long edge, so a level hides the same amount of detail
 * on a 320 px thumbnail as on a 2048 px view (see docs/decisions/blur-scales.md).
 */
export const BLUR_LEVELS = ['off', 'light', 'medium', 'strong'] as const;
export const BlurLevelSchema = z.enum(BLUR_LEVELS);
export type BlurLevel = z.infer<typeof BlurLevelSchema>;

const BLUR_SIGMA_FRACTION_OF_LONG_EDGE: Record<BlurLevel, number> = {
  off: 0,
  light: 0.004,
  medium: 0.01,
  strong: 0.02,
};

/**
 * How detail is taken away, all made in the media worker: a Gaussian blur; an illustration
 * (flat tones and soft outlines); a silhouette (two tones: shapes only, always grey). The
 * blur level says how much for every style, and 'off' shows the picture unfiltered whatever
 * the style (docs/decisions/reduced-detail-filters.md).
 */
export const FILTER_STYLES = ['blur', 'illustration', 'silhouette'] as const;
export const FilterStyleSchema = z.enum(FILTER_STYLES);
export type FilterStyle = z.infer<typeof FilterStyleSchema>;

export const FilterProfileSchema = z.object({
  greyscale: z.boolean(),
  blur: BlurLevelSchema,
  style: FilterStyleSchema,
});
export type FilterProfile = z.infer<typeof FilterProfileSchema>;

/** What Veil shows when nobody has chosen anything: grey and strongly blurred. */
export const DEFAULT_FILTER_PROFILE: FilterProfile = { greyscale: true, blur: 'strong', style: 'blur' };

/** Gaussian sigma in pixels for a blur level on an image whose long edge is `longEdgePx`. */
export function blurSigmaPx(level: BlurLevel, longEdgePx: number): number {
  return BLUR_SIGMA_FRACTION_OF_LONG_EDGE[level] * Math.max(0, longEdgePx);
}

/**
 * CSS filter equivalent of a profile for media the renderer must filter itself
 * (video frames). `longEdgePx` is the displayed long edge in CSS pixels.
 */
export function cssFilterFor(profile: Pick<FilterProfile, 'greyscale' | 'blur'>, longEdgePx: number): string {
  const parts: string[] = [];
  if (profile.greyscale) parts.push('grayscale(1)');
  const sigma = blurSigmaPx(profile.blur, longEdgePx);
  if (sigma > 0) parts.push(`blur(${sigma.toFixed(1)}px)`);
  return parts.length > 0 ? parts.join(' ') : 'none';
}
