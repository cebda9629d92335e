import path from 'node:path';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { Notice } from '../../../shared/notices.js';
import { reasonOf, type Reason } from '../../../shared/reasons/reason.js';
import { itemReferralOf, type ItemReferral } from '../../../shared/referral/item-referral.js';
import { authorisationDateSane, lockOnByDefault, lockedByReferral, type Authorisation } from '../../../shared/referral/referral-lock.js';
import { indexReadings, type ReferralIndex } from '../../../shared/referral/referral-match.js';
import { pictureFloorFor, type PictureFloor, type ReferralSettings } from '../../../shared/referral/referral-settings.js';
import type { ContinuedWithout, ReferralStatus } from '../../../shared/referral/referral-status.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { findManifestBesideCase } from './manifest-beside-case.js';
import { readManifestFile, type ManifestReading } from './manifest-file.js';
import { lockedCopiesOf, type LockedCopies } from './locked-copies.js';
import { continuedWithoutFor, readOrRefuse, stampOf } from './manifest-source.js';

type ReferralStore = Pick<CaseWorkspace, 'appendAuthorisation' | 'listAuthorisations' | 'readReferralMeta' | 'writeReferralMeta'>;

export interface CaseReferralDeps {
  workspace(caseId: string): Promise<ReferralStore | null>;
  userName: string;
  nowMs(): number;
  /** Rows of the manifest left out: the case opens regardless. */
  notify(notice: Notice): void;
  /** The open case's readings are in, an item was authorised, or the manifest's state changed: its items changed (the grid asks again). */
  onItemsChanged(caseId: string): void;
  /** The open case's item with this id, or null. */
  itemOf(caseId: string, itemId: string): MediaItem | null;
  /** The unit's referral settings now: the lock and the per-flag profiles are read at every question, so a change holds at once. */
  settings(): ReferralSettings;
  findManifest?: (caseRoot: string) => Promise<string | null>;
  readManifest?: typeof readManifestFile;
}

interface Loaded {
  readonly index: ReferralIndex;
  /** The manifest has both columns the lock needs; the unit's setting decides whether it applies. */
  readonly lockable: boolean;
  readonly copies: LockedCopies;
  /** Authorisations by item path (any of an item's copies' paths). */
  readonly authorised: Map<string, Authorisation>;
}

/** The manifest could not be used: every file is locked until the investigator continues without it (or it is fixed or replaced). */
interface Refused {
  readonly reason: Reason;
  continued: ContinuedWithout | null;
}

interface CaseState {
  readonly caseId: string;
  readonly caseRoot: string;
  /** The manifest is read, refused, or there is none: pictures may be asked for. */
  loading: Promise<void>;
  /** The recorded authorisations are applied too. */
  authorising: Promise<void>;
  manifestPath: string | null;
  chosen: boolean;
  loaded: Loaded | null;
  refused: Refused | null;
}

export interface CaseReferral {
  /** Reads the case's manifest (the one chosen for it, else the one beside it) and its recorded authorisations, in the background. */
  caseOpened(caseId: string, caseRoot: string): void;
  /** Resolves once the open case's manifest is read or refused: the media lookup waits for it, so nothing is served unlocked early. */
  settled(): Promise<void>;
  /** Whether no picture of the open case's item may be made now (the media service's lookup asks, after `settled`). */
  isLocked(itemId: string): boolean;
  /** As `isLocked`, and also when the item has the bytes of a locked file the import has not reached yet (see locked-copies.ts): what the media lookup asks. */
  isLockedOrCopy(itemId: string): Promise<boolean>;
  /** The item with the referral's reading of it and its lock state (as it was when the manifest does not name it). */
  withReferral(item: MediaItem): MediaItem;
  /** What the referral's flags demand of every picture of the open case's item, or null (unflagged, or not in the case). */
  floorFor(itemId: string): PictureFloor | null;
  /** The unit's referral settings changed: the lock may now apply or not, so the items are read again. */
  settingsChanged(): void;
  /** Records an authorisation for a locked item (append-only) and unlocks it; the item after. */
  authorise(caseId: string, itemId: string, authorisation: Authorisation): Promise<MediaItem>;
  /** The open case's manifest and its state. */
  status(caseId: string): Promise<ReferralStatus>;
  /** Reads the manifest at `filePath` for the open case and remembers it; a refused file throws its reason and changes nothing. */
  choose(caseId: string, filePath: string): Promise<ReferralStatus>;
  /** Records (who, when) that the investigator continues without the refused manifest, then unlocks the case. */
  continueWithout(caseId: string): Promise<ReferralStatus>;
}

/** What an item of a case whose manifest was refused shows: locked, by nothing the referral said. */
const REFUSED_REFERRAL: ItemReferral = {
  classification: null,
  annotations: [],
  providerViewed: null,
  publiclyAvailable: null,
  locked: true,
  authorised: false,
  manifestRefused: true,
};

/**
 * The open case's referral: read again at every open from the manifest chosen for the case
 * (remembered in its workspace) or the one beside it, rather than kept in the workspace (the
 * file is the source; a corrected manifest takes effect at the next open), with the
 * authorisations recorded in the case workspace re-applied. A manifest that cannot be used
 * locks every file of the case until the investigator deliberately continues without it.
 */
export function createCaseReferral(deps: CaseReferralDeps): CaseReferral {
  const findManifest = deps.findManifest ?? findManifestBesideCase;
  const readManifest = deps.readManifest ?? readManifestFile;
  let current: CaseState | null = null;

  /** Re-applies the authorisations recorded at earlier opens; a locked item stays locked until they are read (and if they cannot be). */
  async function applyAuthorisations(state: CaseState): Promise<void> {
    const loaded = state.loaded;
    // Read even with the lock off now: the unit may turn it on again while the case is open.
    if (loaded === null || !loaded.lockable) return;
    try {
      const workspace = await deps.workspace(state.caseId);
      for (const row of workspace ? await workspace.listAuthorisations() : [])
        loaded.authorised.set(row.itemPath, { reference: row.reference, dateIso: row.dateIso });
      if (current === state && loaded.authorised.size > 0) deps.onItemsChanged(state.caseId);
    } catch (error) {
      console.error('reading the authorisations recorded for the case', error);
    }
  }

  async function loadedFrom(caseRoot: string, manifestPath: string, reading: ManifestReading): Promise<Loaded> {
    if (reading.badRowCount > 0)
      deps.notify({ code: 'referral-manifest-rows-left-out', detail: `${manifestPath}: ${reading.badRowCount} bad rows`, keptAs: null });
    const lockable = lockOnByDefault(reading.columns);
    return { index: indexReadings(reading.entries), lockable, copies: await lockedCopiesOf(caseRoot, reading.entries, lockable), authorised: new Map() };
  }

  /** What the case's workspace remembers of its referral; nothing when it has none or cannot be read (then only a manifest beside the case counts). */
  async function metaOf(caseId: string): Promise<{ chosenManifest: string | null; continuedWithout: string | null }> {
    try {
      const workspace = await deps.workspace(caseId);
      if (workspace) return await workspace.readReferralMeta();
    } catch (error) {
      console.error('reading the referral choices recorded for the case', error);
    }
    return { chosenManifest: null, continuedWithout: null };
  }

  async function load(state: CaseState): Promise<void> {
    // Authorisations come after (applyAuthorisations); which manifest, and a "continue without", must be known before any picture.
    const meta = await metaOf(state.caseId);
    state.chosen = meta.chosenManifest !== null;
    state.manifestPath = meta.chosenManifest ?? (await findManifest(state.caseRoot));
    if (state.manifestPath === null) return;
    const outcome = await readOrRefuse(state.manifestPath, readManifest);
    if (outcome.ok) state.loaded = await loadedFrom(state.caseRoot, state.manifestPath, outcome.reading);
    else
      state.refused = { reason: outcome.reason, continued: continuedWithoutFor(meta.continuedWithout, state.manifestPath, await stampOf(state.manifestPath)) };
  }

  function authorisationOf(loaded: Loaded, item: MediaItem): Authorisation | null {
    for (const itemPath of [item.relativePath, ...item.duplicatePaths]) {
      const found = loaded.authorised.get(itemPath);
      if (found) return found;
    }
    return null;
  }

  const lockedWhole = (state: CaseState | null): boolean => state?.refused !== null && state?.refused !== undefined && state.refused.continued === null;

  function referralOf(item: MediaItem): ItemReferral | undefined {
    if (lockedWhole(current)) return REFUSED_REFERRAL;
    const loaded = current?.loaded;
    const reading = loaded?.index.readingFor(item) ?? null;
    if (!loaded || reading === null) return undefined;
    const wouldLock = lockedByReferral(reading, loaded.lockable && deps.settings().authorisationLock);
    const authorised = wouldLock && authorisationOf(loaded, item) !== null;
    return itemReferralOf(reading, wouldLock && !authorised, authorised);
  }

  function withReferral(item: MediaItem): MediaItem {
    const referral = referralOf(item);
    return referral === undefined ? item : { ...item, referral };
  }

  function openState(caseId: string): CaseState {
    const state = current;
    if (state?.caseId !== caseId) throw VeilRequestError.because(reasonOf('case-not-open', {}));
    return state;
  }

  function statusOf(state: CaseState): ReferralStatus {
    const refused = state.refused;
    const continued = refused?.continued ?? null;
    return {
      state: refused === null ? (state.loaded === null ? 'none' : 'read') : continued === null ? 'refused' : 'continued-without',
      manifestPath: state.manifestPath,
      chosen: state.chosen,
      reason: refused?.reason ?? null,
      continuedWithout: continued && { userName: continued.userName, atMs: continued.atMs },
    };
  }

  /** The workspace the choice is recorded in, or a refusal: a choice that cannot be recorded is not made. */
  async function recordingWorkspace(caseId: string): Promise<ReferralStore> {
    const workspace = await deps.workspace(caseId).catch(() => null);
    if (!workspace) throw VeilRequestError.because(reasonOf('referral-choice-not-recorded', {}));
    return workspace;
  }

  return {
    caseOpened(caseId, caseRoot) {
      const state: CaseState = {
        caseId,
        caseRoot,
        loading: Promise.resolve(),
        authorising: Promise.resolve(),
        manifestPath: null,
        chosen: false,
        loaded: null,
        refused: null,
      };
      current = state;
      state.loading = load(state).then(() => {
        if (current === state && (state.loaded !== null || state.refused !== null)) deps.onItemsChanged(caseId);
      });
      state.authorising = state.loading.then(() => applyAuthorisations(state));
    },
    async settled() {
      // Until the case open when it resolves is settled: a case opened meanwhile must not be asked about before its own manifest is known.
      let state = current;
      while (state !== null) {
        await state.loading;
        state = state === current ? null : current;
      }
    },
    isLocked(itemId) {
      const item = current ? deps.itemOf(current.caseId, itemId) : null;
      return item !== null && referralOf(item)?.locked === true;
    },
    async isLockedOrCopy(itemId) {
      const state = current;
      const item = state ? deps.itemOf(state.caseId, itemId) : null;
      if (item === null) return false;
      if (referralOf(item)?.locked === true) return true;
      return state?.loaded != null && deps.settings().authorisationLock && (await state.loaded.copies.isCopyOfLocked(item));
    },
    withReferral,
    floorFor(itemId) {
      const item = current ? deps.itemOf(current.caseId, itemId) : null;
      return item === null ? null : pictureFloorFor(referralOf(item), deps.settings());
    },
    settingsChanged() {
      if (current?.loaded) deps.onItemsChanged(current.caseId);
    },
    async authorise(caseId, itemId, authorisation) {
      const state = openState(caseId);
      if (!authorisationDateSane(authorisation.dateIso, deps.nowMs())) throw VeilRequestError.because(reasonOf('referral-authorisation-date-invalid', {}));
      await state.authorising;
      const item = deps.itemOf(caseId, itemId);
      if (item === null) throw VeilRequestError.because(reasonOf('item-not-in-case', {}));
      // An authorisation answers what a manifest says of one file; a refused manifest says nothing to answer.
      if (lockedWhole(state)) throw VeilRequestError.because(reasonOf('referral-manifest-refused', {}));
      // Nothing to authorise (not locked, or already authorised): nothing is recorded.
      if (referralOf(item)?.locked !== true || !state.loaded) return withReferral(item);
      const workspace = await deps.workspace(caseId);
      if (!workspace) throw VeilRequestError.because(reasonOf('referral-authorisation-not-recorded', {}));
      // Recorded before it unlocks: no pixels without the record.
      await workspace.appendAuthorisation({ itemPath: item.relativePath, ...authorisation, userName: deps.userName, atMs: Math.round(deps.nowMs()) });
      state.loaded.authorised.set(item.relativePath, authorisation);
      deps.onItemsChanged(caseId);
      return withReferral(item);
    },
    async status(caseId) {
      const state = openState(caseId);
      await state.loading;
      return statusOf(state);
    },
    async choose(caseId, filePath) {
      const state = openState(caseId);
      // Remembered and read again at every open: a relative path would be read from wherever Veil happens to run then.
      if (!path.isAbsolute(filePath)) throw VeilRequestError.because(reasonOf('referral-manifest-path-not-full', { path: filePath }));
      await state.loading;
      const outcome = await readOrRefuse(filePath, readManifest);
      if (!outcome.ok) throw VeilRequestError.because(outcome.reason);
      const loaded = await loadedFrom(state.caseRoot, filePath, outcome.reading);
      await (await recordingWorkspace(caseId)).writeReferralMeta('referral.chosenManifest', filePath);
      if (current !== state) throw VeilRequestError.because(reasonOf('case-not-open', {}));
      Object.assign(state, { manifestPath: filePath, chosen: true, loaded, refused: null });
      state.authorising = applyAuthorisations(state);
      await state.authorising;
      deps.onItemsChanged(caseId);
      return statusOf(state);
    },
    async continueWithout(caseId) {
      const state = openState(caseId);
      await state.loading;
      const refused = state.refused;
      if (refused === null || refused.continued !== null || state.manifestPath === null) return statusOf(state);
      const record: ContinuedWithout = {
        manifestPath: state.manifestPath,
        ...(await stampOf(state.manifestPath)),
        userName: deps.userName,
        atMs: Math.round(deps.nowMs()),
      };
      // Recorded before anything unlocks: the choice is on the case's record, with who and when.
      await (await recordingWorkspace(caseId)).writeReferralMeta('referral.continuedWithout', JSON.stringify(record));
      refused.continued = record;
      deps.onItemsChanged(caseId);
      return statusOf(state);
    },
  };
}
