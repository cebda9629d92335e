import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cssFilterFor, type BlurLevel, type FilterProfile } from '../../../shared/media/filter-profile.js';
import { formatClock } from '../../i18n/format';
import { veiledFilter } from '../exposure/screen-state';
import { useReportShownItem } from '../exposure/use-report-surface';

const STORYBOARD_FRAME_COUNT = 9;
/** Width of each frame's canvas in canvas pixels; the height follows the video's aspect. */
const STORYBOARD_FRAME_WIDTH_PX = 160;
const DEFAULT_FRAME_HEIGHT_PX = 90;

/** Evenly spaced frame times in seconds, centred in equal slices of the video (never 0 or the end). */
export function storyboardTimes(durationSec: number, count: number): number[] {
  if (!Number.isFinite(durationSec) || durationSec <= 0 || count <= 0) return [];
  return Array.from({ length: count }, (_, i) => ((i + 0.5) * durationSec) / count);
}

/**
 * Draws the video's current frame into the canvas through the profile's filter. The
 * filter is set BEFORE drawImage, and when the canvas cannot filter (ctx.filter not
 * supported) nothing is drawn: an unfiltered frame is never put on screen.
 */
function drawFilteredFrame(canvas: HTMLCanvasElement, video: HTMLVideoElement, profile: Pick<FilterProfile, 'greyscale' | 'blur'>): boolean {
  const widthPx = STORYBOARD_FRAME_WIDTH_PX;
  const heightPx = video.videoWidth > 0 && video.videoHeight > 0 ? Math.round((widthPx * video.videoHeight) / video.videoWidth) : DEFAULT_FRAME_HEIGHT_PX;
  canvas.width = widthPx;
  canvas.height = heightPx;
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  const filter = cssFilterFor(profile, Math.max(widthPx, heightPx));
  ctx.filter = filter;
  if (filter !== 'none' && ctx.filter === 'none') return false;
  ctx.drawImage(video, 0, 0, widthPx, heightPx);
  return true;
}

const createDetachedVideo = () => document.createElement('video');

export interface StoryboardProps {
  url: string;
  /** The item shown, for the exposure report once a frame is drawn. */
  itemId: string;
  greyscale: boolean;
  blur: BlurLevel;
  onSeek: (timeSec: number) => void;
  /** Makes the frame source; a detached element by default (never in the layout). Tests inject theirs. */
  createVideo?: () => HTMLVideoElement;
}

/**
 * Nine filtered stills of a video, for finding a scene without playing it. A second,
 * detached, muted <video> seeks to each time and the frame is painted to a canvas with
 * the filter applied while drawing; the canvases are the only visible output.
 */
export function Storyboard({ url, itemId, greyscale, blur, onSeek, createVideo = createDetachedVideo }: StoryboardProps) {
  const { t } = useTranslation();
  const canvasesRef = useRef<(HTMLCanvasElement | null)[]>([]);
  const [times, setTimes] = useState<readonly number[]>([]);
  const [drawnCount, setDrawnCount] = useState(0);
  // Frames actually painted (a canvas that cannot filter stays blank and does not count).
  const [paintedCount, setPaintedCount] = useState(0);
  useReportShownItem('storyboard', paintedCount > 0 ? itemId : null, veiledFilter({ greyscale, blur }));

  useEffect(() => {
    const profile: Pick<FilterProfile, 'greyscale' | 'blur'> = { greyscale, blur };
    const video = createVideo();
    video.muted = true;
    video.defaultMuted = true;
    video.preload = 'auto';
    video.playsInline = true;
    let frameTimes: number[] = [];
    let next = 0;
    let released = false;

    const release = () => {
      if (released) return;
      released = true;
      video.removeEventListener('loadedmetadata', onMetadata);
      video.removeEventListener('seeked', onSeeked);
      video.pause();
      video.removeAttribute('src');
      video.load();
    };
    const seekNext = () => {
      const time = frameTimes[next];
      if (time === undefined) release();
      else video.currentTime = time;
    };
    function onMetadata() {
      frameTimes = storyboardTimes(video.duration, STORYBOARD_FRAME_COUNT);
      setTimes(frameTimes);
      seekNext();
    }
    function onSeeked() {
      const canvas = canvasesRef.current[next];
      if (canvas && drawFilteredFrame(canvas, video, profile)) setPaintedCount((count) => count + 1);
      next += 1;
      setDrawnCount(next);
      seekNext();
    }
    video.addEventListener('loadedmetadata', onMetadata);
    video.addEventListener('seeked', onSeeked);
    video.src = url;
    return release;
  }, [url, greyscale, blur, createVideo]);

  return (
    <section className="storyboard" aria-labelledby="storyboard-title">
      <h3 id="storyboard-title" className="storyboard-title">
        {t('video.storyboard')}
      </h3>
      <ol className="storyboard-frames" aria-busy={drawnCount < times.length || times.length === 0}>
        {Array.from({ length: STORYBOARD_FRAME_COUNT }, (_, i) => {
          const time = times[i];
          return (
            <li key={i}>
              <button
                type="button"
                className="storyboard-frame"
                aria-label={t('video.frame', { time: formatClock(time ?? 0) })}
                disabled={time === undefined}
                onClick={() => {
                  if (time !== undefined) onSeek(time);
                }}
              >
                <canvas
                  ref={(canvas) => {
                    canvasesRef.current[i] = canvas;
                  }}
                  width={STORYBOARD_FRAME_WIDTH_PX}
                  height={DEFAULT_FRAME_HEIGHT_PX}
                  aria-hidden="true"
                />
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
