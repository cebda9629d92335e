import { useCallback, useSyncExternalStore } from 'react';

/** Reads one number off an element's box; keep it a module-level function (stable identity). */
export type ElementMeasure = (element: HTMLElement) => number;

export const measureClientWidth: ElementMeasure = (element) => element.clientWidth;
export const measureClientHeight: ElementMeasure = (element) => element.clientHeight;

/**
 * One measurement of an element (e.g. its width in CSS pixels), kept current with a
 * ResizeObserver. 0 until the element exists. Pass the element itself (from a
 * callback ref kept in state), so a newly mounted element is measured at once.
 */
export function useElementMeasure(element: HTMLElement | null, measure: ElementMeasure): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!element || typeof ResizeObserver === 'undefined') return () => undefined;
      const observer = new ResizeObserver(onChange);
      observer.observe(element);
      return () => observer.disconnect();
    },
    [element],
  );
  const getSnapshot = useCallback(() => (element ? measure(element) : 0), [element, measure]);
  return useSyncExternalStore(subscribe, getSnapshot, () => 0);
}
