import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useVeil } from '../../api/api';
import { useMediaVisible } from '../../media-visibility/media-visibility';
import { createActivityThrottle, listenForActivity } from './activity-throttle';
import { buildVisibilityReport } from './screen-state';
import { ScreenStateStore } from './screen-state-store';
import { VisibilitySender } from './visibility-sender';

const ScreenStateContext = createContext<ScreenStateStore | null>(null);
const CountingContext = createContext(false);

function warn(what: string, error: unknown): void {
  console.warn(`Veil: ${what}:`, error instanceof Error ? error.message : error);
}

function isPageVisible(): boolean {
  return document.visibilityState === 'visible';
}

/**
 * Reports to the main side what is on screen and that someone is at it. Components that
 * paint media write into the ScreenStateStore this provides (see the use… hooks); every
 * change becomes at most one reportVisibility per frame. The main side owns the clock and
 * the totals; the renderer only says what is shown. Input anywhere sends reportActivity,
 * at most every 5 s.
 */
export function ExposureReportingProvider({ caseId, children }: { caseId: string; children: ReactNode }) {
  const client = useVeil();
  const mediaVisible = useMediaVisible();
  const [store] = useState(() => new ScreenStateStore());
  const [counting, setCounting] = useState(false);

  useEffect(() => store.setCaseId(caseId), [store, caseId]);
  useEffect(() => store.setMediaVisible(mediaVisible), [store, mediaVisible]);

  useEffect(() => {
    const onVisibility = () => store.setPageVisible(isPageVisible());
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [store]);

  useEffect(() => {
    const sender = new VisibilitySender({
      build: () => buildVisibilityReport(store.snapshot()),
      send: (report) => client.call('reportVisibility', report),
      onCounting: setCounting,
      onFailed: (error) => warn('a visibility report was not accepted', error),
    });
    const unsubscribe = store.subscribe(sender.schedule);
    sender.schedule();
    return () => {
      unsubscribe();
      sender.dispose();
    };
  }, [client, store]);

  useEffect(() => {
    const onActivity = createActivityThrottle(() => {
      client.call('reportActivity', {}).catch((error: unknown) => warn('an activity report failed', error));
    });
    return listenForActivity(window, onActivity);
  }, [client]);

  return (
    <ScreenStateContext.Provider value={store}>
      <CountingContext.Provider value={counting}>{children}</CountingContext.Provider>
    </ScreenStateContext.Provider>
  );
}

/** The store media components report into; null outside the provider (components tested alone). */
export function useScreenStateStore(): ScreenStateStore | null {
  return useContext(ScreenStateContext);
}

/** The main side's last answer: exposure is being counted now. */
export function useExposureCounting(): boolean {
  return useContext(CountingContext);
}
