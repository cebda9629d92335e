import { useCallback, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { RevealMode } from '../../../shared/exposure/visibility-report.js';
import { cssFilterFor, type FilterProfile } from '../../../shared/media/filter-profile.js';
import { VEILED_VIDEO_FPS, veiledUrlFrom } from '../../../shared/media/veiled-start.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { measureClientHeight, measureClientWidth, useElementMeasure } from '../../hooks/use-element-measure';
import { useMediaVisible } from '../../media-visibility/media-visibility';
import { useReportShownItem, useReportVideo } from '../exposure/use-report-surface';
import { useWellbeing } from '../wellbeing/wellbeing-provider';
import { containedBox, type Box } from './spotlight-geometry';
import { Storyboard } from './storyboard';
import { usePictureProps, VideoControls } from './video-controls';
import { canSeekTo, isAt, startFor } from './veiled-seek';

/**
 * Long edge assumed before the stage has been measured. Blur grows with the long edge,
 * so guessing large errs on the side of more blur, never less.
 */
export const UNMEASURED_LONG_EDGE_PX = 2048;

/**
 * The long edge of the picture as displayed: the video's own frame fitted into the
 * element (object-fit: contain) once its size is known, else the element's long edge,
 * else a large guess. Each fallback is at least as large as the true value, so the
 * blur it gives is never weaker.
 */
export function displayedLongEdgePx(frame: Box, natural: Box | null): number {
  const frameLongEdgePx = Math.max(frame.widthPx, frame.heightPx);
  if (frameLongEdgePx <= 0) return UNMEASURED_LONG_EDGE_PX;
  if (!natural || natural.widthPx <= 0 || natural.heightPx <= 0) return frameLongEdgePx;
  const fitted = containedBox(frame, natural);
  return Math.max(fitted.widthPx, fitted.heightPx);
}

const preventMenu = (event: { preventDefault(): void }) => event.preventDefault();

/** Mutes an element both ways (property and attribute) the moment it exists, before any data. */
function forceMuted(video: HTMLVideoElement): void {
  video.muted = true;
  video.defaultMuted = true;
  video.setAttribute('muted', '');
}

interface PlayerProps {
  url: string;
  itemId: string;
  /** The profile the video is shown with now (the veil, or the reveal's). */
  shown: FilterProfile;
  /** 'whole' while the Reveal timer runs (the filter above is then the reveal's). */
  reveal: RevealMode;
  storyboardProfile: FilterProfile;
  /** The worker's filtered storyboard of the item (the renderer never seeks the original for it). */
  storyboardUrl: string;
  resumeAtRef: RefObject<number>;
  /** Whether the last player was playing when it went. */
  resumePlayingRef: RefObject<boolean>;
  /** This player replaces one on screen (veiled ↔ original): it plays on if that one was playing. After a hide it never does. */
  swapped: boolean;
  /** The video could not be played: the viewer asks the back end why and shows the reason in its place. */
  onFailed: () => void;
}

/**
 * The <video> and our own controls. It is mounted only while media is visible; hiding
 * unmounts it (pausing first), and the position is kept for when it comes back.
 */
function VideoPlayer({ url, itemId, shown, reveal, storyboardProfile, storyboardUrl, resumeAtRef, resumePlayingRef, swapped, onFailed }: PlayerProps) {
  const { t } = useTranslation();
  const [playOnLoad] = useState(swapped);
  // Only the veiled derivative is ever a stream that cannot seek (the original is served with ranges): past what it
  // has, the player asks for one that starts at the time wanted (its timestamps start there: Chromium's currentTime
  // is the original's, docs/decisions/video-engine.md "Seeking"). Coming back from a reveal starts there at once.
  const veiled = url.includes('/veiled?');
  // Undefined until the element is attached: only then is the position the last player left known (its ref is let go first).
  const [fromSec, setFromSec] = useState<number | null | undefined>(undefined);
  const src = fromSec === undefined ? undefined : fromSec === null ? url : veiledUrlFrom(url, fromSec);
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [natural, setNatural] = useState<Box | null>(null);
  const frameWidthPx = useElementMeasure(frame, measureClientWidth);
  const frameHeightPx = useElementMeasure(frame, measureClientHeight);
  // An illustration or a silhouette is drawn in the derivative's own pixels, as a still's is: a CSS blur on top would
  // smear its flat tones and outlines back into a blur, unlike the storyboard and stills of the same style.
  const cssProfile: Pick<FilterProfile, 'greyscale' | 'blur'> = shown.style === 'blur' ? shown : { greyscale: shown.greyscale, blur: 'off' };
  const filter = cssFilterFor(cssProfile, displayedLongEdgePx({ widthPx: frameWidthPx, heightPx: frameHeightPx }, natural));
  const videoRef = useRef<HTMLVideoElement | null>(null);
  // Where the player goes once the element can take it: a move before its metadata would be clamped to [0, 0] by a
  // stream that cannot seek, and a relative jump then starts from here, not from the emptied element's 0.
  const wantedSecRef = useRef<number | null>(null);
  const positionSec = useCallback(() => wantedSecRef.current ?? videoRef.current?.currentTime ?? 0, []);
  const [videoElement, setVideoElement] = useState<HTMLVideoElement | null>(null);
  const pictureProps = usePictureProps();
  const [ready, setReady] = useState(false);
  // Set when loading starts (after the status region is in the page), so screen readers announce its words.
  const [loading, setLoading] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [muted, setMuted] = useState(true);
  const [volume, setVolume] = useState(1);
  const [timeSec, setTimeSec] = useState(0);
  const [durationSec, setDurationSec] = useState(0);
  // Painted from the first decoded frame; heard only when playing, unmuted and not at zero volume.
  useReportShownItem('viewer', ready ? itemId : null, { greyscale: shown.greyscale, blur: shown.blur, reveal });
  useReportVideo(true, playing, !muted && volume > 0);
  // A paused or finished video is a natural place for a due break to start.
  const reportItemBoundary = useWellbeing()?.reportItemBoundary;

  const attachVideo = useCallback(
    (video: HTMLVideoElement | null) => {
      videoRef.current = video;
      setVideoElement(video);
      if (!video) return undefined;
      forceMuted(video);
      const resumeAtSec = resumeAtRef.current;
      wantedSecRef.current = resumeAtSec > 0 ? resumeAtSec : null;
      setFromSec(veiled && resumeAtSec > 0 ? resumeAtSec : null);
      return () => {
        resumeAtRef.current = wantedSecRef.current ?? video.currentTime;
        resumePlayingRef.current = !video.paused && !video.ended;
        video.pause();
        // A <video> taken out of the page keeps loading its src (Chromium asked the original for more bytes after End
        // reveal, e2e veiled-video.test.ts): letting go of the src stops that, so no original reaches the renderer once veiled.
        video.removeAttribute('src');
        video.load();
        videoRef.current = null;
      };
    },
    [resumeAtRef, resumePlayingRef, veiled],
  );

  const togglePlay = () => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) video.play().catch(() => setPlaying(false));
    else video.pause();
  };
  const toggleMute = () => {
    const video = videoRef.current;
    if (video) video.muted = !video.muted;
  };
  const moveTo = (video: HTMLVideoElement, sec: number) => {
    if (!veiled || canSeekTo(video, sec, fromSec ?? 0)) {
      video.currentTime = sec;
      setTimeSec(sec);
      return;
    }
    const startSec = sec > 0 ? startFor(sec, video.duration) : null;
    // This stream starts there already, as near as the derivative can.
    if (startSec === fromSec) return;
    // A derivative that starts there, made now (and it plays on if this one played).
    wantedSecRef.current = startSec ?? 0;
    resumePlayingRef.current = !video.paused;
    setReady(false);
    setTimeSec(startSec ?? 0);
    setFromSec(startSec);
  };
  const seek = (sec: number) => {
    const video = videoRef.current;
    if (!video) return;
    if (video.readyState !== HTMLMediaElement.HAVE_NOTHING) {
      moveTo(video, sec);
      return;
    }
    wantedSecRef.current = sec;
    setTimeSec(sec);
  };

  return (
    <>
      <div ref={setFrame} className="video-frame" {...pictureProps}>
        {/* No `controls` (native ones would bypass the veil), no autoplay, muted. The filter is set before `src`. */}
        <video
          ref={attachVideo}
          className="viewer-video"
          style={{ filter, visibility: ready ? 'visible' : 'hidden' }}
          preload="metadata"
          playsInline
          disablePictureInPicture
          disableRemotePlayback
          src={src}
          onLoadedMetadata={(event) => {
            const video = event.currentTarget;
            setDurationSec(Number.isFinite(video.duration) ? video.duration : 0);
            setNatural({ widthPx: video.videoWidth, heightPx: video.videoHeight });
            const wantedSec = wantedSecRef.current;
            wantedSecRef.current = null;
            // A derivative from a time starts there already; the whole one (when the store still has it) is moved there.
            if (wantedSec !== null && !isAt(video, wantedSec)) moveTo(video, wantedSec);
            // A derivative from a time starts there without a timeupdate (Chromium fires none for a paused element's
            // start position): the slider and the time shown would stay at the emptied element's 0.
            else setTimeSec(video.currentTime);
          }}
          onLoadedData={(event) => {
            setReady(true);
            const video = event.currentTarget;
            setTimeSec(video.currentTime);
            if ((playOnLoad || typeof fromSec === 'number') && resumePlayingRef.current) video.play().catch(() => setPlaying(false));
            resumePlayingRef.current = false;
          }}
          onPlay={() => setPlaying(true)}
          onPause={() => {
            setPlaying(false);
            reportItemBoundary?.();
          }}
          onEnded={() => {
            setPlaying(false);
            reportItemBoundary?.();
          }}
          onVolumeChange={(event) => {
            setMuted(event.currentTarget.muted);
            setVolume(event.currentTarget.volume);
          }}
          // Loading a derivative from a time empties the element first (a timeupdate at 0): the slider stays where it is going.
          onTimeUpdate={(event) => setTimeSec(wantedSecRef.current ?? event.currentTarget.currentTime)}
          onSeeked={(event) => setTimeSec(wantedSecRef.current ?? event.currentTarget.currentTime)}
          onLoadStart={() => setLoading(true)}
          onError={onFailed}
          onContextMenu={preventMenu}
        />
        {/* Always in the page, so the change of its words is announced; the worker may take seconds to make the first frames. */}
        <p className="video-preparing" role="status">
          {ready || !loading ? '' : t(url.includes('/veiled?') ? 'videoControls.preparingVeiled' : 'videoControls.preparingOriginal')}
        </p>
      </div>
      <VideoControls
        video={videoElement}
        picture={frame}
        playing={playing}
        muted={muted}
        timeSec={timeSec}
        durationSec={durationSec}
        onTogglePlay={togglePlay}
        onToggleMute={toggleMute}
        onSeek={seek}
        positionSec={positionSec}
        frameDurationSec={veiled ? 1 / VEILED_VIDEO_FPS : undefined}
      />
      <Storyboard
        // A new filter draws a new storyboard: no frame may stay under a weaker filter.
        key={storyboardUrl}
        url={storyboardUrl}
        itemId={itemId}
        greyscale={storyboardProfile.greyscale}
        blur={storyboardProfile.blur}
        durationSec={durationSec}
        onSeek={seek}
      />
    </>
  );
}

export interface VideoStageProps {
  item: MediaItem;
  settings: Settings;
  /** The Reveal button's timer is running: blur lifts, greyscale stays unless colour reveals are on. */
  revealedWhole: boolean;
  onPictureFailed: () => void;
}

/**
 * A video in the viewer. Before a reveal it plays the veiled derivative the media worker
 * makes (grey, reduced and blurred in its pixels; no sound track); only a deliberate Reveal
 * asks for the original, at the same position, and hiding or the reveal's end goes back to
 * the derivative. The CSS filter sized to the displayed long edge stays on both (grey only on an
 * illustration or a silhouette, drawn in the derivative's pixels), set in the same render as
 * `src` (and the element stays invisible until its first frame is decoded).
 */
export function VideoStage({ item, settings, revealedWhole, onPictureFailed }: VideoStageProps) {
  const client = useVeil();
  const visible = useMediaVisible();
  const resumeAtRef = useRef(0);
  const resumePlayingRef = useRef(false);
  const veiled = settings.defaultProfile;
  const shown: FilterProfile = revealedWhole ? { greyscale: !settings.revealInColour, blur: 'off', style: 'blur' } : veiled;
  const url = revealedWhole
    ? client.mediaUrl({ itemId: item.id, kind: 'original', greyscale: veiled.greyscale, blur: veiled.blur })
    : client.mediaUrl({ itemId: item.id, kind: 'veiled', greyscale: veiled.greyscale, blur: veiled.blur, style: veiled.style });
  // Whether the player now mounting replaces one on screen (adjusted during render, React's pattern for a previous value).
  const [lastShown, setLastShown] = useState({ url, visible, swapped: false });
  if (lastShown.url !== url || lastShown.visible !== visible) setLastShown({ url, visible, swapped: visible && lastShown.visible && lastShown.url !== url });
  const storyboardUrl = client.mediaUrl({ itemId: item.id, kind: 'storyboard', greyscale: veiled.greyscale, blur: veiled.blur, style: veiled.style });

  return (
    <div className="video-stage">
      {visible ? (
        <VideoPlayer
          // A new player for the original or the derivative: the old one pauses and leaves its position behind.
          key={url}
          url={url}
          itemId={item.id}
          shown={shown}
          reveal={revealedWhole ? 'whole' : 'none'}
          storyboardProfile={veiled}
          storyboardUrl={storyboardUrl}
          resumeAtRef={resumeAtRef}
          resumePlayingRef={resumePlayingRef}
          swapped={lastShown.swapped}
          onFailed={onPictureFailed}
        />
      ) : (
        <div className="stage-placeholder" aria-hidden="true" />
      )}
    </div>
  );
}
