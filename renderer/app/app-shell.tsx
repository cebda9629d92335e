import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../shared/case/media-item.js';
import type { ItemView } from '../../shared/known/item-match.js';
import { useVeil } from '../api/api';
import { DEFAULT_ITEM_VIEW } from '../features/case-items/item-store';
import { useCaseItemStore } from '../features/case-items/use-item-store';
import { ExposureReportingProvider } from '../features/exposure/exposure-reporting';
import { MediaGrid, type MediaGridHandle } from '../features/grid/media-grid';
import { ShowControl } from '../features/grid/show-control';
import { ImportPanel } from '../features/import/import-panel';
import { KnownItemsToggle } from '../features/known/known-items-toggle';
import { viewTotal } from '../features/known/known-item';
import { OverrideLimitDialog } from '../features/limits/override-limit-dialog';
import { TextOnlyPanel } from '../features/limits/text-only-panel';
import { MyExposureDialog } from '../features/my-exposure/my-exposure-dialog';
import { ReviewExportDialog } from '../features/review-export/review-export-dialog';
import { NoteEditorDialog } from '../features/notes/note-editor-dialog';
import { useCaseNotesStore } from '../features/notes/use-notes-store';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { TeamStatsDialog } from '../features/team-stats/team-stats-dialog';
import { Viewer } from '../features/viewer/viewer';
import { wellbeingModal, WellbeingBanners, WellbeingDialogs } from '../features/wellbeing/wellbeing-layer';
import { useWellbeing } from '../features/wellbeing/wellbeing-provider';
import { resolveLanguage } from '../i18n/i18n';
import { MediaHiddenPanel } from '../media-visibility/media-hidden-panel';
import { useMediaVisibility } from '../media-visibility/media-visibility';
import { AppHeader } from './app-header';
import { DecisionKeys } from '../features/decisions/use-decision-keys';
import { OpenNextAfterDecision } from '../features/decisions/open-next-after-decision';
import { OverruleDialog } from '../features/decisions/overrule-dialog';
import { categoryLabel } from '../features/decisions/category-label';
import { useReview } from '../features/decisions/use-review';
import { ReviewPlace } from '../features/decisions/use-review-place';
import { DecisionAnnouncer, ReviewProgress } from '../features/decisions/review-progress';
import { SchemeDialog } from '../features/schemes/scheme-dialog';
import { useErrorText } from './error-message';
import { NoticesBanner } from './notices-banner';
import { ChooseManifestDialog } from '../features/referral/choose-manifest-dialog';
import { ManifestStatusBanner } from '../features/referral/manifest-status';
import { OpenCaseDialog } from './open-case-dialog';
import { useAppData } from './use-app-data';
import { useRaisedNotices } from './use-raised-notices';
import { useShellActions, type ShellDialog } from './use-shell-actions';

type Dialog = ShellDialog | { note: MediaItem } | null;

// Memoised on stable props: drawn again when what they show changes, not at every keypress in the viewer.
const Header = memo(AppHeader);
const Notices = memo(NoticesBanner);
const ManifestStatus = memo(ManifestStatusBanner);
const Banners = memo(WellbeingBanners);
const Import = memo(ImportPanel);

/** Per-case view state; it resets itself when another case is opened. */
interface CaseView {
  caseId: string;
  /** The grid's "Show" choice; the grid and the viewer walk its items. */
  show: ItemView;
  activeIndex: number;
  viewerIndex: number | null;
}

function clampIndex(index: number, total: number): number {
  return Math.max(0, Math.min(index, total - 1));
}

/**
 * The app once it has a client: header, import state, the grid with the viewer over it,
 * the "Media hidden" panel, and the dialogs. Everything that changes the back end's
 * state goes through the contract client.
 */
export function AppShell({ systemLanguage }: { systemLanguage: string }) {
  const { t, i18n } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const { visible } = useMediaVisibility();
  const { state, setSettings, setSummary, setKnownShown, retry } = useAppData(client);
  const wellbeingView = useWellbeing()?.view ?? null;
  const raisedNotices = useRaisedNotices(client);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [view, setView] = useState<CaseView | null>(null);
  const [headerError, setHeaderError] = useState<string | null>(null);
  const gridRef = useRef<MediaGridHandle>(null);
  // Whether the viewer is open now, for answers that arrive after the key that asked (N's next item).
  const viewerOpenRef = useRef(false);
  const ready = state.status === 'ready' ? state : null;
  const caseId = ready?.summary.caseId ?? null;
  const itemView = view && view.caseId === caseId ? view.show : DEFAULT_ITEM_VIEW;
  const store = useCaseItemStore(client, caseId, itemView, ready?.firstItems ?? null);
  const notes = useCaseNotesStore(client, ready?.summary.caseId ?? null, ready?.settings.notesFolder ?? null);
  const settingsLanguage = ready?.settings.language;
  const review = useReview(client, caseId);
  const actions = useShellActions({ client, canPickFolder: ready?.appInfo.canPickFolder ?? false, setDialog, setHeaderError, setSummary, setSettings });
  const reviewState = review.state;
  const reviewProgress = useMemo(() => <ReviewProgress state={reviewState} />, [reviewState]);
  const appNotices = ready?.appInfo.notices;
  const notices = useMemo(() => [...(appNotices ?? []), ...raisedNotices], [appNotices, raisedNotices]);

  useEffect(() => {
    if (!settingsLanguage) return;
    const language = resolveLanguage(settingsLanguage, systemLanguage);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [settingsLanguage, systemLanguage, i18n]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  });
  useEffect(() => {
    viewerOpenRef.current = view !== null && view.viewerIndex !== null && view.caseId === ready?.summary.caseId;
  });

  if (!ready || !store || !notes) {
    return (
      <div className="app-status">
        {state.status === 'failed' ? (
          <div role="alert" className="status-card">
            <p>{t('app.startFailed', { message: errorText(state.error) })}</p>
            <button type="button" className="button" onClick={retry}>
              {t('app.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </div>
    );
  }

  const { summary, settings, appInfo } = ready;
  const total = viewTotal(summary, itemView);
  const fresh: CaseView = { caseId: summary.caseId, show: DEFAULT_ITEM_VIEW, activeIndex: 0, viewerIndex: null };
  const current = view?.caseId === summary.caseId ? view : fresh;
  const activeIndex = total > 0 ? clampIndex(current.activeIndex, total) : 0;
  const viewerIndex = current.viewerIndex === null || total === 0 ? null : clampIndex(current.viewerIndex, total);
  // Functional update: several changes in one event (close, then refocus) must compose.
  const updateView = (change: Partial<Omit<CaseView, 'caseId'>>) =>
    setView((prev) => ({
      ...(prev?.caseId === summary.caseId ? prev : fresh),
      ...change,
    }));

  const editNote = (item: MediaItem) => setDialog({ note: item });
  const closeViewer = () => {
    const index = viewerIndex ?? activeIndex;
    updateView({ viewerIndex: null, activeIndex: index });
    gridRef.current?.focusItem(index);
  };

  // The keys act on the open item, else on the focused grid item; N opens or focuses the next one to review.
  // On a known item holding its hash set's category, the back end's refusal opens the dialog asking why.
  const decisionItemId = (): string | null => {
    const cell = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-item-index]') : null;
    const index = viewerIndex ?? (cell ? Number(cell.dataset.itemIndex) : null);
    const item = index === null ? undefined : store.getItem(index);
    return item?.id ?? null;
  };
  // Read when N's answer arrives, not when N was pressed: a viewer opened meanwhile (N in the grid, then Enter) is
  // moved to the next item, never closed by the late answer.
  const openNextToReview = (index: number) => {
    const viewerOpen = viewerOpenRef.current;
    updateView({ show: 'to-review', activeIndex: index, viewerIndex: viewerOpen ? index : null });
    if (!viewerOpen) gridRef.current?.focusItem(index);
  };

  const openItem = viewerIndex === null ? undefined : store.getItem(viewerIndex);
  const textOnly = wellbeingView?.limits.textOnly === true ? wellbeingView.limits : null;
  const modal = wellbeingModal(wellbeingView, settings);
  // The case's scheme is asked before anything else is done in it: the app behind waits, inert.
  const askScheme = review.state?.schemeChosen === false;
  // Media came back (textOnly ended, e.g. a new day): the override form has nothing left to do.
  if (dialog === 'override-limit' && !textOnly) setDialog(null);

  return (
    <ExposureReportingProvider caseId={summary.caseId}>
      <div className="app-shell" inert={dialog !== null || modal !== null || askScheme || review.overrule !== null}>
        <Header
          summary={summary}
          language={resolveLanguage(settings.language, systemLanguage)}
          onOpenCase={actions.onOpenCase}
          onHideAll={actions.onHideAll}
          onOpenSettings={actions.onOpenSettings}
          onOpenMyExposure={actions.onOpenMyExposure}
          onOpenTeamStats={actions.onOpenTeamStats}
          onExportReview={review.state ? actions.onExportReview : undefined}
          onChooseManifest={actions.onChooseManifest}
          onLanguageChange={actions.onLanguageChange}
          reviewProgress={reviewProgress}
        />
        <DecisionAnnouncer text={review.announcement} />
        <DecisionKeys
          review={review}
          currentItemId={decisionItemId}
          selectedItemIds={() => (viewerIndex === null ? (gridRef.current?.selectedItemIds() ?? []) : [])}
          onNext={openNextToReview}
          enabled={visible}
        />
        <OpenNextAfterDecision
          review={review}
          enabled={settings.review.openNextAfterDecision}
          openItemId={openItem?.id ?? null}
          openIndex={itemView === 'to-review' ? viewerIndex : null}
          mayOpenAhead={openItem?.match === null}
          onNext={openNextToReview}
        />
        <ReviewPlace
          client={client}
          caseId={summary.caseId}
          ready={review.state?.schemeChosen === true}
          currentItemId={store.getItem(viewerIndex ?? activeIndex)?.id ?? null}
          viewerOpen={viewerIndex !== null}
          decided={review.state}
          stillAtStart={() => current.show === 'to-review' && current.activeIndex === 0 && current.viewerIndex === null}
          // Focused in the grid, never opened: a picture appears only by a deliberate act.
          onRestore={(index) => gridRef.current?.focusItem(index)}
        />
        <Notices notices={notices} />
        <ManifestStatus key={summary.caseId} caseId={summary.caseId} onChoose={actions.onChooseManifest} />
        <Banners settings={settings} />
        {headerError && (
          <p role="alert" className="error-text banner">
            {headerError}
          </p>
        )}
        <main className="app-main">
          <Import summary={summary} />
          <div className="media-area">
            <MediaGrid
              ref={gridRef}
              store={store}
              notes={notes}
              total={total}
              profile={settings.defaultProfile}
              activeIndex={activeIndex}
              onActiveIndexChange={(index) => updateView({ activeIndex: index })}
              onOpen={(index) => updateView({ activeIndex: index, viewerIndex: index })}
              inert={viewerIndex !== null || !visible}
              covered={viewerIndex !== null}
              importEnded={summary.import.phase !== 'scanning'}
              knownShown={summary.knownShown}
              review={review}
              // A case with items whose chosen view is empty: say why, not that the folder has no media.
              // Why a view is empty is known only once the import has listed everything; until then the grid says "not yet".
              emptyText={summary.itemCount > 0 && summary.import.phase !== 'scanning' ? t(`review.empty.${itemView}`) : undefined}
              controls={
                <>
                  <ShowControl summary={summary} view={itemView} onViewChange={(next) => updateView({ show: next, activeIndex: 0, viewerIndex: null })} />
                  {/* Offered in the Known view; once on, shown in every view, so hiding them is always one click away. */}
                  {((itemView === 'known' && summary.knownCount > 0) || summary.knownShown) && <KnownItemsToggle summary={summary} onChanged={setKnownShown} />}
                </>
              }
            />
            {viewerIndex !== null && (
              <div className="viewer-layer" inert={!visible}>
                <Viewer
                  store={store}
                  notes={notes}
                  onEditNote={editNote}
                  index={viewerIndex}
                  total={total}
                  settings={settings}
                  knownShown={summary.knownShown}
                  onIndexChange={(index) => updateView({ viewerIndex: index, activeIndex: index })}
                  onClose={closeViewer}
                  review={review}
                />
              </div>
            )}
            {!visible && (
              <MediaHiddenPanel>
                {textOnly && (
                  <TextOnlyPanel limits={textOnly} store={store} total={total} notes={notes} onEditNote={editNote} onOverride={actions.onOverrideLimit} />
                )}
              </MediaHiddenPanel>
            )}
          </div>
        </main>
      </div>
      {/* A break covers every other dialog: they wait, inert, behind it. */}
      <div className="dialog-layer" inert={modal === 'break'}>
        {askScheme && (
          <SchemeDialog customSchemes={settings.review.customSchemes} readOnly={notes.storage?.problem?.code === 'in-use'} onChoose={review.chooseScheme} />
        )}
        {review.overrule && review.state && (
          <OverruleDialog
            categoryName={categoryLabel(t, review.state.scheme, review.overrule.category)}
            onConfirm={review.confirmOverrule}
            onCancel={review.cancelOverrule}
          />
        )}
        {dialog === 'settings' && (
          <SettingsDialog settings={settings} onSaved={setSettings} onClose={actions.closeDialog} canPickFolder={appInfo.canPickFolder} />
        )}
        {dialog === 'open-case' && <OpenCaseDialog onOpened={actions.onCaseOpened} onCancel={actions.closeDialog} />}
        {dialog === 'my-exposure' && <MyExposureDialog onClose={actions.closeMyExposure} />}
        {dialog === 'referral-manifest' && <ChooseManifestDialog caseId={summary.caseId} canPickFile={appInfo.canPickFolder} onClose={actions.closeDialog} />}
        {dialog === 'review-export' && review.state && (
          <ReviewExportDialog caseId={summary.caseId} scheme={review.state.scheme} canPickFolder={appInfo.canPickFolder} onClose={actions.closeDialog} />
        )}
        {dialog === 'team-stats' && (
          <TeamStatsDialog settings={settings} canPickFolder={appInfo.canPickFolder} onSettingsSaved={setSettings} onClose={actions.closeTeamStats} />
        )}
        {typeof dialog === 'object' && dialog !== null && notes.caseId === summary.caseId && (
          <NoteEditorDialog store={notes} item={dialog.note} onClose={actions.closeDialog} />
        )}
        {dialog === 'override-limit' && textOnly && (
          <OverrideLimitDialog limits={textOnly} extensionMin={settings.limits.overrideExtensionMin} onClose={actions.closeDialog} />
        )}
      </div>
      <WellbeingDialogs settings={settings} onSettingsSaved={setSettings} />
    </ExposureReportingProvider>
  );
}
