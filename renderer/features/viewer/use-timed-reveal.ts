import { useCallback, useEffect, useState } from 'react';

const MS_PER_SECOND = 1000;
/** How often the countdown refreshes; the reveal itself ends on its own exact timer. */
const TICK_MS = 250;

export interface TimedReveal {
  active: boolean;
  /** Whole seconds left, for the countdown; 0 when not active. */
  remainingSec: number;
  start(): void;
  end(): void;
}

/**
 * A reveal that ends itself `durationSec` after it starts (counted from the press,
 * not from when the picture arrives, so it can never last longer than promised).
 */
export function useTimedReveal(durationSec: number): TimedReveal {
  const [endsAtMs, setEndsAtMs] = useState<number | null>(null);
  const [remainingSec, setRemainingSec] = useState(0);

  useEffect(() => {
    if (endsAtMs === null) return undefined;
    const end = window.setTimeout(() => setEndsAtMs(null), Math.max(0, endsAtMs - Date.now()));
    const tick = window.setInterval(() => {
      setRemainingSec(Math.max(0, Math.ceil((endsAtMs - Date.now()) / MS_PER_SECOND)));
    }, TICK_MS);
    return () => {
      window.clearTimeout(end);
      window.clearInterval(tick);
    };
  }, [endsAtMs]);

  const end = useCallback(() => setEndsAtMs(null), []);
  return {
    active: endsAtMs !== null,
    remainingSec: endsAtMs === null ? 0 : remainingSec,
    start: () => {
      setEndsAtMs(Date.now() + durationSec * MS_PER_SECOND);
      setRemainingSec(durationSec);
    },
    end,
  };
}
