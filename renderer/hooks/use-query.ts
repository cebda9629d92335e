import { useCallback, useEffect, useEffectEvent, useState } from 'react';

/** What a component knows of the data it asked for. */
export type QueryState<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: T };

/** Nothing asked for yet (the key is null). */
export interface IdleQueryState {
  status: 'idle';
}

/**
 * What is loaded, compared element by element with Object.is (like an effect's
 * dependencies): when any element changes, the data is loaded afresh and the answer
 * for the old key is ignored.
 */
export type QueryKey = readonly unknown[];

export interface Query<T, S = QueryState<T>> {
  state: S;
  /** The newest data loaded by this hook, for any key; kept while another key loads or fails. */
  latest: T | undefined;
  /** Loads the current key again (e.g. a Retry button); the state goes back to loading. */
  reload: () => void;
  /** Data known without asking (e.g. returned by an action): ready at once, and an answer still on its way is ignored. */
  setData: (data: T) => void;
  /** Changes ready data (e.g. from a pushed event); does nothing while loading or failed. */
  updateData: (update: (data: T) => T) => void;
}

interface Entry<K, T> {
  key: K | null;
  /** Bumped on a new key and on reload: one run of the load effect belongs to each value. */
  run: number;
  state: QueryState<T> | IdleQueryState;
  latest: T | undefined;
}

const LOADING: { status: 'loading' } = { status: 'loading' };
const IDLE: IdleQueryState = { status: 'idle' };

function sameKey(a: QueryKey | null, b: QueryKey | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((part, index) => Object.is(part, b[index]));
}

/**
 * The renderer's one way to load data: calls `load` when the component mounts and
 * whenever `key` changes, and gives a loading, failed or ready state. When the key
 * changes, on reload and on unmount the request's signal is aborted and its answer
 * dropped; an answer arriving after setData is dropped too. So a slower, older request
 * never overwrites a newer one. A null key asks for nothing (state 'idle').
 * Nothing is cached between components: each mount asks afresh.
 */
export function useQuery<const K extends QueryKey, T>(key: K, load: (key: K, signal: AbortSignal) => Promise<T>): Query<T>;
export function useQuery<const K extends QueryKey, T>(
  key: K | null,
  load: (key: K, signal: AbortSignal) => Promise<T>,
): Query<T, QueryState<T> | IdleQueryState>;
export function useQuery<const K extends QueryKey, T>(
  key: K | null,
  load: (key: K, signal: AbortSignal) => Promise<T>,
): Query<T, QueryState<T> | IdleQueryState> {
  const [entry, setEntry] = useState<Entry<K, T>>(() => ({ key, run: 0, state: key === null ? IDLE : LOADING, latest: undefined }));
  let current = entry;
  if (!sameKey(entry.key, key)) {
    // Adjusted while rendering, so the old key's data is never shown under the new key.
    current = { key, run: entry.run + 1, state: key === null ? IDLE : LOADING, latest: entry.latest };
    setEntry(current);
  }

  // The latest `load` is called without being a dependency: callers pass a new function on every render.
  const start = useEffectEvent((signal: AbortSignal): Promise<T> =>
    current.key === null ? Promise.reject(new Error('nothing to load')) : load(current.key, signal),
  );
  const { run } = current;
  const asking = current.key !== null;

  useEffect(() => {
    if (!asking) return undefined;
    const controller = new AbortController();
    const settle = (state: QueryState<T>) => {
      if (controller.signal.aborted) return;
      setEntry((prev) =>
        prev.run === run && prev.state.status === 'loading' ? { ...prev, state, latest: state.status === 'ready' ? state.data : prev.latest } : prev,
      );
    };
    // A load that throws instead of rejecting fails the same way.
    new Promise<T>((resolve) => resolve(start(controller.signal))).then(
      (data) => settle({ status: 'ready', data }),
      (error: unknown) => settle({ status: 'failed', error }),
    );
    return () => controller.abort();
  }, [run, asking]);

  const reload = useCallback(() => setEntry((prev) => (prev.key === null ? prev : { ...prev, run: prev.run + 1, state: LOADING })), []);
  const setData = useCallback((data: T) => setEntry((prev) => ({ ...prev, state: { status: 'ready', data }, latest: data })), []);
  const updateData = useCallback(
    (update: (data: T) => T) =>
      setEntry((prev) => {
        if (prev.state.status !== 'ready') return prev;
        const data = update(prev.state.data);
        return { ...prev, state: { status: 'ready', data }, latest: data };
      }),
    [],
  );

  return { state: current.state, latest: current.latest, reload, setData, updateData };
}
