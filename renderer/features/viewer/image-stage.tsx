import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useMediaVisible } from '../../media-visibility/media-visibility';
import { spotlightClipPath } from './spotlight-geometry';
import { useSpotlightHold } from './use-spotlight-hold';

const preventMenu = (event: { preventDefault(): void }) => event.preventDefault();

/**
 * The unblurred picture, stacked exactly over the veiled one. It loads hidden and
 * underneath, and is put on top only once fully loaded, so the reveal never shows a
 * partial or unfiltered-before-ready frame. Unmounting it removes it at once.
 */
function RevealLayer({ url, clipPath }: { url: string; clipPath: string | undefined }) {
  const [ready, setReady] = useState(false);
  return (
    <img
      className={ready ? 'viewer-img reveal-layer is-ready' : 'viewer-img reveal-layer'}
      src={url}
      alt=""
      draggable={false}
      style={clipPath ? { clipPath } : undefined}
      onLoad={() => setReady(true)}
      onContextMenu={preventMenu}
    />
  );
}

/** The filtered picture, invisible over a neutral placeholder until it has loaded. */
interface VeiledPictureProps {
  url: string;
  alt: string;
  /** Receives the element, for its natural size. */
  onElement: (img: HTMLImageElement | null) => void;
  onFailed: () => void;
}

function VeiledPicture({ url, alt, onElement, onFailed }: VeiledPictureProps) {
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      {!loaded && <div className="stage-placeholder" aria-hidden="true" />}
      <img
        ref={onElement}
        className={loaded ? 'viewer-img veiled-layer is-loaded' : 'viewer-img veiled-layer'}
        src={url}
        alt={alt}
        draggable={false}
        onLoad={() => setLoaded(true)}
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
  const [stage, setStage] = useState<HTMLDivElement | null>(null);
  const [picture, setPicture] = useState<HTMLImageElement | null>(null);
  const { spotlight, pointerHandlers } = useSpotlightHold({
    stage,
    picture,
    radiusPct: settings.spotlightRadiusPct,
    keyScope,
    enabled: visible,
  });

  const profile = settings.defaultProfile;
  const veiledUrl = client.mediaUrl({ itemId: item.id, kind: 'view', greyscale: profile.greyscale, blur: profile.blur });
  const revealing = visible && (revealedWhole || spotlight !== null);
  const revealUrl = revealing
    ? client.mediaUrl({ itemId: item.id, kind: 'view', greyscale: !settings.revealInColour, blur: 'off' })
    : null;
  const clipPath = !revealedWhole && spotlight ? spotlightClipPath(spotlight.xPx, spotlight.yPx, spotlight.radiusPx) : undefined;

  return (
    <div ref={setStage} className="image-stage" {...pointerHandlers}>
      {visible ? (
        <VeiledPicture url={veiledUrl} alt={item.name} onElement={setPicture} onFailed={onPictureFailed} />
      ) : (
        <div className="stage-placeholder" aria-hidden="true" />
      )}
      {revealUrl && <RevealLayer url={revealUrl} clipPath={clipPath} />}
      {spotlight && !revealedWhole && (
        <span className="visually-hidden" role="status">
          {t('viewer.spotlight')}
        </span>
      )}
    </div>
  );
}
