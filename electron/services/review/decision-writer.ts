import type { DecisionEvent } from '../../../shared/review/decision-event.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';

/**
 * Appends decisions to the case workspace in the order made. A line the workspace cannot take
 * (a share gone, a disk full, a workspace another Veil holds) is never dropped: it stays in
 * `unsaved`, counted for the header, and is tried again after `retryMs` until it lands. A
 * retry cannot write a line twice: the workspace skips an (action, path) it already has.
 */
export interface DecisionWriter {
  append(events: readonly DecisionEvent[]): void;
  /** Lines that could not be written (a try failed, or there is no writable workspace); 0 while writes are merely under way. */
  unsavedCount(): number;
  /** Every line not yet written, in the order made. */
  unsaved(): readonly DecisionEvent[];
  /** Resolves when the write under way (if any) has ended, saved or not. */
  whenWritten(): Promise<void>;
  /** Stops retrying; what is still unsaved stays counted. */
  close(): void;
  /**
   * The case is being left (another opened, or Veil quits): one last try right away rather than
   * at the next retry, before the workspace closes; then stops. Resolves once that try has ended.
   */
  finish(): Promise<void>;
}

export function createDecisionWriter(deps: {
  workspace: CaseWorkspace | null;
  retryMs: number;
  setTimer: (callback: () => void, delayMs: number) => { cancel(): void };
  /** Called when the unsaved count changes because of a write (saved, or failed). */
  onChange: () => void;
}): DecisionWriter {
  const waiting: DecisionEvent[] = [];
  let writing: Promise<void> | null = null;
  let retry: { cancel(): void } | null = null;
  let closed = false;

  function flush(): void {
    if (writing !== null || retry !== null || closed || waiting.length === 0) return;
    const workspace = deps.workspace;
    if (workspace === null || workspace.status.mode !== 'read-write') return;
    const batch = waiting.slice();
    writing = workspace
      .appendDecisions(batch)
      .then(
        () => {
          waiting.splice(0, batch.length);
          if (batch.length > 0) deps.onChange();
        },
        () => {
          retry = deps.setTimer(() => {
            retry = null;
            flush();
          }, deps.retryMs);
          deps.onChange();
        },
      )
      .finally(() => {
        writing = null;
        flush();
      });
  }

  function stopRetry(): void {
    retry?.cancel();
    retry = null;
  }

  return {
    append(events) {
      waiting.push(...events);
      flush();
    },
    unsavedCount: () => (retry !== null || deps.workspace?.status.mode !== 'read-write' ? waiting.length : 0),
    unsaved: () => waiting,
    async whenWritten() {
      while (writing !== null) await writing;
    },
    close() {
      closed = true;
      stopRetry();
    },
    async finish() {
      while (writing !== null) await writing;
      if (closed) return;
      stopRetry();
      flush();
      closed = true;
      while (writing !== null) await writing;
      // The last try failed: its retry would write into a workspace about to close.
      stopRetry();
    },
  };
}
