import type { MediaItem } from '../../../shared/case/media-item.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { Notice } from '../../../shared/notices.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import { itemReferralOf, type ItemReferral } from '../../../shared/referral/item-referral.js';
import { authorisationDateSane, lockOnByDefault, lockedByReferral, type Authorisation } from '../../../shared/referral/referral-lock.js';
import { indexReadings, type ReferralIndex } from '../../../shared/referral/referral-match.js';
import { pictureFloorFor, type PictureFloor, type ReferralSettings } from '../../../shared/referral/referral-settings.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { findManifestBesideCase } from './manifest-beside-case.js';
import { readManifestFile } from './manifest-file.js';
import { lockedCopiesOf, type LockedCopies } from './locked-copies.js';

type AuthorisationStore = Pick<CaseWorkspace, 'appendAuthorisation' | 'listAuthorisations'>;

export interface CaseReferralDeps {
  workspace(caseId: string): Promise<AuthorisationStore | null>;
  userName: string;
  nowMs(): number;
  /** A manifest beside the case that could not be read, or rows of it left out: the case opens regardless. */
  notify(notice: Notice): void;
  /** The open case's readings are in, or an item was authorised: its items changed (the grid asks again). */
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

interface CaseState {
  readonly caseId: string;
  /** The manifest is read (or there is none): pictures may be asked for. */
  loading: Promise<void>;
  /** The recorded authorisations are applied too. */
  authorising: Promise<void>;
  loaded: Loaded | null;
}

export interface CaseReferral {
  /** Reads the manifest beside the newly opened case and its recorded authorisations, in the background. */
  caseOpened(caseId: string, caseRoot: string): void;
  /** Resolves once the open case's manifest and authorisations are read: the media lookup waits for it, so nothing is served unlocked early. */
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
}

/**
 * The open case's referral: read again from the file beside the case at every open rather
 * than kept in the workspace (the file is the source; a corrected manifest takes effect at the
 * next open), with the authorisations recorded in the case workspace re-applied.
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

  async function load(caseRoot: string): Promise<Loaded | null> {
    // Authorisations come after (applyAuthorisations): pictures wait for the manifest only, never for the workspace.
    const authorised = new Map<string, Authorisation>();
    const manifestPath = await findManifest(caseRoot);
    if (manifestPath === null) return null;
    try {
      const reading = await readManifest(manifestPath);
      if (reading.badRowCount > 0)
        deps.notify({ code: 'referral-manifest-rows-left-out', detail: `${manifestPath}: ${reading.badRowCount} bad rows`, keptAs: null });
      const lockable = lockOnByDefault(reading.columns);
      return { index: indexReadings(reading.entries), lockable, copies: await lockedCopiesOf(caseRoot, reading.entries, lockable), authorised };
    } catch (error) {
      const code = error instanceof VeilRequestError && error.reason ? `${error.reason.code} ${JSON.stringify(error.reason.params)}` : String(error);
      deps.notify({ code: 'referral-manifest-unread', detail: `${manifestPath}: ${code}`, keptAs: null });
      return null;
    }
  }

  function authorisationOf(loaded: Loaded, item: MediaItem): Authorisation | null {
    for (const itemPath of [item.relativePath, ...item.duplicatePaths]) {
      const found = loaded.authorised.get(itemPath);
      if (found) return found;
    }
    return null;
  }

  function referralOf(item: MediaItem): ItemReferral | undefined {
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

  return {
    caseOpened(caseId, caseRoot) {
      const state: CaseState = { caseId, loading: Promise.resolve(), authorising: Promise.resolve(), loaded: null };
      current = state;
      state.loading = load(caseRoot).then((loaded) => {
        state.loaded = loaded;
        if (current === state && loaded !== null) deps.onItemsChanged(caseId);
      });
      state.authorising = state.loading.then(() => applyAuthorisations(state));
    },
    settled: () => current?.loading ?? Promise.resolve(),
    isLocked(itemId) {
      const item = current ? deps.itemOf(current.caseId, itemId) : null;
      return item !== null && referralOf(item)?.locked === true;
    },
    async isLockedOrCopy(itemId) {
      const state = current;
      const item = state ? deps.itemOf(state.caseId, itemId) : null;
      if (item === null || !state?.loaded) return false;
      if (referralOf(item)?.locked === true) return true;
      return deps.settings().authorisationLock && (await state.loaded.copies.isCopyOfLocked(item));
    },
    floorFor(itemId) {
      const item = current ? deps.itemOf(current.caseId, itemId) : null;
      return item === null ? null : pictureFloorFor(referralOf(item), deps.settings());
    },
    settingsChanged() {
      if (current?.loaded) deps.onItemsChanged(current.caseId);
    },
    withReferral,
    async authorise(caseId, itemId, authorisation) {
      const state = current;
      if (state?.caseId !== caseId) throw VeilRequestError.because(reasonOf('case-not-open', {}));
      if (!authorisationDateSane(authorisation.dateIso, deps.nowMs())) throw VeilRequestError.because(reasonOf('referral-authorisation-date-invalid', {}));
      await state.authorising;
      const item = deps.itemOf(caseId, itemId);
      if (item === null) throw VeilRequestError.because(reasonOf('item-not-in-case', {}));
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
  };
}
