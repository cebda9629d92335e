import type { EventName, RequestName } from './contract.js';

/**
 * The contract's request and event names and their IPC channels, without zod: the sandboxed
 * preload needs only these, and importing the contract itself would bundle zod and every
 * schema into it (808 KB). contract.ts checks at compile time that these lists and its
 * tables name the same things.
 */
export const REQUEST_NAME_LIST = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'getCase',
  'openCase',
  'openDemoCase',
  'cancelImport',
  'listItems',
  'getItems',
  'listProblems',
  'listStackMembers',
  'listFolderGroups',
  'showKnownItems',
  'releaseThumbnails',
  'reportVisibility',
  'reportActivity',
  'getMyExposure',
  'getWellbeing',
  'breakAction',
  'overrideLimit',
  'reportItemBoundary',
  'getNotes',
  'saveNote',
  'previewWeeklySummary',
  'exportWeeklySummary',
  'getTeamSharing',
  'loadTeamStats',
  'pickFolder',
  'importHashSet',
  'cancelHashSetImport',
  'listHashSets',
  'removeHashSet',
  'setHashSetEnabled',
  'getReview',
  'chooseCaseScheme',
  'importCategoryScheme',
  'exportCategoryScheme',
  'categoriseItem',
  'undoDecision',
  'redoDecision',
  'getItemReview',
  'nextToReview',
  'rememberReviewPlace',
  'getReviewPlace',
  'exportReview',
  'authoriseItem',
  'categoriseItems',
  'getReferralStatus',
  'chooseReferralManifest',
  'continueWithoutManifest',
  'pickFile',
] as const satisfies readonly RequestName[];

export const EVENT_NAME_LIST = [
  'importProgress',
  'caseChanged',
  'itemFailed',
  'settingsChanged',
  'noticeRaised',
  'wellbeingChanged',
  'hashSetImportProgress',
  'reviewChanged',
] as const satisfies readonly EventName[];

/** True when the list names every member of the union (the `satisfies` above checks the converse). */
export type NamesAll<List extends readonly string[], Union extends string> = [Exclude<Union, List[number]>] extends [never] ? true : false;

/** The Electron IPC channel of a request or event; the only place channel names are made. */
export function ipcChannel(kind: 'request' | 'event', name: RequestName | EventName): string {
  return `veil:${kind}:${name}`;
}
