import { z } from 'zod';
import type { EVENT_NAME_LIST, NamesAll, REQUEST_NAME_LIST } from './contract-names.js';
import { CaseIdSchema, CaseSummarySchema } from './case/case-summary.js';
import { FolderGroupSchema } from './case/folder-groups.js';
import { ImportProgressSchema } from './case/import-progress.js';
import { ImportProblemSchema, MediaErrorSchema, MediaItemSchema } from './case/media-item.js';
import { MyExposureSchema } from './exposure/exposure-summary.js';
import { VisibilityReportSchema } from './exposure/visibility-report.js';
import { ItemIdSchema } from './media/derivative.js';
import { BreakActionSchema } from './breaks/break-events.js';
import { LimitPeriodSchema, LimitQuantitySchema } from './limits/cap-keys.js';
import { MAX_OVERRIDE_REASON_CHARS } from './limits/limit-records.js';
import { NoticeSchema } from './notices.js';
import {
  IsoWeekSchema,
  LoadTeamStatsArgsSchema,
  TeamSharingStatusSchema,
  TeamStatsResultSchema,
  WeeklyExportPreviewSchema,
} from './team-sharing/team-sharing-contract.js';
import { CaseNotesSchema, MAX_NOTE_CHARS, NoteSchema, NotesStorageSchema } from './notes/case-notes.js';
import { WellbeingViewSchema } from './wellbeing/wellbeing-view.js';
import { SettingsPatchSchema, SettingsSchema } from './settings/settings.js';
import {
  HashSetIdSchema,
  HashSetImportProgressSchema,
  HashSetSummarySchema,
  ImportHashSetArgsSchema,
  ImportHashSetResultSchema,
} from './known/hash-set-contract.js';
import { ItemViewSchema } from './known/item-match.js';
import { SchemeExportResultSchema, SchemeImportResultSchema } from './review/scheme-file.js';
import {
  CaseArgsSchema,
  CategoriseArgsSchema,
  DecisionOutcomeSchema,
  ItemArgsSchema,
  ChooseSchemeArgsSchema,
  ItemReviewSchema,
  NextToReviewArgsSchema,
  NextToReviewSchema,
  ReviewStateSchema,
} from './review/review-contract.js';
import { ExportReviewArgsSchema, ExportReviewResultSchema } from './review/export-contract.js';
import { BatchOutcomeSchema, CategoriseItemsArgsSchema } from './review/batch-contract.js';
import { AuthorisationSchema } from './referral/referral-lock.js';
import { ReferralStatusSchema } from './referral/referral-status.js';
import { PickFilePurposeSchema } from './files/pick-file-purpose.js';

/**
 * The one contract between the renderer and the main side. Both adapters (Electron
 * IPC and the browser host) and the renderer's client are derived from these two
 * tables; nothing else names a channel or a result type.
 */
const empty = z.object({}).strict();
/**
 * The native folder picker's options. `mayCreate` offers "New Folder" (macOS; Windows' and GTK's
 * pickers always do): for a folder Veil writes into, never for opening a case, whose folder
 * browses the evidence and must not gain a folder by a slip.
 */
const PickFolderArgsSchema = z.object({ mayCreate: z.boolean().optional() }).strict();
const PAGE_LIMIT_MAX = 2000;

const AppInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  /** Electron can show native folder and file pickers; the browser host takes a typed path. */
  canPickFolder: z.boolean(),
  /** Things that went wrong at start-up that the user must hear about. */
  notices: z.array(NoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const ItemPageSchema = z.object({ total: z.number().int().nonnegative(), items: z.array(MediaItemSchema) });
const ProblemPageSchema = z.object({ total: z.number().int().nonnegative(), problems: z.array(ImportProblemSchema) });
const PageArgsSchema = z
  .object({
    caseId: CaseIdSchema,
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(PAGE_LIMIT_MAX),
  })
  .strict();
/** `view` is the grid's "Show" choice (default "To review", so a caller that forgets it never lists known items); offsets count within it. */
const ListItemsArgsSchema = PageArgsSchema.extend({ view: ItemViewSchema.default('to-review') }).strict();

const requestContract = {
  getAppInfo: { args: empty, result: AppInfoSchema },
  getSettings: { args: empty, result: SettingsSchema },
  updateSettings: { args: SettingsPatchSchema, result: SettingsSchema },
  /** The case currently open, or null before any. */
  getCase: { args: empty, result: CaseSummarySchema.nullable() },
  /**
   * Opens a case folder. Without `folderPath`, Electron shows a folder picker;
   * null means the user cancelled. Any previous import is cancelled first.
   */
  openCase: {
    args: z.object({ folderPath: z.string().min(1).max(4096).optional() }).strict(),
    result: CaseSummarySchema.nullable(),
  },
  openDemoCase: { args: empty, result: CaseSummarySchema },
  cancelImport: { args: empty, result: ImportProgressSchema },
  listItems: { args: ListItemsArgsSchema, result: ItemPageSchema },
  getItems: {
    args: z.object({ caseId: CaseIdSchema, ids: z.array(ItemIdSchema).max(PAGE_LIMIT_MAX) }).strict(),
    result: z.array(MediaItemSchema),
  },
  listProblems: { args: PageArgsSchema, result: ProblemPageSchema },
  /**
   * The files of the near-duplicate stack holding an item, representative first, each with its
   * PDQ distance to the representative (0 for itself); each member's exact copies are in its
   * `duplicatePaths`. Empty when the item is in no near stack.
   */
  listStackMembers: {
    args: z.object({ caseId: CaseIdSchema, itemId: ItemIdSchema }).strict(),
    result: z.array(z.object({ item: MediaItemSchema, distanceBits: z.number().int().min(0).max(256) })),
  },
  /** The open case's items as runs of one folder each, for the grid grouped by folder. */
  listFolderGroups: { args: z.object({ caseId: CaseIdSchema, view: ItemViewSchema.default('to-review') }).strict(), result: z.array(FolderGroupSchema) },
  /**
   * "Show known items": a deliberate choice, for the open case only, to let known items'
   * pictures be made (veiled as usual, counted as exposure like any view). Off at every open.
   */
  showKnownItems: { args: z.object({ caseId: CaseIdSchema, shown: z.boolean() }).strict(), result: CaseSummarySchema },
  /** These grid items left the screen: their thumbnails not yet started are dropped (an adapter's request signal may never abort). */
  releaseThumbnails: {
    args: z.object({ itemIds: z.array(ItemIdSchema).max(PAGE_LIMIT_MAX) }).strict(),
    result: z.object({ withdrawn: z.number().int().nonnegative() }),
  },
  /**
   * What is on screen now. The main side stamps it with its own clock; the reply says
   * whether exposure is being counted (the window is shown, the screen unlocked, …).
   */
  reportVisibility: { args: VisibilityReportSchema, result: z.object({ counting: z.boolean() }) },
  /** The user did something (key, pointer, scroll): not away. Sent at most every few seconds. */
  reportActivity: { args: empty, result: z.object({}) },
  /** The investigator's own exposure figures: today, this week, the last 12 weeks. */
  getMyExposure: { args: empty, result: MyExposureSchema },
  /** Breaks and personal limits as they stand now. */
  getWellbeing: { args: empty, result: WellbeingViewSchema },
  /** Postpone, skip, end early, or strict mode's reasoned escape; `rejected` says why not. */
  breakAction: { args: BreakActionSchema, result: z.object({ rejected: z.string().nullable(), view: WellbeingViewSchema }) },
  /** Past a cap: a typed reason grants one fixed extension, and is counted (kept locally). */
  overrideLimit: {
    args: z.object({ quantity: LimitQuantitySchema, period: LimitPeriodSchema, reason: z.string().max(MAX_OVERRIDE_REASON_CHARS) }).strict(),
    result: z.object({ rejected: z.string().nullable(), view: WellbeingViewSchema }),
  },
  /** An item boundary (the viewer's item closed or changed, its video paused): a due break may start now. */
  reportItemBoundary: { args: empty, result: z.object({}) },
  /** The investigator's notes on the open case's items, and where they are kept. */
  getNotes: { args: z.object({ caseId: CaseIdSchema }).strict(), result: CaseNotesSchema },
  /** Sets one item's note; empty text removes it. The reply says whether it reached the notes file. */
  saveNote: {
    args: z.object({ caseId: CaseIdSchema, itemId: ItemIdSchema, text: z.string().max(MAX_NOTE_CHARS) }).strict(),
    result: z.object({ note: NoteSchema.nullable(), storage: NotesStorageSchema }),
  },
  /** Exactly the file a weekly export would share (the last finished week by default). Works with sharing off. */
  previewWeeklySummary: { args: z.object({ week: IsoWeekSchema.optional() }).strict(), result: WeeklyExportPreviewSchema },
  /** Writes one week's summary into the sharing folder now; refused while sharing is off. */
  exportWeeklySummary: {
    args: z.object({ week: IsoWeekSchema.optional() }).strict(),
    result: z.object({ week: IsoWeekSchema, fileName: z.string(), status: TeamSharingStatusSchema }),
  },
  /** The last week exported and the last failure, for the sharing settings. */
  getTeamSharing: { args: empty, result: TeamSharingStatusSchema },
  /** The wellness lead's view: aggregates of a folder of exports under the disclosure rules, and the files left out. */
  loadTeamStats: { args: LoadTeamStatsArgsSchema, result: TeamStatsResultSchema },
  /** A native folder picker where there is one (Electron); null when cancelled or when there is none. */
  pickFolder: { args: PickFolderArgsSchema, result: z.object({ folderPath: z.string().nullable() }) },
  /**
   * Reads a known-material hash set (VICS JSON, a plain list or CSV) into the library. Progress
   * arrives as `hashSetImportProgress`; the reply lists the bad records; a file with no good
   * record is refused whole with a reason. Cancelled, it leaves the library as it was.
   */
  importHashSet: { args: ImportHashSetArgsSchema, result: ImportHashSetResultSchema },
  /** Stops the running hash-set import (its request then answers `cancelled`); false when none runs. */
  cancelHashSetImport: { args: empty, result: z.object({ cancelled: z.boolean() }) },
  /** The library's sets, newest first, with their counts and bad records by reason. */
  listHashSets: { args: empty, result: z.array(HashSetSummarySchema) },
  /** Removes a set and all its hashes; the reply is the list after. */
  removeHashSet: { args: z.object({ setId: HashSetIdSchema }).strict(), result: z.array(HashSetSummarySchema) },
  /** Turns a set off (its hashes stop matching) or on again; the reply is the list after. */
  setHashSetEnabled: { args: z.object({ setId: HashSetIdSchema, enabled: z.boolean() }).strict(), result: z.array(HashSetSummarySchema) },
  /** The open case's review: its scheme (chosen at its first open), "312 of 4,200 reviewed", unsaved decisions, undo and redo. */
  getReview: { args: CaseArgsSchema, result: ReviewStateSchema },
  /** Imports a unit's category scheme file (a typed path) into the settings; refused whole, every bad entry listed, when it cannot be read. */
  importCategoryScheme: { args: z.object({ filePath: z.string().min(1).max(4096) }).strict(), result: SchemeImportResultSchema },
  /** Writes a kept custom scheme to a new file, to share with the unit; an existing file is never replaced. */
  exportCategoryScheme: {
    args: z.object({ name: z.string().min(1).max(200), filePath: z.string().min(1).max(4096) }).strict(),
    result: SchemeExportResultSchema,
  },
  /** Chooses the case's scheme at its first open; once chosen it stays (the reply then carries the stored one). */
  chooseCaseScheme: { args: ChooseSchemeArgsSchema, result: ReviewStateSchema },
  /**
   * Categorises an item (null: uncategorised) and every file of its stack, as one undoable step
   * kept in the case's history; the reply says how many copies it covered.
   */
  categoriseItem: { args: CategoriseArgsSchema, result: DecisionOutcomeSchema },
  /** Undoes the last decision (the last 100 can be), writing the undo into the history. */
  undoDecision: { args: CaseArgsSchema, result: DecisionOutcomeSchema },
  /** Makes the last undone decision again. */
  redoDecision: { args: CaseArgsSchema, result: DecisionOutcomeSchema },
  /** An item's category now and its whole history (who, when, from where, undone or not). */
  getItemReview: { args: ItemArgsSchema, result: ItemReviewSchema },
  /** "Next to review": the first item to review without a category after the given one, wrapping round; null when all are done. */
  nextToReview: { args: NextToReviewArgsSchema, result: NextToReviewSchema },
  /** Remembers the item the investigator is on (the renderer sends it debounced, not per key), so the case reopens there. */
  rememberReviewPlace: { args: ItemArgsSchema, result: z.object({}) },
  /**
   * Where the case was left: the remembered item's place in "To review", else the first item to
   * review (nulls when none is left); null when no place was ever remembered.
   */
  getReviewPlace: { args: CaseArgsSchema, result: NextToReviewSchema.nullable() },
  /**
   * Writes the open case's review (VICS 2.0 JSON, CSV, the printable summary) into a folder the
   * investigator chose, never the data folder nor inside the case; names already taken get a suffix.
   */
  exportReview: { args: ExportReviewArgsSchema, result: ExportReviewResultSchema },
  /**
   * Records the warrant's or order's reference and date for an item the referral locks
   * (append-only, in the case workspace) and unlocks it; the reply is the item after.
   */
  authoriseItem: {
    args: z.object({ caseId: CaseIdSchema, itemId: ItemIdSchema }).extend(AuthorisationSchema.shape).strict(),
    result: MediaItemSchema,
  },
  /**
   * Categorises a grid selection (and every file of each item's stack) as ONE undoable step; items
   * that keep their hash set's category are skipped and counted. An id not in the case refuses the whole batch.
   */
  categoriseItems: { args: CategoriseItemsArgsSchema, result: BatchOutcomeSchema },
  /** The open case's referral manifest: none, read, refused (every file locked) or continued without. */
  getReferralStatus: { args: CaseArgsSchema, result: ReferralStatusSchema },
  /**
   * Reads the manifest at a typed path for the open case and, once it reads, remembers it in
   * the case workspace (read again at every open). A file that cannot be used is refused with
   * its reason and changes nothing.
   */
  chooseReferralManifest: { args: z.object({ caseId: CaseIdSchema, filePath: z.string().trim().min(1).max(4096) }).strict(), result: ReferralStatusSchema },
  /** The investigator's deliberate choice to open a case whose manifest was refused without it; recorded (who, when) before anything unlocks. */
  continueWithoutManifest: { args: CaseArgsSchema, result: ReferralStatusSchema },
  /**
   * A native file picker where there is one (Electron, shown when `canPickFolder`), titled and
   * filtered by purpose; null when cancelled or when there is none (the browser host: type the path).
   */
  pickFile: { args: z.object({ purpose: PickFilePurposeSchema }).strict(), result: z.object({ filePath: z.string().nullable() }) },
} as const;

const eventContract = {
  /** Throttled progress of the running import (a few times a second at most). */
  importProgress: z.object({ caseId: CaseIdSchema, progress: ImportProgressSchema }),
  /** A case was opened or its counts changed; the grid refetches. */
  caseChanged: CaseSummarySchema,
  /** An item could not be shown after all (found when its derivative was made). */
  itemFailed: z.object({ caseId: CaseIdSchema, itemId: ItemIdSchema, error: MediaErrorSchema }),
  settingsChanged: SettingsSchema,
  /** Something the user must be told that happened after start-up (e.g. a ledger file kept aside). */
  noticeRaised: NoticeSchema,
  /** Breaks or limits changed (a phase, a countdown second, a cap reached): the UI follows. */
  wellbeingChanged: WellbeingViewSchema,
  /** Throttled progress of the running hash-set import. */
  hashSetImportProgress: HashSetImportProgressSchema,
  /** The open case's review changed (a decision, or a save that failed or finally landed): the header follows. */
  reviewChanged: ReviewStateSchema,
} as const;

export type RequestName = keyof typeof requestContract;
export type EventName = keyof typeof eventContract;

/** Arguments as a caller may write them (before defaults apply). */
export type RequestArgsIn = { [N in RequestName]: z.input<(typeof requestContract)[N]['args']> };
/** Arguments as a handler receives them, validated. */
export type RequestArgs = { [N in RequestName]: z.output<(typeof requestContract)[N]['args']> };
export type RequestResults = { [N in RequestName]: z.output<(typeof requestContract)[N]['result']> };
export type EventPayloads = { [N in EventName]: z.output<(typeof eventContract)[N]> };

type RequestResultsIn = { [N in RequestName]: z.input<(typeof requestContract)[N]['result']> };
type EventPayloadsIn = { [N in EventName]: z.input<(typeof eventContract)[N]> };

/**
 * The same tables seen through mapped types. Indexing these with a generic name
 * keeps the link between the name and its types (TypeScript's correlated-union
 * pattern), which is what lets both adapters and the client stay free of casts.
 */
export const requests: {
  [N in RequestName]: {
    args: z.ZodType<RequestArgs[N], RequestArgsIn[N]>;
    result: z.ZodType<RequestResults[N], RequestResultsIn[N]>;
  };
} = requestContract;

export const events: { [N in EventName]: z.ZodType<EventPayloads[N], EventPayloadsIn[N]> } = eventContract;

export const REQUEST_NAMES = Object.keys(requestContract).filter(isRequestName);
export const EVENT_NAMES = Object.keys(eventContract).filter(isEventName);

export function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(requestContract, name);
}

function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventContract, name);
}

// The preload's zod-free copy of the names must list every request and event (a new one
// fails the type check here until it is added there).
export { ipcChannel } from './contract-names.js';
const contractNamesComplete: NamesAll<typeof REQUEST_NAME_LIST, RequestName> & NamesAll<typeof EVENT_NAME_LIST, EventName> = true;
void contractNamesComplete;

/** What the main side implements: one async function per request, given validated arguments. */
export type RequestHandlers = { [N in RequestName]: (args: RequestArgs[N]) => Promise<RequestResults[N]> };

export type EventListener<N extends EventName> = (payload: EventPayloads[N]) => void;
