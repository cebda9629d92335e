import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { containedBox, spotlightRadiusPx, stepWithinPicture } from './spotlight-geometry';
import { isSpotlightKey, spotlightBlocked } from './key-scope';

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
  /**
   * The element both pictures fill; circle coordinates are relative to it. Refs, read at each key or pointer event:
   * element state set from a ref callback would draw the item again, and run every effect, before its picture is asked for.
   */
  stageRef: RefObject<HTMLElement | null>;
  /** The veiled picture, for its natural size (the circle scales with what is shown). */
  pictureRef: RefObject<HTMLImageElement | null>;
  /**
   * The veiled picture's URL. Another picture (the item's style or filter changed while R is held) ends the hold: a reveal
   * is one deliberate press on the picture shown, never carried over to another. The refs alone would not say it changed.
   */
  pictureUrl: string;
  radiusPct: number;
  /** The open viewer: R and Shift + arrows answer while it is open and not inert. */
  keyScope: HTMLElement | null;
  enabled: boolean;
}

function fittedPicture(stage: HTMLElement, picture: HTMLImageElement | null) {
  const rect = stage.getBoundingClientRect();
  const fitted = containedBox({ widthPx: rect.width, heightPx: rect.height }, { widthPx: picture?.naturalWidth ?? 0, heightPx: picture?.naturalHeight ?? 0 });
  return { rect, fitted };
}

function circleAt(stage: HTMLElement, picture: HTMLImageElement | null, radiusPct: number, point: ClientPoint | null): SpotlightCircle {
  const { rect, fitted } = fittedPicture(stage, picture);
  return {
    xPx: point ? point.clientX - rect.left : fitted.leftPx + fitted.widthPx / 2,
    yPx: point ? point.clientY - rect.top : fitted.topPx + fitted.heightPx / 2,
    radiusPx: spotlightRadiusPx(fitted, radiusPct),
  };
}

function isRevealKey(event: KeyboardEvent): boolean {
  return (event.key === 'r' || event.key === 'R') && !event.ctrlKey && !event.metaKey && !event.altKey;
}

const ARROW_STEPS: Record<string, { dx: number; dy: number }> = {
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
};

/** Shift + an arrow key (and no other modifier): moves the spotlight for keyboard-only users. */
function arrowStepOf(event: KeyboardEvent): { dx: number; dy: number } | null {
  if (!event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return null;
  return ARROW_STEPS[event.key] ?? null;
}

/** Each Shift + arrow press moves the spotlight this share of the picture's shorter side. */
const KEY_STEP_PCT = 5;

/** The point one keyboard step away from `from` (the picture's centre when unset), kept on the picture. */
function steppedPoint(stage: HTMLElement, picture: HTMLImageElement | null, from: ClientPoint | null, step: { dx: number; dy: number }): ClientPoint {
  const { rect, fitted } = fittedPicture(stage, picture);
  const start = from
    ? { xPx: from.clientX - rect.left, yPx: from.clientY - rect.top }
    : { xPx: fitted.leftPx + fitted.widthPx / 2, yPx: fitted.topPx + fitted.heightPx / 2 };
  const moved = stepWithinPicture(fitted, start, step, KEY_STEP_PCT);
  return { clientX: moved.xPx + rect.left, clientY: moved.yPx + rect.top };
}

/**
 * Hold-to-reveal. The spotlight exists only while the R key is held, or while the
 * primary pointer is pressed on the picture WITH Shift held: an ordinary click or tap
 * never reveals. Shift + arrow keys move the circle (from the centre) without revealing.
 * Releasing, leaving the window, hiding the page or hiding media ends it at once, and a
 * hold ended by hiding media never comes back by itself on Resume.
 */
export function useSpotlightHold({ stageRef, pictureRef, pictureUrl, radiusPct, keyScope, enabled }: SpotlightHoldOptions) {
  const [hold, setHold] = useState<Hold | null>(null);
  const lastPointRef = useRef<ClientPoint | null>(null);

  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const step = arrowStepOf(event);
      const stage = stageRef.current;
      const picture = pictureRef.current;
      if ((!step && !isRevealKey(event)) || !stage || !isSpotlightKey(event, keyScope)) return;
      event.preventDefault();
      if (step) {
        const point = steppedPoint(stage, picture, lastPointRef.current, step);
        lastPointRef.current = point;
        setHold((prev) => (prev ? { ...circleAt(stage, picture, radiusPct, point), source: prev.source } : prev));
        return;
      }
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
    // A dialog or the header menu opening moves focus: a hold still on then ends at once.
    const onFocusIn = () => {
      if (spotlightBlocked(keyScope)) endAll();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', endAll);
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', endAll);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('focusin', onFocusIn);
      // Without its listeners no key-up can end the hold: end it here (media hidden, item or picture changed).
      endAll();
    };
  }, [stageRef, pictureRef, pictureUrl, radiusPct, keyScope, enabled]);

  const endPointerHold = () => setHold((prev) => (prev?.source === 'pointer' ? null : prev));

  const pointerHandlers = {
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const point = { clientX: event.clientX, clientY: event.clientY };
      lastPointRef.current = point;
      const stage = stageRef.current;
      if (!stage) return;
      setHold((prev) => (prev ? { ...circleAt(stage, pictureRef.current, radiusPct, point), source: prev.source } : prev));
    },
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      const stage = stageRef.current;
      if (!enabled || !stage || !event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      stage.setPointerCapture?.(event.pointerId);
      const point = { clientX: event.clientX, clientY: event.clientY };
      lastPointRef.current = point;
      setHold({ ...circleAt(stage, pictureRef.current, radiusPct, point), source: 'pointer' });
    },
    onPointerUp: endPointerHold,
    onPointerCancel: endPointerHold,
    onLostPointerCapture: endPointerHold,
  };

  return { spotlight: enabled ? hold : null, pointerHandlers };
}
