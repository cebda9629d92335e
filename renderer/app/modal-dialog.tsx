import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface ModalDialogProps {
  title: string;
  children: ReactNode;
  className?: string;
  /** Where focus goes back on close; by default the element focused when the dialog opened. */
  returnFocusTo?: Element | null;
  /** 'dialog' focuses the dialog itself, so no button is one key press away (the break screen). */
  initialFocus?: 'first-field' | 'dialog';
  /** Describes the dialog for screen readers (an element id inside it). */
  describedBy?: string;
  /** What the dialog's Close (or Cancel) button does: Alt+C does it too, and the dialog says so. */
  onClose?: () => void;
  /**
   * What Escape does here, said in place of "Esc hides all media" by a dialog that also answers
   * it (the forewarning's "Not now"): two lines about one key read as a contradiction.
   */
  escapeHint?: string;
}

function isTextEntry(target: EventTarget): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
}

/** Close's own key: Escape stays the key that hides all media, everywhere. */
function isCloseKey(event: KeyboardEvent<HTMLElement>): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey) return false;
  if (event.key.toLowerCase() === 'c') return true;
  // On a Mac, Option+C types "ç": in a text field that is writing (a French "reçu"), elsewhere it is Close.
  return event.code === 'KeyC' && !isTextEntry(event.target);
}

/**
 * Gives focus back where it was; when that place is gone (or was the page itself, as for a
 * dialog shown at start-up), to the grid's current cell, else the first control in the main
 * area that takes it, so keyboard users do not start again from the top of the page.
 */
function returnFocus(previous: Element | null): void {
  const candidates = [previous, document.querySelector('[role="grid"] [tabindex="0"]'), ...(document.querySelector('main')?.querySelectorAll(FOCUSABLE) ?? [])];
  for (const candidate of candidates) {
    if (!(candidate instanceof HTMLElement) || !candidate.isConnected || candidate === document.body) continue;
    candidate.focus();
    if (document.activeElement === candidate) return;
  }
}

/**
 * A modal dialog (role=dialog, aria-modal) drawn over an inert app. Focus goes to the
 * first field when it opens, Tab cycles inside it, and focus returns to where it was
 * when it closes. Escape is not bound here: in Veil, Escape always hides media, and every
 * dialog says so beside its buttons; Close has its own key (Alt+C) when `onClose` is given.
 */
export function ModalDialog({ title, children, className, returnFocusTo, initialFocus = 'first-field', describedBy, onClose, escapeHint }: ModalDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const returnFocusRef = useRef(returnFocusTo);

  useEffect(() => {
    const previous = returnFocusRef.current ?? document.activeElement;
    const first = initialFocus === 'first-field' ? dialogRef.current?.querySelector<HTMLElement>(FOCUSABLE) : null;
    (first ?? dialogRef.current)?.focus();
    return () => returnFocus(previous);
    // Only at open and close: a later prop change must not move focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (onClose && isCloseKey(event)) {
      event.preventDefault();
      // A dialog opened from another (the sharing preview over Settings) closes alone.
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        className={className ? `modal ${className}` : 'modal'}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
        <p className="modal-keys">
          <span>{escapeHint ?? t('keyHints.dialogEsc')}</span> {onClose && <span>{t('keyHints.dialogClose')}</span>}
        </p>
      </div>
    </div>
  );
}
