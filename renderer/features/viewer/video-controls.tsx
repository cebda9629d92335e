import { useCallback, useEffect, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, useFormatters } from '../../i18n/format';
import { clampTimeSec, formatPlaybackRate, stepPlaybackRate } from './playback-rate';
import { frameStepTargetSec, useFrameClock } from './use-frame-clock';
import { LONG_JUMP_SEC, SHORT_JUMP_SEC, videoCommandFor, type VideoCommand, type VideoKeyPlace } from './video-keys';
import { VideoTimeline } from './video-timeline';

export interface VideoControlsProps {
  video: HTMLVideoElement | null;
  /** The focusable frame around the <video>: the player's keys work there too (Space plays). */
  picture: HTMLElement | null;
  playing: boolean;
  muted: boolean;
  timeSec: number;
  durationSec: number;
  /** Play or pause (the player's own, which also handles a refused play()). */
  onTogglePlay: () => void;
  /** Mute or unmute: only ever called from the Mute/Unmute button, a deliberate act. */
  onToggleMute: () => void;
  /** Moves the position; the player may first have to load a seekable copy (a veiled video still being made). */
  onSeek?: (timeSec: number) => void;
  /** Where the player is, or is going once it has loaded: what a jump or a frame step starts from (else the element's time). */
  positionSec?: () => number;
  /** The video's frame length when known (the veiled derivative's); else a frame step measures it while playing. */
  frameDurationSec?: number;
}

/** Props that make the video's frame a focusable, named place for the player's keys. */
export function usePictureProps(): { tabIndex: 0; role: 'group'; 'aria-label': string } {
  const { t } = useTranslation();
  return { tabIndex: 0, role: 'group', 'aria-label': t('videoControls.picture') };
}

/**
 * The player's buttons and its timeline, each named, all driven by the same keys while
 * focus is in the player (`video-keys.ts`). They only move the position and the speed of
 * the <video>: what is painted and heard, and so the exposure report, still comes from the
 * element's own events in the stage.
 */
export function VideoControls({
  video,
  picture,
  playing,
  muted,
  timeSec,
  durationSec,
  onTogglePlay,
  onToggleMute,
  onSeek,
  positionSec,
  frameDurationSec,
}: VideoControlsProps) {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  const clock = useFrameClock(video, frameDurationSec);
  const [rate, setRate] = useState(1);
  // Said politely after a change the user made; empty at first so opening the player says nothing.
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!video) return undefined;
    const onRateChange = () => setRate(video.playbackRate);
    onRateChange();
    video.addEventListener('ratechange', onRateChange);
    return () => video.removeEventListener('ratechange', onRateChange);
  }, [video]);

  const seekTo = useCallback(
    (timeSec: number) => {
      if (!video) return;
      if (onSeek) onSeek(clampTimeSec(timeSec, durationSec));
      else video.currentTime = clampTimeSec(timeSec, durationSec);
    },
    [video, durationSec, onSeek],
  );

  const run = useCallback(
    (command: VideoCommand) => {
      if (!video) return;
      const fromSec = positionSec ? positionSec() : video.currentTime;
      switch (command.kind) {
        case 'toggle-play':
          onTogglePlay();
          return;
        case 'seek-by':
          seekTo(fromSec + command.deltaSec);
          return;
        case 'seek-to':
          seekTo(command.where === 'start' ? 0 : durationSec);
          return;
        case 'frame-step':
          // While playing there is no frame to step from: the picture moves on by itself.
          if (!video.paused) setAnnouncement(t('videoControls.pauseToStep'));
          else seekTo(frameStepTargetSec(fromSec, clock.current, command.direction));
          return;
        case 'rate-step': {
          const next = stepPlaybackRate(video.playbackRate, command.direction);
          video.playbackRate = next;
          setAnnouncement(t('videoControls.speedNow', { rate: formatPlaybackRate(next, locale) }));
          return;
        }
        case 'mute':
          video.muted = true;
          return;
      }
    },
    [video, durationSec, seekTo, clock, locale, t, onTogglePlay, positionSec],
  );

  const onKey = useCallback(
    (event: KeyboardEvent | ReactKeyboardEvent<HTMLElement>, place: VideoKeyPlace) => {
      const command = videoCommandFor(event, place);
      if (!command) return;
      // The viewer's ←/→ change item; in the player they move in the video instead.
      event.preventDefault();
      event.stopPropagation();
      run(command);
    },
    [run],
  );

  useEffect(() => {
    if (!picture) return undefined;
    const onPictureKey = (event: KeyboardEvent) => {
      if (event.target === picture) onKey(event, 'picture');
    };
    picture.addEventListener('keydown', onPictureKey);
    return () => picture.removeEventListener('keydown', onPictureKey);
  }, [picture, onKey]);

  const timeText = t('video.time', { current: formatClock(timeSec), duration: formatClock(durationSec) });
  const rateText = formatPlaybackRate(rate, locale);
  const button = (name: string, text: string, keys: string, command: VideoCommand, extra: { unavailable?: boolean } = {}) => (
    <button
      type="button"
      className="button video-control"
      aria-label={name}
      aria-keyshortcuts={keys}
      // aria-disabled, not disabled: focus must not fall out of the player (onto the viewer's ←/→) when play starts.
      aria-disabled={extra.unavailable ? true : undefined}
      onClick={() => run(command)}
    >
      <span aria-hidden="true">{text}</span>
    </button>
  );

  return (
    <>
      <div className="video-controls" onKeyDown={(event) => onKey(event, 'button')}>
        <button type="button" className="button video-control video-play" aria-keyshortcuts="K" onClick={onTogglePlay}>
          {playing ? t('video.pause') : t('video.play')}
        </button>
        {button(t('videoControls.back30'), t('videoControls.back30Short'), 'Shift+ArrowLeft PageDown', { kind: 'seek-by', deltaSec: -LONG_JUMP_SEC })}
        {button(t('videoControls.back5'), t('videoControls.back5Short'), 'ArrowLeft', { kind: 'seek-by', deltaSec: -SHORT_JUMP_SEC })}
        {button(t('videoControls.previousFrame'), t('videoControls.previousFrameShort'), ',', { kind: 'frame-step', direction: -1 }, { unavailable: playing })}
        {button(t('videoControls.nextFrame'), t('videoControls.nextFrameShort'), '.', { kind: 'frame-step', direction: 1 }, { unavailable: playing })}
        {button(t('videoControls.forward5'), t('videoControls.forward5Short'), 'ArrowRight', { kind: 'seek-by', deltaSec: SHORT_JUMP_SEC })}
        {button(t('videoControls.forward30'), t('videoControls.forward30Short'), 'Shift+ArrowRight PageUp', { kind: 'seek-by', deltaSec: LONG_JUMP_SEC })}
        <span className="video-speed-group">
          {button(t('videoControls.slower'), '−', '[', { kind: 'rate-step', direction: -1 })}
          <span className="video-speed">
            <span className="visually-hidden">{t('videoControls.speed')} </span>
            {rateText}
          </span>
          {button(t('videoControls.faster'), '+', ']', { kind: 'rate-step', direction: 1 })}
        </span>
        <button type="button" className="button video-control" onClick={onToggleMute}>
          {muted ? t('video.unmute') : t('video.mute')}
        </button>
        <span className="video-time" aria-hidden="true">
          {timeText}
        </span>
        <span className="visually-hidden" role="status">
          {announcement}
        </span>
      </div>
      <VideoTimeline
        timeSec={timeSec}
        durationSec={durationSec}
        label={t('video.position')}
        valueText={timeText}
        onSeek={seekTo}
        onKeyDown={(event) => onKey(event, 'slider')}
      />
    </>
  );
}
