import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlurLevel } from '../../../shared/media/filter-profile.js';
import { STORYBOARD_COLUMNS, STORYBOARD_FRAME_COUNT, storyboardTimes } from '../../../shared/media/storyboard.js';
import { formatClock } from '../../i18n/format';
import { veiledFilter } from '../exposure/screen-state';
import { useReportShownItem } from '../exposure/use-report-surface';

/** Width of each frame's canvas in canvas pixels; the height follows the grid's tiles. */
const STORYBOARD_FRAME_WIDTH_PX = 160;
const DEFAULT_FRAME_HEIGHT_PX = 90;

/**
 * Copies tile `index` of the worker's grid image into the canvas. The grid is already
 * greyscale and blurred in its pixels (electron/media-worker/video-storyboard.ts), so the
 * canvas applies no filter of its own.
 */
function drawTile(canvas: HTMLCanvasElement, grid: HTMLImageElement, index: number): boolean {
  const rows = Math.ceil(STORYBOARD_FRAME_COUNT / STORYBOARD_COLUMNS);
  const tileWidthPx = grid.naturalWidth / STORYBOARD_COLUMNS;
  const tileHeightPx = grid.naturalHeight / rows;
  if (tileWidthPx <= 0 || tileHeightPx <= 0) return false;
  const widthPx = STORYBOARD_FRAME_WIDTH_PX;
  const heightPx = Math.round((widthPx * tileHeightPx) / tileWidthPx);
  canvas.width = widthPx;
  canvas.height = heightPx;
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  const column = index % STORYBOARD_COLUMNS;
  const row = Math.floor(index / STORYBOARD_COLUMNS);
  ctx.drawImage(grid, column * tileWidthPx, row * tileHeightPx, tileWidthPx, tileHeightPx, 0, 0, widthPx, heightPx);
  return true;
}

const createDetachedImage = () => new Image();

export interface StoryboardProps {
  /** The media route's storyboard of the item (`kind: 'storyboard'`), filtered by the worker. */
  url: string;
  /** The item shown, for the exposure report once a frame is drawn. */
  itemId: string;
  /** The profile the grid was made with, for the exposure report. */
  greyscale: boolean;
  blur: BlurLevel;
  /** The video's duration, from the player: it places the frames' times (0 while unknown). */
  durationSec: number;
  onSeek: (timeSec: number) => void;
  /** Makes the grid's loader; a detached image by default (never in the layout). Tests inject theirs. */
  createImage?: () => HTMLImageElement;
}

/**
 * Nine filtered stills of a video, for finding a scene without playing it. The media worker
 * decodes and filters them (the renderer never seeks the original for them) and sends one
 * grid image, which a detached <img> loads and each canvas shows a tile of.
 */
export function Storyboard({ url, itemId, greyscale, blur, durationSec, onSeek, createImage = createDetachedImage }: StoryboardProps) {
  const { t } = useTranslation();
  const canvasesRef = useRef<(HTMLCanvasElement | null)[]>([]);
  const [paintedCount, setPaintedCount] = useState(0);
  const times = storyboardTimes(durationSec, STORYBOARD_FRAME_COUNT);
  useReportShownItem('storyboard', paintedCount > 0 ? itemId : null, veiledFilter({ greyscale, blur }));

  useEffect(() => {
    const grid = createImage();
    let released = false;
    const onLoad = () => {
      if (released) return;
      let painted = 0;
      canvasesRef.current.forEach((canvas, i) => {
        if (canvas && drawTile(canvas, grid, i)) painted += 1;
      });
      setPaintedCount(painted);
    };
    grid.addEventListener('load', onLoad);
    grid.src = url;
    return () => {
      released = true;
      grid.removeEventListener('load', onLoad);
      grid.removeAttribute('src');
    };
  }, [url, createImage]);

  return (
    <section className="storyboard" aria-labelledby="storyboard-title">
      <h3 id="storyboard-title" className="storyboard-title">
        {t('video.storyboard')}
      </h3>
      <ol className="storyboard-frames" aria-busy={paintedCount === 0 || times.length === 0}>
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
