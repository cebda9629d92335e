import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// findBy*/waitFor wait on the DOM's state; their 1 s default is a moment, and a shared
// 2-core machine is slow at random. A correct render settles well within this.
configure({ asyncUtilTimeout: 10_000 });
// For the same reason a test gets 30 s, not 5: a dialog drawing charts in jsdom overran 5 s
// under load, and a test that times out keeps running into the next test's screen.
vi.setConfig({ testTimeout: 30_000 });

/**
 * jsdom has no layout, media playback, canvas or ResizeObserver. These shims give
 * every element a fixed box (so the virtualized grid renders a known number of rows),
 * make play()/pause() change `paused` and fire their events, and keep canvas quiet.
 */
export const TEST_BOX_PX = { width: 1000, height: 800 } as const;

afterEach(() => {
  cleanup();
  // Files share one jsdom (isolate: false): what a test put in the page outside React (the
  // video-controls test's <video>) would still be there for the next file's "no media" checks.
  document.body.replaceChildren();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

class ResizeObserverShim {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: ResizeObserverShim });

Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => TEST_BOX_PX.width });
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => TEST_BOX_PX.height });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => TEST_BOX_PX.width });
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => TEST_BOX_PX.height });
// Content height = the tallest child's inline height (the virtualizer's sizer sets one).
Object.defineProperty(Element.prototype, 'scrollHeight', {
  configurable: true,
  get(this: Element) {
    let tallest = 0;
    for (const child of this.children) {
      if (child instanceof HTMLElement) tallest = Math.max(tallest, Number.parseFloat(child.style.height) || 0);
    }
    return Math.max(TEST_BOX_PX.height, tallest);
  },
});
Element.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
  const { width, height } = TEST_BOX_PX;
  return { x: 0, y: 0, left: 0, top: 0, width, height, right: width, bottom: height, toJSON: () => ({}) } as DOMRect;
};

// Scrolling moves scrollTop and fires 'scroll', which is what the virtualizer listens to.
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number): void {
  const top = typeof options === 'number' ? y : options?.top;
  const left = typeof options === 'number' ? options : options?.left;
  if (typeof top === 'number') this.scrollTop = top;
  if (typeof left === 'number') this.scrollLeft = left;
  this.dispatchEvent(new Event('scroll'));
};
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

const pausedState = new WeakMap<HTMLMediaElement, boolean>();
Object.defineProperty(HTMLMediaElement.prototype, 'paused', {
  configurable: true,
  get(this: HTMLMediaElement) {
    return pausedState.get(this) ?? true;
  },
});
HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement): Promise<void> {
  pausedState.set(this, false);
  this.dispatchEvent(new Event('play'));
  return Promise.resolve();
};
HTMLMediaElement.prototype.pause = function pause(this: HTMLMediaElement): void {
  const wasPlaying = pausedState.get(this) === false;
  pausedState.set(this, true);
  if (wasPlaying) this.dispatchEvent(new Event('pause'));
};
HTMLMediaElement.prototype.load = function load(): void {};

// No canvas backend: getContext answers null (tests that draw install their own).
HTMLCanvasElement.prototype.getContext = function getContext() {
  return null;
} as typeof HTMLCanvasElement.prototype.getContext;
