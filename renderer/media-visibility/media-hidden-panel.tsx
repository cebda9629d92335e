import { useEffect, useRef, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMediaVisibility } from './media-visibility';

function isInsideModal(element: Element | null): boolean {
  return element?.closest('[aria-modal="true"]') != null;
}

/**
 * The calm panel shown over the media area while media is hidden. It takes focus
 * (unless a dialog has it), and Resume gives focus back to where it was. `children`
 * replace the usual sentence (text-only mode puts its reason and the case's text list there).
 */
export function MediaHiddenPanel({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { reasons, show } = useMediaVisibility();
  const resumeRef = useRef<HTMLButtonElement>(null);
  const returnFocusRef = useRef<Element | null>(null);

  useEffect(() => {
    const previous = document.activeElement;
    if (isInsideModal(previous)) return;
    returnFocusRef.current = previous;
    resumeRef.current?.focus();
  }, []);

  const onResume = () => {
    const target = returnFocusRef.current;
    // Commit first: the old element is focusable again only once it is no longer inert.
    flushSync(() => show('user-hidden'));
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  };

  return (
    <section className="media-hidden-panel" aria-labelledby="media-hidden-title">
      <div className={children ? 'media-hidden-card has-details' : 'media-hidden-card'}>
        <h2 id="media-hidden-title">{t('hidden.title')}</h2>
        {children ?? <p>{t('hidden.body')}</p>}
        {reasons.has('user-hidden') && (
          <button type="button" ref={resumeRef} className="button button-primary" onClick={onResume}>
            {t('hidden.resume')}
          </button>
        )}
      </div>
    </section>
  );
}
