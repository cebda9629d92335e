import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/**
 * Why media is hidden. Several can hold at once (a user hide during a break); media
 * shows again only when none is left. Part 1 uses `user-hidden`; `my-exposure` holds
 * while the My exposure view is open (no media behind it, none counted), `team-stats`
 * while the team statistics view is; breaks and the text-only mode of later parts add
 * theirs here.
 */
export type HideReason = 'user-hidden' | 'my-exposure' | 'team-stats' | 'break' | 'text-only';

export interface MediaVisibility {
  visible: boolean;
  reasons: ReadonlySet<HideReason>;
  /** Hides every media pixel before returning (the DOM is updated synchronously). */
  hide(reason: HideReason): void;
  show(reason: HideReason): void;
}

const NO_REASONS: ReadonlySet<HideReason> = new Set();

const MediaVisibilityContext = createContext<MediaVisibility | null>(null);

function pauseAllVideos(doc: Document): void {
  for (const video of doc.querySelectorAll('video')) video.pause();
}

/**
 * Holds the app-wide "media hidden" state and binds Escape, anywhere, to hide it.
 * Hiding pauses every video and commits the render synchronously (flushSync), so
 * no frame with media is painted after the key press; it never waits on the back end.
 */
export function MediaVisibilityProvider({ children, hideKey = 'Escape' }: { children: ReactNode; hideKey?: string }) {
  const [reasons, setReasons] = useState<ReadonlySet<HideReason>>(NO_REASONS);

  const hide = useCallback((reason: HideReason) => {
    pauseAllVideos(document);
    flushSync(() => {
      setReasons((prev) => (prev.has(reason) ? prev : new Set([...prev, reason])));
    });
  }, []);

  const show = useCallback((reason: HideReason) => {
    setReasons((prev) => {
      if (!prev.has(reason)) return prev;
      const next = new Set(prev);
      next.delete(reason);
      return next.size === 0 ? NO_REASONS : next;
    });
  }, []);

  useEffect(() => {
    // A minimised window or a hidden tab shows nothing, and its sound must not play on
    // uncounted: exposure stops counting there, so case audio stops too.
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') pauseAllVideos(document);
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => document.removeEventListener('visibilitychange', onVisibilityChange);
  }, []);

  useEffect(() => {
    // Capture phase: no component can swallow the key before it hides the media.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== hideKey) return;
      event.preventDefault();
      hide('user-hidden');
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [hide, hideKey]);

  const value = useMemo<MediaVisibility>(() => ({ visible: reasons.size === 0, reasons, hide, show }), [reasons, hide, show]);
  return <MediaVisibilityContext.Provider value={value}>{children}</MediaVisibilityContext.Provider>;
}

export function useMediaVisibility(): MediaVisibility {
  const value = useContext(MediaVisibilityContext);
  if (!value) throw new Error('useMediaVisibility() needs a <MediaVisibilityProvider> above it');
  return value;
}

/** True when media may be on screen. Every component that renders media pixels checks it. */
export function useMediaVisible(): boolean {
  return useMediaVisibility().visible;
}
