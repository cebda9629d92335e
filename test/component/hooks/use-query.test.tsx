import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useQuery, type QueryKey } from '../../../renderer/hooks/use-query';

interface Asked {
  key: QueryKey;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

/** A load whose answers are given by hand, one per request, in any order. */
function handLoad() {
  const asked: Asked[] = [];
  const load = vi.fn(
    (key: QueryKey, signal: AbortSignal) =>
      new Promise<string>((resolve, reject) => {
        asked.push({ key, signal, resolve, reject });
      }),
  );
  const answer = async (index: number, value: string) => {
    await act(async () => asked[index]!.resolve(value));
  };
  const fail = async (index: number, error: unknown) => {
    await act(async () => asked[index]!.reject(error));
  };
  return { asked, load, answer, fail };
}

function renderQuery(initialKey: QueryKey | null, load: (key: QueryKey, signal: AbortSignal) => Promise<string>) {
  return renderHook(({ queryKey }: { queryKey: QueryKey | null }) => useQuery(queryKey, load), { initialProps: { queryKey: initialKey } });
}

describe('useQuery', () => {
  it('loads on mount: loading, then ready with the data', async () => {
    const { load, answer } = handLoad();
    const { result } = renderQuery(['a'], load);
    expect(result.current.state).toEqual({ status: 'loading' });
    await answer(0, 'data for a');
    expect(result.current.state).toEqual({ status: 'ready', data: 'data for a' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when only the load function changes between renders', async () => {
    const { asked, answer } = handLoad();
    const { result, rerender } = renderHook(
      ({ n }: { n: number }) =>
        useQuery(['same'], (key, signal) =>
          new Promise<string>((resolve) => asked.push({ key, signal, resolve, reject: () => undefined })).then((v) => `${v}${n}`),
        ),
      { initialProps: { n: 1 } },
    );
    rerender({ n: 2 });
    rerender({ n: 3 });
    expect(asked).toHaveLength(1);
    await answer(0, 'v');
    expect(result.current.state).toEqual({ status: 'ready', data: 'v1' });
  });

  it('after a failure, reload asks again and shows the new answer', async () => {
    const { load, answer, fail } = handLoad();
    const { result } = renderQuery(['a'], load);
    const problem = new Error('back end away');
    await fail(0, problem);
    expect(result.current.state).toEqual({ status: 'failed', error: problem });
    act(() => result.current.reload());
    expect(result.current.state).toEqual({ status: 'loading' });
    await answer(1, 'second try');
    expect(result.current.state).toEqual({ status: 'ready', data: 'second try' });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('fails, rather than throwing, when the load throws before returning a promise', async () => {
    const problem = new Error('bad arguments');
    const { result } = renderQuery(['a'], () => {
      throw problem;
    });
    await act(async () => undefined);
    expect(result.current.state).toEqual({ status: 'failed', error: problem });
  });

  it('ignores the answer for an old key, whether it comes before or after the new one', async () => {
    const { asked, load, answer } = handLoad();
    const { result, rerender } = renderQuery(['week', '2026-W01'], load);
    rerender({ queryKey: ['week', '2026-W02'] });
    expect(result.current.state).toEqual({ status: 'loading' });
    expect(asked.map((request) => request.key)).toEqual([
      ['week', '2026-W01'],
      ['week', '2026-W02'],
    ]);
    expect(asked[0]!.signal.aborted).toBe(true);

    await answer(0, 'W01 figures');
    expect(result.current.state).toEqual({ status: 'loading' });
    await answer(1, 'W02 figures');
    expect(result.current.state).toEqual({ status: 'ready', data: 'W02 figures' });

    rerender({ queryKey: ['week', '2026-W03'] });
    await answer(2, 'W03 figures');
    await answer(1, 'W02 again, late');
    expect(result.current.state).toEqual({ status: 'ready', data: 'W03 figures' });
  });

  it('keeps the newest data as `latest` while another key loads or fails', async () => {
    const { load, answer, fail } = handLoad();
    const { result, rerender } = renderQuery(['a'], load);
    expect(result.current.latest).toBeUndefined();
    await answer(0, 'A');
    rerender({ queryKey: ['b'] });
    expect(result.current.state.status).toBe('loading');
    expect(result.current.latest).toBe('A');
    await fail(1, new Error('no B'));
    expect(result.current.state.status).toBe('failed');
    expect(result.current.latest).toBe('A');
  });

  it('drops an answer still on its way after reload, and after data is set directly', async () => {
    const { load, answer } = handLoad();
    const { result } = renderQuery(['status'], load);
    act(() => result.current.reload());
    await answer(0, 'first, slow');
    expect(result.current.state).toEqual({ status: 'loading' });
    act(() => result.current.setData('from an action'));
    expect(result.current.state).toEqual({ status: 'ready', data: 'from an action' });
    await answer(1, 'second, older than the action');
    expect(result.current.state).toEqual({ status: 'ready', data: 'from an action' });
  });

  it('changes ready data on updateData, and leaves loading alone', async () => {
    const { load, answer } = handLoad();
    const { result } = renderQuery(['a'], load);
    act(() => result.current.updateData((data) => `${data}, pushed too early`));
    await answer(0, 'loaded');
    act(() => result.current.updateData((data) => `${data}, pushed`));
    expect(result.current.state).toEqual({ status: 'ready', data: 'loaded, pushed' });
    expect(result.current.latest).toBe('loaded, pushed');
  });

  it('asks nothing for a null key, then loads once a key is given', async () => {
    const { load, answer } = handLoad();
    const { result, rerender } = renderQuery(null, load);
    expect(result.current.state).toEqual({ status: 'idle' });
    act(() => result.current.reload());
    expect(load).not.toHaveBeenCalled();
    rerender({ queryKey: ['query'] });
    expect(result.current.state).toEqual({ status: 'loading' });
    await answer(0, 'figures');
    expect(result.current.state).toEqual({ status: 'ready', data: 'figures' });
  });

  it('asks again for an equal-looking key that is a new object (each "Show" is a new request)', async () => {
    const { load, answer } = handLoad();
    const { result, rerender } = renderQuery([{ folder: '/team' }], load);
    await answer(0, 'first');
    rerender({ queryKey: [{ folder: '/team' }] });
    expect(result.current.state).toEqual({ status: 'loading' });
    await answer(1, 'second');
    expect(result.current.state).toEqual({ status: 'ready', data: 'second' });
  });

  it('after unmount, aborts the request and drops its answer without an update or an unhandled rejection', async () => {
    const { asked, load, fail } = handLoad();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const states: string[] = [];
    const { unmount } = renderHook(() => {
      const query = useQuery(['a'], load);
      states.push(query.state.status);
      return query;
    });
    unmount();
    expect(asked[0]!.signal.aborted).toBe(true);
    const rendersBefore = states.length;
    await fail(0, new Error('too late'));
    expect(states).toHaveLength(rendersBefore);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
