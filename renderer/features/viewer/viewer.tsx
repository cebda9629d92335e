import { CategoryGroup } from '../decisions/category-group';
import { ItemHistory } from '../decisions/item-history';
import type { Review } from '../decisions/review-model';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { useFormatters } from '../../i18n/format';
import type { ItemStore } from '../case-items/item-store';
import { useMediaVisible } from '../../media-visibility/media-visibility';
import { useWellbeing } from '../wellbeing/wellbeing-provider';
import { useItemStoreVersion } from '../case-items/use-item-store';
import { errorReason, failureOf, typeDescription, type ShowFailure } from '../media-labels/media-labels';
import { TechnicalDetail } from '../../app/technical-detail';
import { isHiddenKnown, matchText, veilProfileFor } from '../known/known-item';
import { NoteButton } from '../notes/note-button';
import type { NotesStore } from '../notes/notes-store';
import { useNotesVersion } from '../notes/use-notes-store';
import { ImageStage } from './image-stage';
import { ItemLocation } from './item-location';
import { isViewerKey } from './key-scope';
import { useTimedReveal } from './use-timed-reveal';
import { VideoStage } from './video-stage';
import { StyleSelect } from '../filters/style-select';
import { isFlagged } from '../../../shared/referral/item-referral.js';
import { AuthoriseForm } from '../referral/authorise-form';
import { ForewarningDialog } from '../referral/forewarning-dialog';
import { RevealLimits, useRevealRules } from '../referral/reveal-limits';

interface ViewerItemProps {
  item: MediaItem;
  failure: ShowFailure | undefined;
  settings: Settings;
  /** The investigator chose "Show known items" for the case. */
  knownShown: boolean;
  keyScope: HTMLElement | null;
  onPictureFailed: (itemId: string) => void;
  caseId: string;
  /** "Not now" at the forewarning: back to the grid. */
  onClose: () => void;
  /** An authorisation was recorded: the item is read again (unlocked). */
  onAuthorised: () => void;
}

/**
 * One item in the viewer with its Reveal control. Keyed by item, so moving to another
 * item always starts veiled. Memoised: a decision on the item (its figures, its pressed button) draws the toolbar
 * again, not the stage, so the next item's picture is not kept waiting behind it.
 */
const ViewerItem = memo(function ViewerItem({
  item,
  failure,
  settings: ownSettings,
  knownShown,
  keyScope,
  onPictureFailed,
  caseId,
  onClose,
  onAuthorised,
}: ViewerItemProps) {
  const { t } = useTranslation();
  const reveal = useTimedReveal(ownSettings.revealDurationSec);
  const visible = useMediaVisible();
  const { end: endReveal } = reveal;
  const reportItemBoundary = useWellbeing()?.reportItemBoundary;
  // Keyed by item: unmounting means the item closed or another took its place, an item boundary.
  useEffect(() => () => reportItemBoundary?.(), [reportItemBoundary]);
  // Hiding media ends a reveal: Resume must bring back the veil, never the unblurred item.
  useEffect(() => {
    if (!visible) endReveal();
  }, [visible, endReveal]);
  // Known and not deliberately shown: its words stand in for it, and no picture or video is asked for.
  const hiddenKnown = item.match && isHiddenKnown(item, knownShown) ? matchText(t, item.match) : null;
  // Locked by the referral: the authorisation form stands in for it. Flagged: forewarned before anything of it is asked for.
  const locked = item.referral?.locked === true;
  const [forewarned, setForewarned] = useState(false);
  const forewarning = !locked && isFlagged(item.referral) && !forewarned;
  const canReveal = !failure && hiddenKnown === null && !locked && !forewarning;
  // This item's style, chosen here; the next item starts from the default again (ViewerItem is keyed by item).
  const [style, setStyle] = useState(ownSettings.defaultProfile.style);
  // A near match is veiled with the strongest profile whatever the investigator's own; a flag's profile may keep reveals grey or to the spotlight.
  const rules = useRevealRules(item, ownSettings);
  const settings = { ...ownSettings, revealInColour: !rules.noColourOnReveal, defaultProfile: veilProfileFor(item, { ...ownSettings.defaultProfile, style }) };
  return (
    <>
      <div className="viewer-reveal-bar">
        <button
          type="button"
          className={reveal.active ? 'button button-primary' : 'button'}
          disabled={!canReveal || rules.spotlightOnly}
          aria-describedby={rules.describedBy}
          onClick={reveal.active ? reveal.end : reveal.start}
        >
          {reveal.active ? t('viewer.endReveal') : t('viewer.reveal')}
        </button>
        {reveal.active && (
          <span className="countdown" role="timer" aria-live="off">
            {t('viewer.countdown', { seconds: reveal.remainingSec })}
          </span>
        )}
        <span className="viewer-hint">{item.kind === 'video' ? t('viewer.videoHint') : t('keyHints.holdHint')}</span>
        <RevealLimits rules={rules} />
        {item.kind === 'image' && (
          <StyleSelect
            className="viewer-style"
            label={t('filters.styleForItem')}
            labelHidden
            value={settings.defaultProfile.style}
            disabled={!canReveal || item.match?.type === 'near' || isFlagged(item.referral)}
            onChange={setStyle}
          />
        )}
      </div>
      {forewarning && (
        <ForewarningDialog
          classification={item.referral?.classification ?? null}
          annotations={item.referral?.annotations ?? []}
          onOpenStrongest={() => setForewarned(true)}
          onNotNow={onClose}
        />
      )}
      {locked ? (
        // Read again, the item comes unlocked and flagged: the forewarning comes before anything of it is asked for.
        <AuthoriseForm caseId={caseId} item={item} onAuthorised={onAuthorised} />
      ) : forewarning ? (
        <div className="stage-placeholder" aria-hidden="true" />
      ) : hiddenKnown !== null ? (
        <div className="stage-known" role="status">
          {hiddenKnown}
        </div>
      ) : failure ? (
        <div className="stage-error" role="status">
          {errorReason(t, failure.error)}
          <TechnicalDetail reason={failure.error?.reason} detail={failure.error?.detail} />
        </div>
      ) : item.kind === 'video' ? (
        <VideoStage item={item} settings={settings} revealedWhole={reveal.active} onPictureFailed={() => onPictureFailed(item.id)} />
      ) : (
        <ImageStage item={item} settings={settings} revealedWhole={reveal.active} keyScope={keyScope} onPictureFailed={() => onPictureFailed(item.id)} />
      )}
    </>
  );
});

export interface ViewerProps {
  store: ItemStore;
  notes: NotesStore;
  onEditNote: (item: MediaItem) => void;
  index: number;
  total: number;
  settings: Settings;
  /** The investigator chose "Show known items" for the case. */
  knownShown?: boolean;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  /** The review's decisions: the "Category" buttons for the open item. */
  review?: Review;
}

/**
 * The viewer: one item at a time over the grid, filtered like the grid. ←/→ step
 * through the case, Backspace (or "Back to grid") closes; Escape is kept for hiding all
 * media. It takes focus when opened, on the region rather than a button, so the key that
 * opened it cannot also press something inside it.
 */
export function Viewer({ store, notes, onEditNote, index, total, settings, knownShown = false, onIndexChange, onClose, review }: ViewerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  useItemStoreVersion(store);
  useNotesVersion(notes);
  const [region, setRegion] = useState<HTMLElement | null>(null);
  const item = store.getItem(index);
  const note = item ? notes.noteOn(item) : null;
  const learntFailure = item ? store.getFailure(item.id) : undefined;
  // Stable for the memoised item: the shell's own callbacks are new at each of its renders, so the latest is read through a ref.
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });
  const closeFromItem = useCallback(() => onCloseRef.current(), []);
  const onPictureFailed = useCallback((itemId: string) => void store.learnWhyFailed(itemId), [store]);
  const onAuthorised = useCallback(() => store.invalidate(), [store]);

  useEffect(() => {
    store.ensureRange(Math.max(0, index - 1), Math.min(total - 1, index + 1));
  });

  useEffect(() => {
    region?.focus();
  }, [region]);

  useEffect(() => {
    if (!region) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || !isViewerKey(event, region)) return;
      // Shift + arrows move the spotlight (use-spotlight-hold), they do not change item.
      if (event.key === 'ArrowLeft' && !event.shiftKey && index > 0) onIndexChange(index - 1);
      else if (event.key === 'ArrowRight' && !event.shiftKey && index < total - 1) onIndexChange(index + 1);
      else if (event.key === 'Backspace') onClose();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [region, index, total, onIndexChange, onClose]);

  return (
    <section ref={setRegion} className="viewer" aria-label={t('viewer.region')} tabIndex={-1}>
      <div className="viewer-toolbar">
        <button type="button" className="button" onClick={onClose}>
          {t('viewer.back')}
        </button>
        <div className="viewer-title">
          <h2>{item?.name ?? t('viewer.loading')}</h2>
          <span className="muted">
            {item ? `${typeDescription(t, item)} · ` : ''}
            {t('viewer.position', { position: format.count(index + 1), total: format.count(total) })}
          </span>
          {item?.match && <span className="viewer-match">{matchText(t, item.match)}</span>}
          {item && <ItemLocation item={item} caseId={store.caseId} knownShown={knownShown} />}
          {note && <span className="viewer-note">{t('notes.preview', { text: note.text })}</span>}
        </div>
        {item && <NoteButton store={notes} item={item} onEdit={onEditNote} />}
        {item && review && <CategoryGroup review={review} item={item} />}
        {item && review && <ItemHistory review={review} item={item} />}
        <div className="viewer-nav">
          <button type="button" className="button" disabled={index <= 0} onClick={() => onIndexChange(index - 1)}>
            {t('viewer.previous')}
          </button>
          <button type="button" className="button" disabled={index >= total - 1} onClick={() => onIndexChange(index + 1)}>
            {t('viewer.next')}
          </button>
        </div>
      </div>
      {item ? (
        <ViewerItem
          key={item.id}
          item={item}
          failure={failureOf(item, learntFailure)}
          settings={settings}
          knownShown={knownShown}
          keyScope={region}
          onPictureFailed={onPictureFailed}
          caseId={store.caseId}
          onClose={closeFromItem}
          onAuthorised={onAuthorised}
        />
      ) : (
        <div className="stage-placeholder" aria-hidden="true" />
      )}
    </section>
  );
}
