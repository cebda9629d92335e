import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

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
}

/**
 * A modal dialog (role=dialog, aria-modal) drawn over an inert app. Focus goes to the
 * first field when it opens, Tab cycles inside it, and focus returns to where it was
 * when it closes. Escape is not bound here: in Veil, Escape always hides media.
 */
export function ModalDialog({ title, children, className, returnFocusTo, initialFocus = 'first-field', describedBy }: ModalDialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const returnFocusRef = useRef(returnFocusTo);

  useEffect(() => {
    const previous = returnFocusRef.current ?? document.activeElement;
    const first = initialFocus === 'first-field' ? dialogRef.current?.querySelector<HTMLElement>(FOCUSABLE) : null;
    (first ?? dialogRef.current)?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
    // Only at open and close: a later prop change must not move focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
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
      </div>
    </div>
  );
}
