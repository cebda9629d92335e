import { itemViewRecord, type ItemViewRecord } from './avoided-records.js';
import type { VisibilityReport } from './visibility-report.js';

/**
 * The item open in the viewer and the counted time it has had so far. The item id lives
 * only in memory: what reaches the ledger is the duration, never which item it was.
 */
export interface ItemViewState {
  itemId: string | null;
  countedMs: number;
}

export const NO_ITEM_VIEW: ItemViewState = { itemId: null, countedMs: 0 };

/**
 * Which item a report shows in the viewer (its storyboard counts as the viewer): an id,
 * null when the viewer is closed (only the grid shows), or undefined when the report
 * cannot tell (nothing painted, e.g. Hide all), which leaves the current view open so a
 * hide-and-show does not split one item's viewing into two.
 */
export function viewerItemOf(report: Pick<VisibilityReport, 'surfaces'>): string | null | undefined {
  if (report.surfaces.length === 0) return undefined;
  const viewer = report.surfaces.find((s) => s.surface === 'viewer') ?? report.surfaces.find((s) => s.surface === 'storyboard');
  return viewer?.itemIds[0] ?? null;
}

/**
 * One step of the per-item view timer at `atMs` (epoch ms). `countedMs` is the exposure
 * counted since the previous step (idle, locked, hidden time already left out by the
 * tracker); it belongs to the item that was in the viewer before this step. `viewer` is
 * what the step says is in the viewer now (see viewerItemOf; undefined = unchanged).
 * When the viewer moves to another item or closes, the finished view becomes a record.
 */
export function stepItemView(
  state: ItemViewState,
  step: { countedMs: number; viewer: string | null | undefined },
  atMs: number,
): { state: ItemViewState; record: ItemViewRecord | null } {
  const countedMs = state.itemId === null ? 0 : state.countedMs + Math.max(0, step.countedMs);
  if (step.viewer === undefined || step.viewer === state.itemId) return { state: { itemId: state.itemId, countedMs }, record: null };
  const record = state.itemId === null ? null : itemViewRecord(atMs, countedMs);
  return { state: { itemId: step.viewer, countedMs: 0 }, record };
}
