/**
 * The FFmpeg filter graph that veils a video's frames in the media worker, one per profile:
 * the blur as the images' plan makes it, and the illustration and silhouette drawn as their
 * stills are (reduced-detail.ts), at the same working size and with the same numbers
 * (reduced-detail-looks.ts). Every filter named here is in node-av's FFmpeg 8.1; a unit test
 * builds and runs each style at each level. docs/decisions/video-engine.md.
 */
import type { BlurLevel, FilterStyle } from '../../shared/media/filter-profile.js';
import { VEILED_VIDEO_FPS } from '../../shared/media/veiled-start.js';
import { planDerivative } from './derive-plan.js';
import {
  ANTI_ALIAS_SIGMA_PX,
  ILLUSTRATION_LEVELS,
  OUTLINE_FROM,
  OUTLINE_FULL,
  OUTLINE_STRENGTH,
  SILHOUETTE_DARK,
  SILHOUETTE_LIGHT,
  workingSize,
  type ReducedStyle,
  type VeiledLevel,
} from './reduced-detail-looks.js';

/** The long edge the blur is planned for: a viewer-sized picture; a blurred one is made far smaller (derive-plan.ts). */
const VEILED_VIDEO_LONG_EDGE_PX = 640;
/**
 * A Sobel response as the still's: reduced-detail.ts takes 2 × the magnitude of kernels scaled
 * by 1/8, a quarter of the raw magnitude that FFmpeg's sobel gives.
 */
const SOBEL_SCALE = 0.25;
/**
 * Frames over which the silhouette's tone range is followed (FFmpeg's normalize): about a second,
 * so the split between the two tones does not flicker from frame to frame.
 */
const SILHOUETTE_SMOOTHING_FRAMES = VEILED_VIDEO_FPS;

export interface VeiledProfile {
  greyscale: boolean;
  blur: BlurLevel;
  style?: FilterStyle;
}

export interface VeiledFilterGraph {
  /** One FFmpeg filter graph: one input, one output, yuv420p frames for VP8. */
  description: string;
  widthPx: number;
  heightPx: number;
}

const even = (px: number) => Math.max(2, Math.round(px / 2) * 2);

/** Each tone posterised to ILLUSTRATION_LEVELS levels, as the still rounds them. */
const POSTERISE = (() => {
  const step = (255 / (ILLUSTRATION_LEVELS - 1)).toFixed(4);
  return `'round(val/${step})*${step}'`;
})();
/** A tone darkened by the outline under it (B: the Sobel magnitude), as the still's `keep`. */
const OUTLINED = `'A*(1-${OUTLINE_STRENGTH}*clip((B-${OUTLINE_FROM})/${OUTLINE_FULL - OUTLINE_FROM},0,1))'`;

/**
 * Flat tones under soft outlines: a 3×3 median first (texture would survive as speckled tones
 * and outlines), then each channel posterised, and darkened where the luma's Sobel magnitude is
 * high. In colour the tones are drawn in planar RGB, as the still posterises R, G and B.
 */
function illustrationSteps(grey: boolean): string {
  const tones = grey ? `lut=c0=${POSTERISE}` : `lut=c0=${POSTERISE}:c1=${POSTERISE}:c2=${POSTERISE}`;
  const edges = grey ? `sobel=scale=${SOBEL_SCALE}` : `format=gray,sobel=scale=${SOBEL_SCALE},format=gbrp`;
  return [
    `format=${grey ? 'gray' : 'gbrp'},gblur=sigma=${ANTI_ALIAS_SIGMA_PX},median=radius=1,split[tones][edges]`,
    `[tones]${tones}[flat]`,
    `[edges]${edges}[outline]`,
    `[flat][outline]blend=all_expr=${OUTLINED}`,
  ].join(';');
}

/**
 * Two grey tones: the still splits at Otsu's threshold, which FFmpeg has no filter for; here
 * each frame's tone range (followed over about a second) is stretched to the full range and
 * split at its middle, which for a picture of shapes on a ground falls between the same two groups.
 */
function silhouetteSteps(): string {
  return [
    'format=gray',
    `gblur=sigma=${ANTI_ALIAS_SIGMA_PX}`,
    // normalize works in RGB (FFmpeg converts to it): back to one grey plane before the tones are split.
    `normalize=smoothing=${SILHOUETTE_SMOOTHING_FRAMES}`,
    'format=gray',
    `lut=c0='if(lt(val,128),${SILHOUETTE_DARK},${SILHOUETTE_LIGHT})'`,
  ].join(',');
}

function reducedDetailGraph(video: { widthPx: number; heightPx: number }, style: ReducedStyle, level: VeiledLevel, greyscale: boolean): VeiledFilterGraph {
  const plan = planDerivative(video.widthPx, video.heightPx, VEILED_VIDEO_LONG_EDGE_PX, 'off');
  const working = workingSize({ widthPx: plan.fittedWidthPx, heightPx: plan.fittedHeightPx }, style, level);
  const widthPx = even(working.widthPx);
  const heightPx = even(working.heightPx);
  // A silhouette is always grey, as its still is; an illustration follows the profile's greyscale.
  const drawn = style === 'silhouette' ? silhouetteSteps() : illustrationSteps(greyscale);
  return { description: `fps=${VEILED_VIDEO_FPS},scale=${widthPx}:${heightPx}:flags=area,${drawn},format=yuv420p`, widthPx, heightPx };
}

/**
 * The FFmpeg filter graph of a profile for a `video.widthPx` × `video.heightPx` stream: fewer
 * frames, scaled down to the detail the style and level leave, drawn in the style. A level of
 * 'off' is unfiltered in every style, as for images. Sizes are even, as VP8's 4:2:0 needs.
 */
export function veiledFilterGraph(video: { widthPx: number; heightPx: number }, profile: VeiledProfile): VeiledFilterGraph {
  const style = profile.style ?? 'blur';
  if (style !== 'blur' && profile.blur !== 'off') return reducedDetailGraph(video, style, profile.blur, profile.greyscale);
  const plan = planDerivative(video.widthPx, video.heightPx, VEILED_VIDEO_LONG_EDGE_PX, profile.blur);
  const widthPx = even(plan.widthPx);
  const heightPx = even(plan.heightPx);
  const steps = [`fps=${VEILED_VIDEO_FPS}`, `scale=${widthPx}:${heightPx}:flags=area`];
  if (profile.greyscale) steps.push('format=gray');
  if (plan.blur.method !== 'none') steps.push(`gblur=sigma=${plan.blur.sigmaPx.toFixed(2)}`);
  steps.push('format=yuv420p');
  return { description: steps.join(','), widthPx, heightPx };
}
