const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'range']);

/** True for controls that use letters, arrows or Backspace themselves (text fields, sliders, lists). */
function consumesKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Whether a key event is meant for the viewer: focus is inside it (or nowhere in
 * particular), not in a dialog on top, and not in a control that needs the key.
 */
export function isViewerKey(event: KeyboardEvent, scope: HTMLElement | null): boolean {
  const { target } = event;
  if (!scope || consumesKeys(target)) return false;
  if (target instanceof Element && target.closest('[aria-modal="true"]')) return false;
  return target === document.body || target === document.documentElement || (target instanceof Node && scope.contains(target));
}
