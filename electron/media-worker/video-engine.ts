import type * as AvApi from 'node-av/api';
import type * as AvConstants from 'node-av/constants';
import type * as AvLib from 'node-av/lib';

/** node-av's three entry points, as the video jobs use them. */
export interface VideoEngine {
  api: typeof AvApi;
  lib: typeof AvLib;
  constants: typeof AvConstants;
}

let loading: Promise<VideoEngine> | null = null;

/**
 * node-av, loaded once: by the worker just after it is ready (worker-main.ts), or by the first
 * video job if that comes sooner. Not during the start-up: its FFmpeg takes 1–2 s to load on a
 * busy machine, which the start-up deadline, an images' one, must not pay. Dynamic imports of an
 * external package stay dynamic in the esbuild bundle.
 */
export function loadVideoEngine(): Promise<VideoEngine> {
  loading ??= Promise.all([import('node-av/api'), import('node-av/lib'), import('node-av/constants')]).then(([api, lib, constants]) => ({
    api,
    lib,
    constants,
  }));
  return loading;
}
