import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { containedBox, spotlightRadiusPx } from './spotlight-geometry';
import { isViewerKey } from './key-scope';

export interface SpotlightCircle {
  xPx: number;
  yPx: number;
  radiusPx: number;
}

interface Hold extends SpotlightCircle {
  source: 'key' | 'pointer';
}

interface ClientPoint {
  clientX: number;
  clientY: number;
}

export interface SpotlightHoldOptions {
  /** The element both pictures fill; circle coordinates are relative to it. */
  stage: HTMLElement | null;
  /** The veiled picture, for its natural size (the circle scales with what is shown). */
  picture: HTMLImageElement | null;
  radiusPct: number;
  /** Where R is listened for. */
  keyScope: HTMLElement | null;
  enabled: boolean;
}

function circleAt(stage: HTMLElement, picture: HTMLImageElement | null, radiusPct: number, point: ClientPoint | null): SpotlightCircle {
  const rect = stage.getBoundingClientRect();
  const fitted = containedBox({ widthPx: rect.width, heightPx: rect.height }, { widthPx: picture?.naturalWidth ?? 0, heightPx: picture?.naturalHeight ?? 0 });
  return {
    xPx: point ? point.clientX - rect.left : fitted.leftPx + fitted.widthPx / 2,
    yPx: point ? point.clientY - rect.top : fitted.topPx + fitted.heightPx / 2,
    radiusPx: spotlightRadiusPx(fitted, radiusPct),
  };
}

function isRevealKey(event: KeyboardEvent): boolean {
  return (event.key === 'r' || event.key === 'R') && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * Hold-to-reveal. The spotlight exists only while the R key is held, or while the
 * primary pointer is pressed on the picture WITH Shift held: an ordinary click or tap
 * never reveals. Releasing, leaving the window or hiding the page ends it at once.
 */
export function useSpotlightHold({ stage, picture, radiusPct, keyScope, enabled }: SpotlightHoldOptions) {
  const [hold, setHold] = useState<Hold | null>(null);
  const lastPointRef = useRef<ClientPoint | null>(null);

  useEffect(() => {
    if (!stage || !enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isRevealKey(event) || !isViewerKey(event, keyScope)) return;
      event.preventDefault();
      if (event.repeat) return;
      setHold({ ...circleAt(stage, picture, radiusPct, lastPointRef.current), source: 'key' });
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === 'r' || event.key === 'R') setHold((prev) => (prev?.source === 'key' ? null : prev));
    };
    const endAll = () => setHold(null);
    const onVisibility = () => {
      if (document.hidden) endAll();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', endAll);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', endAll);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [stage, picture, radiusPct, keyScope, enabled]);

  const endPointerHold = () => setHold((prev) => (prev?.source === 'pointer' ? null : prev));

  const pointerHandlers = {
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const point = { clientX: event.clientX, clientY: event.clientY };
      lastPointRef.current = point;
      if (!stage) return;
      setHold((prev) => (prev ? { ...circleAt(stage, picture, radiusPct, point), source: prev.source } : prev));
    },
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (!enabled || !stage || !event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      stage.setPointerCapture?.(event.pointerId);
      const point = { clientX: event.clientX, clientY: event.clientY };
      lastPointRef.current = point;
      setHold({ ...circleAt(stage, picture, radiusPct, point), source: 'pointer' });
    },
    onPointerUp: endPointerHold,
    onPointerCancel: endPointerHold,
    onLostPointerCapture: endPointerHold,
  };

  return { spotlight: enabled ? hold : null, pointerHandlers };
}
