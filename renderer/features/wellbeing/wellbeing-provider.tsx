import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BreakAction } from '../../../shared/breaks/break-events.js';
import type { LimitPeriod, LimitQuantity } from '../../../shared/limits/cap-keys.js';
import type { WellbeingView } from '../../../shared/wellbeing/wellbeing-view.js';
import { useVeil } from '../../api/api';
import { useMediaVisibility, type MediaVisibility } from '../../media-visibility/media-visibility';
import { shownWellbeingKey } from '../../../shared/wellbeing/shown-wellbeing.js';

/** A break action or an override as the back end answered it: `rejected` says why not. */
export interface ActionOutcome {
  rejected: string | null;
}

export interface Wellbeing {
  /** The main side's last view; null until the first answer (nothing is shown then). */
  view: WellbeingView | null;
  /** Where focus was when the current break hid the media; the break screen returns it there. */
  focusBeforeBreak: Element | null;
  breakAction(action: BreakAction): Promise<ActionOutcome>;
  overrideLimit(args: { quantity: LimitQuantity; period: LimitPeriod; reason: string }): Promise<ActionOutcome>;
  /** The viewer's item closed or changed, or its video paused or ended: a due break may start now. */
  reportItemBoundary(): void;
}

const WellbeingContext = createContext<Wellbeing | null>(null);

/**
 * Hides media for a break or text-only mode before the view that asks for it is
 * rendered (hide() commits synchronously), and lets media back when the reason ends.
 */
function applyToMedia(view: WellbeingView, media: Pick<MediaVisibility, 'hide' | 'show'>): void {
  if (view.breaks.phase === 'on-break') media.hide('break');
  else media.show('break');
  if (view.limits.textOnly) media.hide('text-only');
  else media.show('text-only');
}

/**
 * Breaks and personal limits as the main side sees them: loads getWellbeing, follows
 * wellbeingChanged, and drives MediaVisibility's `break` and `text-only` reasons. The
 * renderer never decides a break or a cap; it shows the view and forwards actions.
 */
export function WellbeingProvider({ children }: { children: ReactNode }) {
  const client = useVeil();
  const { hide, show } = useMediaVisibility();
  const [state, setState] = useState<{ view: WellbeingView | null; focusBeforeBreak: Element | null }>({ view: null, focusBeforeBreak: null });
  const phaseRef = useRef<string | null>(null);
  const shownKeyRef = useRef<string | null>(null);

  const receive = useCallback(
    (next: WellbeingView) => {
      // A view that differs only in figures nothing shows re-renders nothing (the page rests).
      const shownKey = shownWellbeingKey(next);
      if (shownKey === shownKeyRef.current) return;
      shownKeyRef.current = shownKey;
      // Read before hiding: hiding makes the app inert, which can move focus away.
      const entering = next.breaks.phase === 'on-break' && phaseRef.current !== 'on-break';
      const focused = entering ? document.activeElement : null;
      phaseRef.current = next.breaks.phase;
      applyToMedia(next, { hide, show });
      setState((prev) => ({ view: next, focusBeforeBreak: entering ? focused : prev.focusBeforeBreak }));
    },
    [hide, show],
  );

  useEffect(() => {
    let pushed = false;
    let cancelled = false;
    const off = client.on('wellbeingChanged', (next) => {
      pushed = true;
      receive(next);
    });
    client.call('getWellbeing', {}).then(
      (first) => {
        // A pushed view is newer than the answer to a request sent before it.
        if (!cancelled && !pushed) receive(first);
      },
      () => {
        // Nothing to show yet; the next wellbeingChanged brings the view.
      },
    );
    return () => {
      cancelled = true;
      off();
    };
  }, [client, receive]);

  const breakAction = useCallback(
    async (action: BreakAction): Promise<ActionOutcome> => {
      const result = await client.call('breakAction', action);
      receive(result.view);
      return { rejected: result.rejected };
    },
    [client, receive],
  );

  const overrideLimit = useCallback(
    async (args: { quantity: LimitQuantity; period: LimitPeriod; reason: string }): Promise<ActionOutcome> => {
      const result = await client.call('overrideLimit', args);
      receive(result.view);
      return { rejected: result.rejected };
    },
    [client, receive],
  );

  const reportItemBoundary = useCallback(() => {
    // Best effort: a lost boundary only means the break starts at its grace limit instead.
    client.call('reportItemBoundary', {}).catch(() => undefined);
  }, [client]);

  const value = useMemo<Wellbeing>(
    () => ({ ...state, breakAction, overrideLimit, reportItemBoundary }),
    [state, breakAction, overrideLimit, reportItemBoundary],
  );
  return <WellbeingContext.Provider value={value}>{children}</WellbeingContext.Provider>;
}

/** The wellbeing state and actions; components outside a provider get null (and show nothing). */
export function useWellbeing(): Wellbeing | null {
  return useContext(WellbeingContext);
}
