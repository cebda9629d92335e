import { useEffect } from 'react';
import type { VeilClient } from '../../shared/client.js';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import type { AppInfo } from '../../shared/contract.js';
import type { Settings } from '../../shared/settings/settings.js';
import { useQuery } from '../hooks/use-query';

export interface AppData {
  appInfo: AppInfo;
  settings: Settings;
  summary: CaseSummary;
}

type AppDataState = { status: 'loading' } | { status: 'failed'; error: unknown } | ({ status: 'ready' } & AppData);

async function loadAppData(client: VeilClient): Promise<AppData> {
  const [appInfo, settings, current] = await Promise.all([client.call('getAppInfo', {}), client.call('getSettings', {}), client.call('getCase', {})]);
  const summary = current ?? (await client.call('openDemoCase', {}));
  return { appInfo, settings, summary };
}

/**
 * Start-up and the back end's pushed state: app info, settings and the open case (the
 * demo case when none is open), then kept current from settingsChanged, caseChanged
 * and importProgress. `retry` starts over after a failure.
 */
export function useAppData(client: VeilClient) {
  const { state: query, updateData, reload: retry } = useQuery([client], ([veil]) => loadAppData(veil));

  useEffect(() => {
    // An event pushed while start-up is still loading is dropped: there is nothing yet to update.
    const offSettings = client.on('settingsChanged', (settings) => updateData((prev) => ({ ...prev, settings })));
    const offCase = client.on('caseChanged', (summary) => updateData((prev) => ({ ...prev, summary })));
    const offProgress = client.on('importProgress', ({ caseId, progress }) =>
      updateData((prev) => (prev.summary.caseId === caseId ? { ...prev, summary: { ...prev.summary, import: progress } } : prev)),
    );
    return () => {
      offSettings();
      offCase();
      offProgress();
    };
  }, [client, updateData]);

  const setSettings = (settings: Settings) => updateData((prev) => ({ ...prev, settings }));
  const setSummary = (summary: CaseSummary) => updateData((prev) => ({ ...prev, summary }));
  const state: AppDataState =
    query.status === 'ready' ? { status: 'ready', ...query.data } : query.status === 'failed' ? { status: 'failed', error: query.error } : query;
  return { state, setSettings, setSummary, retry };
}
