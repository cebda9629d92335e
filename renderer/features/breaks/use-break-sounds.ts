import { useEffect, useRef } from 'react';
import type { BreakView } from '../../../shared/breaks/break-view.js';
import { playSoftTone } from './soft-tone';

/**
 * A soft tone when a break notice appears, when a break starts and when it ends, only
 * while the user has turned break sounds on (off by default: alert sounds can become
 * trauma triggers).
 */
export function useBreakSounds(phase: BreakView['phase'] | null, enabled: boolean, play: () => void = playSoftTone): void {
  const previousRef = useRef(phase);
  useEffect(() => {
    const previous = previousRef.current;
    previousRef.current = phase;
    if (!enabled || previous === null || phase === null || previous === phase) return;
    const noticeAppears = previous === 'working' && (phase === 'warning' || phase === 'due');
    const breakStartsOrEnds = phase === 'on-break' || previous === 'on-break';
    if (noticeAppears || breakStartsOrEnds) play();
  }, [phase, enabled, play]);
}
