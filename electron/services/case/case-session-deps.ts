import type { MediaItem } from '../../../shared/case/media-item.js';
import type { EventName, EventPayloads } from '../../../shared/contract.js';
import type { ItemMatch } from '../../../shared/known/item-match.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import type { ItemDigests } from './case-import.js';
import type { WalkFs } from './walk-folder.js';

/** What the case session is given: how to make ids and tell time, and whom to tell what. */
export interface CaseSessionDeps {
  /** Makes opaque ids for cases and items (url-safe, 8–64 characters); see randomUrlSafeId. */
  idGenerator: () => string;
  nowMs: () => number;
  emit: <N extends EventName>(name: N, payload: EventPayloads[N]) => void;
  concurrency?: number;
  /** New items of the open case, in final order, as the import lists them (the first screen's thumbnails start here). */
  onItems?: (caseId: string, items: readonly MediaItem[]) => void;
  /** True while pictures the user waits for are being made; the import then reads one file at a time (read-gate.ts). */
  picturesInFlight?: () => boolean;
  /** The known-material match of a file's digests (the enabled hash sets); none without it. */
  matchKnown?: (digests: ItemDigests) => ItemMatch | null;
  /** The nearest enabled set's PDQ hash within the threshold, as a 'near' match; none without it. */
  matchNearPdq?: (pdq: { hex: string; quality: number }) => ItemMatch | null;
  /** The near-match distance setting (0–63 bits), for near stacks in the open case; 31 without it. */
  nearThresholdBits?: () => number;
  /** Added to the list's version: something outside the index changed its items (the referral's readings came in). Never decreases. */
  listVersionOffset?: () => number;
  /** The open case's import ended (done, cancelled or failed): background work on its items may start. */
  onImportEnded?: (caseId: string) => void;
  /** The open case's background PDQ pass has gone through every picture: its near stacks are whole. */
  onPdqPassEnded?: (caseId: string) => void;
  /** Another case was opened: background work on the previous one stops. */
  onCaseOpened?: (caseId: string) => void;
  /** Another case was opened: `writesDone` resolves once the previous case's import stopped and its last rows and PDQ hashes are in its workspace. */
  onCaseLeft?: (writesDone: Promise<void>) => void;
  /**
   * The workspace of the case just opened (none for the demo or when it cannot be had): files
   * unchanged since its last import are not read again, and each file read is kept there.
   */
  caseWorkspace?: (caseId: string) => Promise<CaseWorkspace | null>;
  /** For tests: simulate folder failures the test user cannot cause. */
  walkFs?: WalkFs;
}
