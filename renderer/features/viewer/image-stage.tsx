import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useMediaVisible } from '../../media-visibility/media-visibility';
import { shownPictureFilter } from '../exposure/screen-state';
import { useReportShownItem } from '../exposure/use-report-surface';
import { spotlightClipPath } from './spotlight-geometry';
import { useSpotlightHold } from './use-spotlight-hold';

const preventMenu = (event: { preventDefault(): void }) => event.preventDefault();

interface RevealLayerProps {
  url: string;
  clipPath: string | undefined;
  /** True once the layer is on top (loaded), false again when it is removed. */
  onReadyChange: (ready: boolean) => void;
}

/**
 * The unblurred picture, stacked exactly over the veiled one. It loads hidden and
 * underneath, and is put on top only once fully loaded, so the reveal never shows a
 * partial or unfiltered-before-ready frame. Unmounting it removes it at once.
 */
function RevealLayer({ url, clipPath, onReadyChange }: RevealLayerProps) {
  const [ready, setReady] = useState(false);
  useEffect(() => () => onReadyChange(false), [onReadyChange]);
  return (
    <img
      className={ready ? 'viewer-img reveal-layer is-ready' : 'viewer-img reveal-layer'}
      src={url}
      alt=""
      draggable={false}
      style={clipPath ? { clipPath } : undefined}
      onLoad={() => {
        setReady(true);
        onReadyChange(true);
      }}
      onContextMenu={preventMenu}
    />
  );
}

interface VeiledPictureProps {
  url: string;
  alt: string;
  /** Holds the element, for its natural size. */
  pictureRef: Ref<HTMLImageElement>;
  /** The URL whose picture is painted, or null once the picture is removed. */
  onPainted: (url: string | null) => void;
  onFailed: () => void;
}

/** The filtered picture, invisible over a neutral placeholder until it has loaded. */
function VeiledPicture({ url, alt, pictureRef, onPainted, onFailed }: VeiledPictureProps) {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => () => onPainted(null), [onPainted]);
  return (
    <>
      {!loaded && <div className="stage-placeholder" aria-hidden="true" />}
      <img
        ref={pictureRef}
        className={loaded ? 'viewer-img veiled-layer is-loaded' : 'viewer-img veiled-layer'}
        src={url}
        alt={alt}
        draggable={false}
        onLoad={() => {
          setLoaded(true);
          onPainted(url);
        }}
        onError={onFailed}
        onContextMenu={preventMenu}
      />
    </>
  );
}

export interface ImageStageProps {
  item: MediaItem;
  settings: Settings;
  /** The whole item is revealed (the Reveal button's timer is running). */
  revealedWhole: boolean;
  keyScope: HTMLElement | null;
  onPictureFailed: () => void;
}

/**
 * An image in the viewer: the filtered `view` derivative, with hold-to-reveal (a
 * circle around the pointer) and whole-item reveal on top. The unblurred derivative is
 * requested only when a reveal begins; colour stays off unless the settings allow it.
 */
export function ImageStage({ item, settings, revealedWhole, keyScope, onPictureFailed }: ImageStageProps) {
  const { t } = useTranslation();
  const client = useVeil();
  const visible = useMediaVisible();
  const stageRef = useRef<HTMLDivElement>(null);
  const pictureRef = useRef<HTMLImageElement>(null);
  // What is painted, for the exposure report: a new URL counts only from its own load.
  const [paintedUrl, setPaintedUrl] = useState<string | null>(null);
  const [revealReady, setRevealReady] = useState(false);
  const profile = settings.defaultProfile;
  const veiledUrl = client.mediaUrl({ itemId: item.id, kind: 'view', greyscale: profile.greyscale, blur: profile.blur, style: profile.style });
  const { spotlight, pointerHandlers } = useSpotlightHold({
    stageRef,
    pictureRef,
    pictureUrl: veiledUrl,
    radiusPct: settings.spotlightRadiusPct,
    keyScope,
    enabled: visible,
  });
  const revealing = visible && (revealedWhole || spotlight !== null);
  const revealUrl = revealing ? client.mediaUrl({ itemId: item.id, kind: 'view', greyscale: !settings.revealInColour, blur: 'off' }) : null;
  const clipPath = !revealedWhole && spotlight ? spotlightClipPath(spotlight.xPx, spotlight.yPx, spotlight.radiusPx) : undefined;

  const veiledPainted = visible && paintedUrl === veiledUrl;
  const revealPainted = revealUrl !== null && revealReady;
  const shownReveal = revealPainted ? (revealedWhole ? 'whole' : 'spotlight') : 'none';
  useReportShownItem('viewer', veiledPainted || revealPainted ? item.id : null, shownPictureFilter(profile, settings.revealInColour, shownReveal));

  return (
    <div ref={stageRef} className="image-stage" {...pointerHandlers}>
      {visible ? (
        <VeiledPicture key={veiledUrl} url={veiledUrl} alt={item.name} pictureRef={pictureRef} onPainted={setPaintedUrl} onFailed={onPictureFailed} />
      ) : (
        <div className="stage-placeholder" aria-hidden="true" />
      )}
      {revealUrl && <RevealLayer url={revealUrl} clipPath={clipPath} onReadyChange={setRevealReady} />}
      {spotlight && !revealedWhole && (
        <span className="visually-hidden" role="status">
          {t('viewer.spotlight')}
        </span>
      )}
    </div>
  );
}
