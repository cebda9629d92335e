import { useRef, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';

export interface VideoTimelineProps {
  timeSec: number;
  durationSec: number;
  label: string;
  /** The position in words, e.g. "1:05 of 3:20" ("1:05 sur 3:20"). */
  valueText: string;
  onSeek: (timeSec: number) => void;
  onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => void;
}

/**
 * The scrubber: a slider laid over the storyboard strip (see video-controls.css), so the
 * filtered frames are its track and the playhead runs across them. Only the rail along its
 * bottom edge takes the pointer; the frames above it stay the storyboard's own buttons.
 * Its keys (arrows, Page Up/Down, Home/End) come from the player's key map.
 */
export function VideoTimeline({ timeSec, durationSec, label, valueText, onSeek, onKeyDown }: VideoTimelineProps) {
  const railRef = useRef<HTMLDivElement | null>(null);
  const draggingRef = useRef(false);
  const endDrag = () => {
    draggingRef.current = false;
  };
  const known = durationSec > 0;
  const fraction = known ? Math.min(1, Math.max(0, timeSec / durationSec)) : 0;
  const percent = `${(fraction * 100).toFixed(2)}%`;

  const seekToPointer = (event: ReactPointerEvent<HTMLDivElement>) => {
    const rail = railRef.current;
    if (!rail || !known) return;
    const box = rail.getBoundingClientRect();
    if (box.width <= 0) return;
    onSeek(Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) * durationSec);
  };

  return (
    <div
      className="video-timeline"
      role="slider"
      tabIndex={known ? 0 : -1}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.round(durationSec * 10) / 10}
      aria-valuenow={Math.round(Math.min(timeSec, durationSec) * 10) / 10}
      aria-valuetext={valueText}
      aria-disabled={!known}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
    >
      <div className="video-timeline-played" style={{ width: percent }} aria-hidden="true" />
      <div className="video-timeline-head" style={{ left: percent }} aria-hidden="true" />
      <div
        ref={railRef}
        className="video-timeline-rail"
        aria-hidden="true"
        onPointerDown={(event) => {
          draggingRef.current = true;
          // jsdom has no pointer capture; a browser keeps the drag on the rail with it.
          if ('setPointerCapture' in event.currentTarget) event.currentTarget.setPointerCapture(event.pointerId);
          seekToPointer(event);
        }}
        onPointerMove={(event) => {
          if (draggingRef.current) seekToPointer(event);
        }}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onLostPointerCapture={endDrag}
      >
        <div className="video-timeline-thumb" style={{ left: percent }} />
      </div>
    </div>
  );
}
