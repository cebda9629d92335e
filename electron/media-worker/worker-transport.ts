import { z } from 'zod';

/** How the worker talks to its parent, whichever way it was started. */
export interface WorkerTransport {
  readonly kind: 'electron-utility' | 'node-fork';
  onMessage(listener: (data: unknown) => void): void;
  send(message: unknown): void;
  /** Called when the parent goes away (Node only; Electron ends utility processes itself). */
  onParentGone(listener: () => void): void;
}

/** The part of Electron's `process.parentPort` the worker uses. */
interface ParentPortLike {
  on(event: 'message', listener: (event: unknown) => void): unknown;
  postMessage(message: unknown): void;
}

const ParentPortEventSchema = z.object({ data: z.unknown() });

function isParentPort(value: unknown): value is ParentPortLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    'on' in value &&
    typeof value.on === 'function' &&
    'postMessage' in value &&
    typeof value.postMessage === 'function'
  );
}

/**
 * Finds the parent channel without importing electron: Electron's utilityProcess puts
 * `parentPort` on `process`; a Node child started by `fork` has `process.send`.
 * Returns null when started any other way (then there is nobody to serve).
 */
export function detectTransport(proc: NodeJS.Process): WorkerTransport | null {
  const parentPort = 'parentPort' in proc ? proc.parentPort : undefined;
  if (isParentPort(parentPort)) {
    return {
      kind: 'electron-utility',
      onMessage(listener) {
        parentPort.on('message', (event) => {
          const parsed = ParentPortEventSchema.safeParse(event);
          if (parsed.success) listener(parsed.data.data);
        });
      },
      send(message) {
        parentPort.postMessage(message);
      },
      onParentGone() {
        // Electron kills a utility process together with its parent.
      },
    };
  }
  const send = proc.send?.bind(proc);
  if (send === undefined) return null;
  return {
    kind: 'node-fork',
    onMessage(listener) {
      proc.on('message', (message: unknown) => listener(message));
    },
    send(message) {
      send(message);
    },
    onParentGone(listener) {
      proc.on('disconnect', listener);
    },
  };
}
