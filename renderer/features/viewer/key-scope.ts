const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'range']);

/** True for controls that use letters, arrows or Backspace themselves (text fields, sliders, lists). */
function consumesKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

function insideDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[aria-modal="true"]') !== null;
}

/** True when a key belongs to a text field or the like, or to a dialog or the header menu on top: not a shortcut for the page under it. */
export function keyTakenElsewhere(event: KeyboardEvent): boolean {
  return consumesKeys(event.target) || insideDialog(event.target) || document.querySelector('[aria-modal="true"], [data-covers-viewer]') !== null;
}

/**
 * Whether a key event is meant for the viewer: focus is inside it (or nowhere in
 * particular), not in a dialog on top, and not in a control that needs the key.
 */
export function isViewerKey(event: KeyboardEvent, scope: HTMLElement | null): boolean {
  const { target } = event;
  if (!scope || consumesKeys(target) || insideDialog(target)) return false;
  return target === document.body || target === document.documentElement || (target instanceof Node && scope.contains(target));
}

/**
 * Whether a key event may drive the spotlight (R, Shift + arrows). While an item is open
 * the spotlight answers wherever focus is, so a user whose focus is on, say, the failures
 * disclosure is not left pressing R to no effect; but never from a text field, never while
 * a dialog is open, and never while the viewer is inert (media hidden, a dialog over it).
 */
export function isSpotlightKey(event: KeyboardEvent, scope: HTMLElement | null): boolean {
  if (consumesKeys(event.target) || insideDialog(event.target)) return false;
  return !spotlightBlocked(scope);
}

/**
 * True while something covers the viewer or takes the keys: a dialog, the header menu open
 * (marked `data-covers-viewer`), or the viewer inert (media hidden). A hold begun before
 * must end then too, not only refuse to start.
 */
export function spotlightBlocked(scope: HTMLElement | null): boolean {
  if (!scope?.isConnected || scope.closest('[inert]')) return true;
  return document.querySelector('[aria-modal="true"], [data-covers-viewer]') !== null;
}
