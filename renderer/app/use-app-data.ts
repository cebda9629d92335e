import { useCallback, useEffect, useRef } from 'react';
import type { VeilClient } from '../../shared/client.js';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import type { AppInfo } from '../../shared/contract.js';
import type { Settings } from '../../shared/settings/settings.js';
import { DEFAULT_ITEM_VIEW, ITEM_PAGE_SIZE } from '../features/case-items/item-store';
import type { FirstItems } from '../features/case-items/use-item-store';
import { useQuery } from '../hooks/use-query';

export interface AppData {
  appInfo: AppInfo;
  settings: Settings;
  summary: CaseSummary;
  /** The open case's first page of items, read with the rest so the grid's first render can ask for its pictures; null if that read failed. */
  firstItems: FirstItems | null;
}

type AppDataState = { status: 'loading' } | { status: 'failed'; error: unknown } | ({ status: 'ready' } & AppData);

async function loadAppData(client: VeilClient): Promise<AppData> {
  const [appInfo, settings, current] = await Promise.all([client.call('getAppInfo', {}), client.call('getSettings', {}), client.call('getCase', {})]);
  const summary = current ?? (await client.call('openDemoCase', {}));
  const view = DEFAULT_ITEM_VIEW;
  const firstItems = await client.call('listItems', { caseId: summary.caseId, offset: 0, limit: ITEM_PAGE_SIZE, view }).then(
    ({ items }) => ({ caseId: summary.caseId, view, items }),
    // The grid reads its pages itself; this read only saves it a round trip.
    () => null,
  );
  return { appInfo, settings, summary, firstItems };
}

/**
 * Start-up and the back end's pushed state: app info, settings and the open case (the
 * demo case when none is open), then kept current from settingsChanged, caseChanged
 * and importProgress. `retry` starts over after a failure.
 */
export function useAppData(client: VeilClient) {
  const { state: query, updateData, reload: retry } = useQuery([client], ([veil]) => loadAppData(veil));

  // Whether start-up has its data, and whether an event came while it had not: such an
  // event cannot be applied (nothing to update yet) and may be newer than what start-up read.
  const readyRef = useRef(false);
  const missedRef = useRef(false);
  const eventsSeenRef = useRef(0);

  useEffect(() => {
    const apply = (update: (prev: AppData) => AppData) => {
      eventsSeenRef.current += 1;
      if (!readyRef.current) missedRef.current = true;
      updateData(update);
    };
    const offSettings = client.on('settingsChanged', (settings) => apply((prev) => ({ ...prev, settings })));
    const offCase = client.on('caseChanged', (summary) => apply((prev) => ({ ...prev, summary })));
    const offProgress = client.on('importProgress', ({ caseId, progress }) =>
      apply((prev) => (prev.summary.caseId === caseId ? { ...prev, summary: { ...prev.summary, import: progress } } : prev)),
    );
    return () => {
      offSettings();
      offCase();
      offProgress();
    };
  }, [client, updateData]);

  const ready = query.status === 'ready';
  useEffect(() => {
    readyRef.current = ready;
    if (!ready || !missedRef.current) return undefined;
    // An import that ended while the page was starting would otherwise leave the grid at
    // its last count for good: read the case and settings once more.
    missedRef.current = false;
    const seenBefore = eventsSeenRef.current;
    let current = true;
    Promise.all([client.call('getCase', {}), client.call('getSettings', {})]).then(
      ([summary, settings]) => {
        // A pushed event that came meanwhile is at least as new as this read.
        if (!current || eventsSeenRef.current !== seenBefore) return;
        updateData((prev) => ({ ...prev, settings, summary: summary ?? prev.summary }));
      },
      // What start-up read stays; the next pushed event brings it up to date.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, ready, updateData]);

  // Stable (the app shell's memoised header and dialogs take them): a keypress in the viewer does not draw them again.
  const setSettings = useCallback((settings: Settings) => updateData((prev) => ({ ...prev, settings })), [updateData]);
  // An opened case's first summary can arrive after its own caseChanged/importProgress events
  // (an empty folder is imported before the reply): those are newer, so it never replaces them.
  const setSummary = useCallback(
    (summary: CaseSummary) => updateData((prev) => (prev.summary.caseId === summary.caseId ? prev : { ...prev, summary })),
    [updateData],
  );
  // showKnownItems' reply: only its own choice is taken, as import events may be newer than the rest of it.
  const setKnownShown = useCallback(
    (reply: CaseSummary) =>
      updateData((prev) => (prev.summary.caseId === reply.caseId ? { ...prev, summary: { ...prev.summary, knownShown: reply.knownShown } } : prev)),
    [updateData],
  );
  const state: AppDataState =
    query.status === 'ready' ? { status: 'ready', ...query.data } : query.status === 'failed' ? { status: 'failed', error: query.error } : query;
  return { state, setSettings, setSummary, setKnownShown, retry };
}
