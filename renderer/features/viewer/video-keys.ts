/** A short jump: Left/Right arrow on the video. */
export const SHORT_JUMP_SEC = 5;
/** A long jump: Shift + Left/Right arrow, or Page Up/Page Down on the timeline. */
export const LONG_JUMP_SEC = 30;

export type VideoCommand =
  | { kind: 'toggle-play' }
  | { kind: 'seek-by'; deltaSec: number }
  | { kind: 'seek-to'; where: 'start' | 'end' }
  | { kind: 'frame-step'; direction: -1 | 1 }
  | { kind: 'rate-step'; direction: -1 | 1 }
  | { kind: 'mute' };

/**
 * Where focus is inside the player: the picture itself, the timeline slider, or one of
 * the buttons (which answer Space and Enter themselves).
 */
export type VideoKeyPlace = 'picture' | 'slider' | 'button';

type KeyInput = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey' | 'getModifierState'>;

/** Keys that are characters: typed with AltGr on some layouts (Canadian French puts [ and ] there), which browsers report as Ctrl+Alt. */
const CHARACTER_COMMANDS: Record<string, VideoCommand> = {
  k: { kind: 'toggle-play' },
  K: { kind: 'toggle-play' },
  ',': { kind: 'frame-step', direction: -1 },
  '.': { kind: 'frame-step', direction: 1 },
  '[': { kind: 'rate-step', direction: -1 },
  ']': { kind: 'rate-step', direction: 1 },
  '<': { kind: 'rate-step', direction: -1 },
  '>': { kind: 'rate-step', direction: 1 },
  // Mute only: sound comes on by the Unmute button alone, so a stray key never plays case audio.
  m: { kind: 'mute' },
  M: { kind: 'mute' },
};

/**
 * The player's keys, while focus is in the player (the picture, its buttons or the timeline):
 *
 * | Key | Does |
 * | --- | --- |
 * | Space (on the picture), K | play / pause |
 * | ← / → | back / forward 5 s |
 * | Shift + ← / → | back / forward 30 s |
 * | Page Down / Page Up | back / forward 30 s |
 * | ↓ / ↑ (on the timeline) | back / forward 5 s, as a slider does |
 * | Home / End | start / end |
 * | `,` / `.` | previous / next frame, while paused |
 * | `[` / `]` (or `<` / `>`) | slower / faster, 0.25× to 4× |
 * | M | mute (never unmute) |
 *
 * Everything else stays the viewer's and the app's: Escape hides all media, Backspace closes
 * the viewer, the number keys and N review, ←/→ outside the player change item. Returns
 * null for a key the player leaves alone.
 */
export function videoCommandFor(event: KeyInput, place: VideoKeyPlace): VideoCommand | null {
  if (event.metaKey) return null;
  const altGraph = event.getModifierState('AltGraph');
  if ((event.ctrlKey || event.altKey) && !altGraph) return null;
  const character = CHARACTER_COMMANDS[event.key];
  if (character) return character;
  if (altGraph) return null;
  const jumpSec = event.shiftKey ? LONG_JUMP_SEC : SHORT_JUMP_SEC;
  switch (event.key) {
    case ' ':
      return place === 'picture' ? { kind: 'toggle-play' } : null;
    case 'ArrowLeft':
      return { kind: 'seek-by', deltaSec: -jumpSec };
    case 'ArrowRight':
      return { kind: 'seek-by', deltaSec: jumpSec };
    case 'ArrowDown':
      return place === 'slider' ? { kind: 'seek-by', deltaSec: -jumpSec } : null;
    case 'ArrowUp':
      return place === 'slider' ? { kind: 'seek-by', deltaSec: jumpSec } : null;
    case 'PageDown':
      return { kind: 'seek-by', deltaSec: -LONG_JUMP_SEC };
    case 'PageUp':
      return { kind: 'seek-by', deltaSec: LONG_JUMP_SEC };
    case 'Home':
      return { kind: 'seek-to', where: 'start' };
    case 'End':
      return { kind: 'seek-to', where: 'end' };
    default:
      return null;
  }
}
