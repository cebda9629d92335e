import { folderGroups } from '../../../shared/case/folder-groups.js';
import type { ReferralStatus } from '../../../shared/referral/referral-status.js';
import { vi } from 'vitest';
import { createClient, type Transport, type VeilClient } from '../../../shared/client.js';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import { IDLE_IMPORT } from '../../../shared/case/import-progress.js';
import type { ImportProblem, MediaItem } from '../../../shared/case/media-item.js';
import type { BreakAction } from '../../../shared/breaks/break-events.js';
import type { LimitPeriod, LimitQuantity } from '../../../shared/limits/cap-keys.js';
import type { AppInfo, EventName, EventPayloads, RequestHandlers } from '../../../shared/contract.js';
import { dispatchRequest } from '../../../shared/dispatch.js';
import type { MyExposure } from '../../../shared/exposure/exposure-summary.js';
import type { VisibilityReport } from '../../../shared/exposure/visibility-report.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings/settings.js';
import type { WellbeingView } from '../../../shared/wellbeing/wellbeing-view.js';
import { withNote, type Note, type NotesStorage } from '../../../shared/notes/case-notes.js';
import { emptyMyExposure } from './fake-exposure';
import { fakePreview, fakeTeamStats, NO_EXPORT_STATUS } from './fake-team';
import type { TeamSharingStatus, TeamStatsResult } from '../../../shared/team-sharing/team-sharing-contract.js';
import { wellbeingView } from './fake-wellbeing';
import type { HashSetSummary, ImportHashSetResult } from '../../../shared/known/hash-set-contract.js';
import { inItemView, type ItemView } from '../../../shared/known/item-match.js';
import { createFakeReview } from './fake-review';
import type { ExportReviewArgs, ExportReviewResult } from '../../../shared/review/export-contract.js';

export const FAKE_CASE_ID = 'case-fake-0001';
const FAKE_MEDIA_PREFIX = 'veil-media://item/';

/** Item ids that fit the contract's id pattern: `it-0000042`. */
export function fakeItemId(index: number): string {
  return `it-${String(index).padStart(7, '0')}`;
}

/** A digest that fits the contract's pattern, different for every item. */
function fakeDigest(index: number, digits: number): string {
  return index.toString(16).padStart(digits, '0');
}

/**
 * The synthetic case: every 10th item is an MP4 video, every 13th (from 5) a JPEG named
 * .png, every 50th (from 49) one that failed to decode. Everything else is a JPEG.
 */
export function fakeItem(index: number): MediaItem {
  const isVideo = index % 10 === 3;
  const mislabelled = !isVideo && index % 13 === 5;
  const broken = !isVideo && index % 50 === 49;
  const stem = isVideo ? `clip-${String(index).padStart(6, '0')}` : `photo-${String(index).padStart(6, '0')}`;
  return {
    id: fakeItemId(index),
    name: `${stem}.${isVideo ? 'mp4' : mislabelled ? 'png' : 'jpg'}`,
    relativePath: `evidence/${stem}`,
    kind: isVideo ? 'video' : 'image',
    format: isVideo ? 'mp4' : 'jpeg',
    sizeBytes: 1000 + index,
    duplicatePaths: [],
    claimedFormat: mislabelled ? 'png' : null,
    error: broken ? { code: 'decode-failed', detail: 'VipsJpeg: premature end of JPEG image' } : null,
    md5: fakeDigest(index, 32),
    sha1: fakeDigest(index, 40),
    sha256: fakeDigest(index, 64),
    pdq: null,
    pdqQuality: null,
    widthPx: null,
    heightPx: null,
    stackId: fakeItemId(index),
    stackSize: 1,
    match: null,
  };
}

type ViewCounts = Pick<CaseSummary, 'knownCount' | 'nearMatchCount' | 'duplicateStackCount' | 'toReviewCount' | 'nearCopyCount'>;

/** The summary's view counts as the back end would give them for these items. */
function countViews(items: readonly MediaItem[]): ViewCounts {
  const count = (view: ItemView) => items.filter((item) => inItemView(item, view)).length;
  return {
    knownCount: count('known'),
    nearMatchCount: count('near'),
    duplicateStackCount: count('duplicates'),
    toReviewCount: count('to-review'),
    nearCopyCount: items.length - count('known') - count('to-review'),
  };
}

const NO_MANIFEST: ReferralStatus = { state: 'none', manifestPath: null, chosen: false, reason: null, continuedWithout: null };

export interface FakeVeilOptions {
  itemCount?: number;
  settings?: Partial<Settings>;
  appInfo?: Partial<AppInfo>;
  summary?: Partial<CaseSummary>;
  /** getCase answers null at start-up, so the app must open the demo case. */
  noCaseOpen?: boolean;
  problems?: ImportProblem[];
  items?: (index: number) => MediaItem;
  /** What getMyExposure answers; nothing recorded by default. */
  myExposure?: MyExposure;
  /** What getWellbeing answers (and breakAction/overrideLimit by default): working, no caps. */
  wellbeing?: WellbeingView;
  /** The investigator's notes at start; none by default. */
  notes?: Note[];
  /** Where notes are kept; beside the case by default. */
  notesStorage?: NotesStorage;
  /** What loadTeamStats answers: 12 people over 4 weeks by default. */
  teamStats?: TeamStatsResult;
  teamSharing?: TeamSharingStatus;
  /** The known-material library's sets; none by default. */
  hashSets?: HashSetSummary[];
  /** How many copies an item's stack has beside it, for review decisions; none by default. */
  copiesOf?: (itemId: string) => number;
  /** The case's scheme is not chosen yet: the app asks for it. */
  askScheme?: boolean;
}

/**
 * An in-memory back end: real contract handlers behind the real dispatcher and the
 * real client, so arguments and results are validated exactly as in the app. Handlers
 * are vi.fn spies; `emit` pushes an event as the host would.
 */
export function createFakeVeil(options: FakeVeilOptions = {}) {
  const itemCount = options.itemCount ?? 100_000;
  const makeItem = options.items ?? fakeItem;
  const problems = options.problems ?? [];
  // The default items are all to review, with no copies: no need to make 100,000 of them to count.
  const allItems = options.items ? Array.from({ length: itemCount }, (_, index) => makeItem(index)) : null;
  const viewIndexes = new Map<ItemView, number[]>();
  /** The case positions of a view's items, or null when the view holds every item in order. */
  const indexesOf = (view: ItemView): number[] | null => {
    if (view === 'all') return null;
    if (!allItems) return view === 'to-review' ? null : [];
    let indexes = viewIndexes.get(view);
    if (!indexes) {
      indexes = allItems.flatMap((item, index) => (inItemView(item, view) ? [index] : []));
      viewIndexes.set(view, indexes);
    }
    return indexes;
  };
  const state = {
    // The first-run limits wizard is done unless a test asks for it.
    settings: { ...DEFAULT_SETTINGS, language: 'en', limitsWizardDone: true, ...options.settings } satisfies Settings,
    summary: {
      caseId: FAKE_CASE_ID,
      name: 'Operation Test',
      isDemo: false,
      itemCount,
      problemCount: problems.length,
      duplicateCount: 0,
      ...(allItems ? countViews(allItems) : { knownCount: 0, nearMatchCount: 0, duplicateStackCount: 0, toReviewCount: itemCount, nearCopyCount: 0 }),
      knownShown: false,
      pdqProgress: null,
      listVersion: 0,
      import: { ...IDLE_IMPORT, phase: 'done', filesFound: itemCount, filesProcessed: itemCount },
      ...options.summary,
    } satisfies CaseSummary,
    myExposure: options.myExposure ?? emptyMyExposure(),
    /** The breaks-and-limits view the fake answers with; `setWellbeing` changes it and pushes it. */
    wellbeing: options.wellbeing ?? wellbeingView(),
    /** The main side's answer to reportVisibility: counting while the report lists surfaces. */
    counting: (report: VisibilityReport) => report.pageVisible && report.surfaces.length > 0,
    notes: options.notes ?? [],
    notesStorage: options.notesStorage ?? { state: 'saved', location: '/cases/Operation Test.veil-notes.json', problem: null },
    teamStats: options.teamStats ?? fakeTeamStats(12),
    teamSharing: options.teamSharing ?? NO_EXPORT_STATUS,
    hashSets: options.hashSets ?? [],
  };
  const appInfo: AppInfo = { version: '0.1.0-test', host: 'browser', canPickFolder: false, notices: [], ...options.appInfo };
  const demo: CaseSummary = { ...state.summary, caseId: 'case-demo-0001', name: 'Demo case', isDemo: true };

  const review = createFakeReview({
    caseId: FAKE_CASE_ID,
    totalCount: () => state.summary.toReviewCount,
    copiesOf: options.copiesOf,
    askScheme: options.askScheme,
  });
  const handlers = {
    ...review.handlers,
    getAppInfo: vi.fn(async () => appInfo),
    getSettings: vi.fn(async () => state.settings),
    updateSettings: vi.fn(async (patch: Partial<Settings>) => {
      state.settings = { ...state.settings, ...patch };
      return state.settings;
    }),
    getCase: vi.fn(async () => (options.noCaseOpen ? null : state.summary)),
    openCase: vi.fn(async ({ folderPath }: { folderPath?: string }) => ({
      ...state.summary,
      caseId: 'case-opened-0002',
      name: folderPath ? (folderPath.split('/').pop() ?? folderPath) : 'Picked folder',
    })),
    openDemoCase: vi.fn(async () => demo),
    cancelImport: vi.fn(async () => ({ ...state.summary.import, phase: 'cancelled' as const })),
    listItems: vi.fn(async ({ offset, limit, view }: { caseId: string; offset: number; limit: number; view: ItemView }) => {
      const indexes = indexesOf(view);
      const total = indexes ? indexes.length : itemCount;
      const end = Math.min(total, offset + limit);
      const items: MediaItem[] = [];
      for (let i = offset; i < end; i += 1) items.push(makeItem(indexes ? (indexes[i] ?? i) : i));
      return { total, items };
    }),
    getItems: vi.fn(async ({ ids }: { caseId: string; ids: string[] }) => ids.map((id) => makeItem(Number(id.slice(3))))),
    listProblems: vi.fn(async ({ offset, limit }: { caseId: string; offset: number; limit: number }) => ({
      total: problems.length,
      problems: problems.slice(offset, offset + limit),
    })),
    // No near stacks unless a test gives listStackMembers its answer with mockResolvedValue.
    listStackMembers: vi.fn(async (_args: { caseId: string; itemId: string }) => [] as { item: MediaItem; distanceBits: number }[]),
    listFolderGroups: vi.fn(async ({ view }: { caseId: string; view: ItemView }) => {
      const indexes = indexesOf(view) ?? Array.from({ length: itemCount }, (_, index) => index);
      return folderGroups(indexes.map((index) => makeItem(index)));
    }),
    showKnownItems: vi.fn(async ({ shown }: { caseId: string; shown: boolean }) => {
      // As the back end does: a change is pushed to every window, and the reply carries it too.
      if (state.summary.knownShown !== shown) {
        state.summary = { ...state.summary, knownShown: shown };
        emit('caseChanged', state.summary);
      }
      return state.summary;
    }),
    releaseThumbnails: vi.fn(async ({ itemIds }: { itemIds: string[] }) => ({ withdrawn: itemIds.length })),
    reportVisibility: vi.fn(async (report: VisibilityReport) => ({ counting: state.counting(report) })),
    reportActivity: vi.fn(async () => ({})),
    getMyExposure: vi.fn(async () => state.myExposure),
    getWellbeing: vi.fn(async () => state.wellbeing),
    breakAction: vi.fn(async (_action: BreakAction) => ({ rejected: null as string | null, view: state.wellbeing })),
    overrideLimit: vi.fn(async (_args: { quantity: LimitQuantity; period: LimitPeriod; reason: string }) => ({
      rejected: null as string | null,
      view: state.wellbeing,
    })),
    reportItemBoundary: vi.fn(async () => ({})),
    getNotes: vi.fn(async (_args: { caseId: string }) => ({ storage: state.notesStorage, notes: state.notes })),
    saveNote: vi.fn(async ({ itemId, text }: { caseId: string; itemId: string; text: string }) => {
      const relativePath = makeItem(Number(itemId.slice(3))).relativePath;
      state.notes = withNote(state.notes, relativePath, text, 1_700_000_000_000);
      return { note: state.notes.find((note) => note.relativePath === relativePath) ?? null, storage: state.notesStorage };
    }),
    previewWeeklySummary: vi.fn(async ({ week }: { week?: string }) => fakePreview(week)),
    exportWeeklySummary: vi.fn(async ({ week }: { week?: string }) => {
      const preview = fakePreview(week);
      state.teamSharing = { lastExportedWeek: preview.week, lastFailure: null };
      return { week: preview.week, fileName: preview.fileName, status: state.teamSharing };
    }),
    getTeamSharing: vi.fn(async () => state.teamSharing),
    loadTeamStats: vi.fn(async (_args: { folderPath: string; minGroupSize: number; fromWeek?: string; toWeek?: string }) => state.teamStats),
    pickFolder: vi.fn(async () => ({ folderPath: null as string | null })),
    // Known-material sets: an empty library; tests give importHashSet its answer with mockResolvedValue.
    importHashSet: vi.fn(async (_args: { filePath: string; name: string; scheme: string; hex64Kind: string }): Promise<ImportHashSetResult> => ({
      outcome: 'cancelled',
    })),
    cancelHashSetImport: vi.fn(async () => ({ cancelled: false })),
    // The item unlocked; tests give it another answer with mockResolvedValue.
    authoriseItem: vi.fn(async ({ itemId }: { caseId: string; itemId: string; reference: string; dateIso: string }) => makeItem(Number(itemId.slice(3)))),
    // No manifest; tests give the referral's state with mockResolvedValue.
    getReferralStatus: vi.fn(async (_args: { caseId: string }): Promise<ReferralStatus> => NO_MANIFEST),
    chooseReferralManifest: vi.fn(async ({ filePath }: { caseId: string; filePath: string }): Promise<ReferralStatus> => ({
      ...NO_MANIFEST,
      state: 'read',
      manifestPath: filePath,
      chosen: true,
    })),
    continueWithoutManifest: vi.fn(async (_args: { caseId: string }): Promise<ReferralStatus> => NO_MANIFEST),
    pickFile: vi.fn(async (_args: { purpose: string }) => ({ filePath: null as string | null })),
    listHashSets: vi.fn(async () => state.hashSets),
    removeHashSet: vi.fn(async ({ setId }: { setId: number }) => (state.hashSets = state.hashSets.filter((set) => set.setId !== setId))),
    setHashSetEnabled: vi.fn(
      async ({ setId, enabled }: { setId: number; enabled: boolean }) =>
        (state.hashSets = state.hashSets.map((set) => (set.setId === setId ? { ...set, enabled } : set))),
    ),
    // Tests give exportReview its answer with mockResolvedValue / mockRejectedValue.
    exportReview: vi.fn(async (_args: ExportReviewArgs): Promise<ExportReviewResult> => ({ files: [], recordCount: 0 })),
  } satisfies RequestHandlers;

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    request: (name, args) => dispatchRequest(handlers, name, args),
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    mediaPrefix: FAKE_MEDIA_PREFIX,
    mediaQuerySuffix: '',
  };
  const client: VeilClient = createClient(transport);

  function emit<N extends EventName>(name: N, payload: EventPayloads[N]): void {
    for (const listener of listeners.get(name) ?? []) listener(payload);
  }

  /** The main side's view changes: later answers carry it, and wellbeingChanged pushes it. */
  function setWellbeing(view: WellbeingView): void {
    state.wellbeing = view;
    emit('wellbeingChanged', view);
  }

  return { client, handlers, emit, setWellbeing, state, review, listenerCount: (name: EventName) => listeners.get(name)?.size ?? 0 };
}

export type FakeVeil = ReturnType<typeof createFakeVeil>;
