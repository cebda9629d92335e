import type { RequestHandlers } from '../../shared/contract.js';
import { VeilRequestError } from '../../shared/contract-errors.js';
import type { Notice } from '../../shared/notices.js';
import type { CaseSession } from './case/case-session.js';
import type { MediaService } from './media/media-service.js';
import type { ExposureService } from './exposure/exposure-service.js';
import type { NotesForOpenCase } from './notes/notes-for-open-case.js';
import type { SettingsService } from './settings/settings-service.js';
import { loadTeamStats } from './team-sharing/load-team-stats.js';
import type { TeamSharingService } from './team-sharing/team-sharing-service.js';
import type { WellbeingService } from './wellbeing/wellbeing-service.js';
import type { KnownMaterialService } from './known/known-material-service.js';
import type { ReviewService } from './review/review-service.js';
import { createSchemeFiles } from './review/scheme-files.js';
import type { PickFilePurpose } from '../../shared/files/pick-file-purpose.js';

/** The native folder picker; `mayCreate` lets the investigator make a new folder in it. */
export type PickFolder = (options: { mayCreate: boolean }) => Promise<string | null>;
/** The native file picker, titled and filtered by purpose; null when cancelled. */
export type PickFile = (purpose: PickFilePurpose) => Promise<string | null>;
import type { CaseReferral } from './referral/case-referral.js';

export interface RequestTableParts {
  host: 'electron' | 'browser';
  version: string;
  settings: SettingsService;
  session: CaseSession;
  exposure: ExposureService;
  wellbeing: WellbeingService;
  notes: NotesForOpenCase;
  sharing: TeamSharingService;
  media: MediaService;
  known: KnownMaterialService;
  review: ReviewService;
  referral: CaseReferral;
  /** Everything the user must be told since start-up, gathered from the services. */
  notices: () => Notice[];
  /** Opens a case folder (the demo when `isDemo`) and resets what belonged to the last one. */
  openFolder: (folderPath: string, isDemo: boolean) => ReturnType<CaseSession['open']>;
  demoCaseDir: string;
  /** Native folder picker (Electron); null where there is none (browser host). */
  pickFolder: PickFolder | null;
  /** Native file picker (Electron); absent where there is none (browser host). */
  pickFile?: PickFile;
  exportReview: RequestHandlers['exportReview'];
}

/**
 * The contract's request table: each request mapped onto the service that answers it.
 * Arguments arrive already checked against the contract's schemas; no logic lives here.
 */
export function createRequestHandlers(parts: RequestTableParts): RequestHandlers {
  const { settings, session, exposure, wellbeing, notes, sharing, media, known, review, referral, openFolder, pickFolder } = parts;
  const schemes = createSchemeFiles({ settings });
  return {
    getAppInfo: async () => ({
      version: parts.version,
      host: parts.host,
      canPickFolder: pickFolder !== null,
      notices: parts.notices(),
    }),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
    getCase: async () => session.summary(),
    openCase: async ({ folderPath }) => {
      if (folderPath !== undefined) return openFolder(folderPath, false);
      if (!pickFolder) throw new VeilRequestError('invalid-arguments', 'openCase: folderPath is required here');
      const picked = await pickFolder({ mayCreate: false });
      return picked === null ? null : openFolder(picked, false);
    },
    openDemoCase: async () => openFolder(parts.demoCaseDir, true),
    cancelImport: async () => session.cancelImport(),
    listItems: async ({ caseId, offset, limit, view }) => {
      const page = session.listItems(caseId, offset, limit, view);
      return { ...page, items: page.items.map(referral.withReferral) };
    },
    getItems: async ({ caseId, ids }) => session.getItems(caseId, ids).map(referral.withReferral),
    listProblems: async ({ caseId, offset, limit }) => session.listProblems(caseId, offset, limit),
    listStackMembers: async ({ caseId, itemId }) =>
      session.stackMembers(caseId, itemId).map((member) => ({ ...member, item: referral.withReferral(member.item) })),
    listFolderGroups: async ({ caseId, view }) => session.listFolderGroups(caseId, view),
    showKnownItems: async ({ caseId, shown }) => session.showKnownItems(caseId, shown),
    releaseThumbnails: async ({ itemIds }) => ({ withdrawn: media.releaseThumbnails(itemIds) }),
    reportVisibility: async (report) => exposure.report(report),
    reportActivity: async () => {
      exposure.activity();
      return {};
    },
    getMyExposure: async () => exposure.myExposure(),
    getWellbeing: async () => wellbeing.view(),
    breakAction: async (action) => wellbeing.breakAction(action),
    overrideLimit: async ({ quantity, period, reason }) => wellbeing.overrideLimit(quantity, period, reason),
    reportItemBoundary: async () => {
      wellbeing.itemBoundary();
      return {};
    },
    getNotes: async ({ caseId }) => notes.load(caseId),
    saveNote: async ({ caseId, itemId, text }) => notes.save(caseId, itemId, text),
    previewWeeklySummary: async ({ week }) => sharing.preview(week),
    exportWeeklySummary: async ({ week }) => sharing.exportNow(week),
    getTeamSharing: async () => sharing.status(),
    loadTeamStats: async (args) => loadTeamStats(args),
    pickFolder: async ({ mayCreate }) => ({ folderPath: pickFolder ? await pickFolder({ mayCreate: mayCreate ?? false }) : null }),
    importHashSet: async (args) => known.importHashSet(args),
    cancelHashSetImport: async () => ({ cancelled: known.cancelImport() }),
    listHashSets: async () => known.listHashSets(),
    removeHashSet: async ({ setId }) => known.removeHashSet(setId),
    setHashSetEnabled: async ({ setId, enabled }) => known.setHashSetEnabled(setId, enabled),
    getReview: async ({ caseId }) => review.state(caseId),
    importCategoryScheme: async ({ filePath }) => schemes.importScheme(filePath),
    exportCategoryScheme: async ({ name, filePath }) => schemes.exportScheme(name, filePath),
    chooseCaseScheme: async ({ caseId, scheme }) => review.chooseScheme(caseId, scheme),
    categoriseItem: async ({ caseId, itemId, category, reason }) => review.categorise(caseId, itemId, category, reason),
    undoDecision: async ({ caseId }) => review.undo(caseId),
    redoDecision: async ({ caseId }) => review.redo(caseId),
    getItemReview: async ({ caseId, itemId }) => review.item(caseId, itemId),
    nextToReview: async ({ caseId, afterItemId }) => review.nextToReview(caseId, afterItemId),
    rememberReviewPlace: async ({ caseId, itemId }) => (await review.rememberPlace(caseId, itemId), {}),
    getReviewPlace: async ({ caseId }) => review.place(caseId),
    exportReview: async (args) => parts.exportReview(args),
    authoriseItem: async ({ caseId, itemId, reference, dateIso }) => referral.authorise(caseId, itemId, { reference, dateIso }),
    categoriseItems: async ({ caseId, itemIds, category }) => review.categoriseMany(caseId, itemIds, category),
    getReferralStatus: async ({ caseId }) => referral.status(caseId),
    chooseReferralManifest: async ({ caseId, filePath }) => referral.choose(caseId, filePath),
    continueWithoutManifest: async ({ caseId }) => referral.continueWithout(caseId),
    pickFile: async ({ purpose }) => ({ filePath: parts.pickFile ? await parts.pickFile(purpose) : null }),
  };
}
