import { useEffect, useState } from 'react';
import type { VeilClient } from '../../shared/client.js';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import type { AppInfo } from '../../shared/contract.js';
import type { Settings } from '../../shared/settings/settings.js';

export interface AppData {
  appInfo: AppInfo;
  settings: Settings;
  summary: CaseSummary;
}

export type AppDataState = { status: 'loading' } | { status: 'failed'; error: unknown } | ({ status: 'ready' } & AppData);

/**
 * Start-up and the back end's pushed state: app info, settings and the open case (the
 * demo case when none is open), then kept current from settingsChanged, caseChanged
 * and importProgress. `retry` starts over after a failure.
 */
export function useAppData(client: VeilClient) {
  const [state, setState] = useState<AppDataState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<AppData> => {
      const [appInfo, settings, current] = await Promise.all([
        client.call('getAppInfo', {}),
        client.call('getSettings', {}),
        client.call('getCase', {}),
      ]);
      const summary = current ?? (await client.call('openDemoCase', {}));
      return { appInfo, settings, summary };
    };
    load().then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', ...data });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  useEffect(() => {
    const offSettings = client.on('settingsChanged', (settings) => {
      setState((prev) => (prev.status === 'ready' ? { ...prev, settings } : prev));
    });
    const offCase = client.on('caseChanged', (summary) => {
      setState((prev) => (prev.status === 'ready' ? { ...prev, summary } : prev));
    });
    const offProgress = client.on('importProgress', ({ caseId, progress }) => {
      setState((prev) =>
        prev.status === 'ready' && prev.summary.caseId === caseId ? { ...prev, summary: { ...prev.summary, import: progress } } : prev,
      );
    });
    return () => {
      offSettings();
      offCase();
      offProgress();
    };
  }, [client]);

  const setSettings = (settings: Settings) => setState((prev) => (prev.status === 'ready' ? { ...prev, settings } : prev));
  const setSummary = (summary: CaseSummary) => setState((prev) => (prev.status === 'ready' ? { ...prev, summary } : prev));
  const retry = () => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  };
  return { state, setSettings, setSummary, retry };
}
