// What the stand-in pieces share: the ready flag Electron's APIs check, and the channel
// to the test that started this process.
import { EventEmitter } from 'node:events';

export const state = {
  ready: false,
  /** The platform whose Electron API surface is presented (powerMonitor events, Windows-only methods). */
  platform: process.env.VEIL_STAND_IN_PLATFORM ?? process.platform,
  /** Answers to the control channel, by request name. */
  commands: new Map(),
};

/** Emits like Electron's own emitters: an 'error' without a listener throws, in main. */
export class StandInEmitter extends EventEmitter {}

/** Sends one observation to the test (if a test started us). */
export function report(type, details = {}) {
  if (typeof process.send === 'function' && process.connected) process.send({ type, ...details });
}

/** Electron throws when these APIs are used before the app is ready; so does the stand-in. */
export function requireReady(api) {
  if (!state.ready) throw new Error(`${api} cannot be used before the app is ready`);
}

export function requireNotReady(api) {
  if (state.ready) throw new Error(`${api} can only be called before the app is ready`);
}
