import { useEffect, useState } from 'react';
import { useReportThumbnail } from '../exposure/use-report-surface';

/**
 * How long a tile must stay on screen before its picture is requested. A fling through
 * a 100,000-item case then costs no requests for the rows that only flash past (they
 * would otherwise queue thousands of derivatives ahead of the rows the user stops on).
 */
export const THUMB_REQUEST_DELAY_MS = 120;

export interface ThumbnailProps {
  url: string;
  /** Grid position and item, for the exposure report once the picture is painted. */
  index: number;
  itemId: string;
  onFailed: () => void;
}

/**
 * A pre-filtered thumbnail. It is rendered only once its URL is known and the tile has
 * settled on screen, and it stays invisible over a neutral placeholder until it has
 * fully loaded, so a half-decoded picture never shows. Remount it (key) when the URL changes.
 */
export function Thumbnail({ url, index, itemId, onFailed }: ThumbnailProps) {
  const [requested, setRequested] = useState(false);
  const [loaded, setLoaded] = useState(false);
  useReportThumbnail(index, itemId, loaded);

  useEffect(() => {
    const timer = window.setTimeout(() => setRequested(true), THUMB_REQUEST_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);

  return (
    <>
      {!loaded && <span className="tile-placeholder" aria-hidden="true" />}
      {requested && (
        <img
          className={loaded ? 'tile-img is-loaded' : 'tile-img'}
          src={url}
          alt=""
          draggable={false}
          decoding="async"
          onLoad={() => setLoaded(true)}
          onError={onFailed}
        />
      )}
    </>
  );
}
