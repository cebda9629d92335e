import { useEffect, useRef, useState } from 'react';
import { useReportThumbnail } from '../exposure/use-report-surface';
import type { ThumbnailReleaser } from './thumbnail-release';

/**
 * How long a tile mounted during a scroll must stay on screen before its picture is
 * requested. A fling through a 100,000-item case then costs no requests for the rows that
 * only flash past (they would otherwise queue thousands of derivatives ahead of the rows
 * the user stops on). A tile mounted while nothing scrolls (the first screen) asks at once.
 */
export const THUMB_REQUEST_DELAY_MS = 120;

export interface ThumbnailProps {
  url: string;
  /** Grid position and item, for the exposure report once the picture is painted. */
  index: number;
  itemId: string;
  onFailed: () => void;
  /** 0 requests the picture with the first render. */
  requestDelayMs?: number;
  /** Told when the tile goes before its picture came, so the main side drops the job. */
  releaser?: ThumbnailReleaser;
}

/**
 * A pre-filtered thumbnail. It is rendered only once its URL is known and the tile has
 * settled on screen, and it stays invisible over a neutral placeholder until it has
 * fully loaded, so a half-decoded picture never shows. Remount it (key) when the URL changes.
 */
export function Thumbnail({ url, index, itemId, onFailed, requestDelayMs = THUMB_REQUEST_DELAY_MS, releaser }: ThumbnailProps) {
  // Only the delay at mount counts: a scroll starting later does not take a request back.
  const [delayAtMountMs] = useState(requestDelayMs);
  const [requested, setRequested] = useState(delayAtMountMs <= 0);
  const [loaded, setLoaded] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const loadedRef = useRef(false);
  useReportThumbnail(index, itemId, loaded);

  useEffect(() => {
    if (requested) return undefined;
    const timer = window.setTimeout(() => setRequested(true), delayAtMountMs);
    return () => window.clearTimeout(timer);
  }, [requested, delayAtMountMs]);

  useEffect(() => {
    if (!releaser) return undefined;
    releaser.track(itemId);
    return () => releaser.untrack(itemId, loadedRef.current);
  }, [releaser, itemId]);

  const onLoad = () => {
    loadedRef.current = true;
    setLoaded(true);
  };
  const onError = () => {
    // The item left the screen a moment ago and came back: the release may have cancelled this very request.
    if (attempt === 0 && releaser?.releasedRecently(itemId)) setAttempt(1);
    else onFailed();
  };

  return (
    <>
      {!loaded && <span className="tile-placeholder" aria-hidden="true" />}
      {requested && (
        <img
          key={attempt}
          className={loaded ? 'tile-img is-loaded' : 'tile-img'}
          src={url}
          alt=""
          draggable={false}
          decoding="async"
          onLoad={onLoad}
          onError={onError}
        />
      )}
    </>
  );
}
