import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, UI_LANGUAGES, type UiLanguage } from '../i18n/i18n';
import { useMediaVisible } from '../media-visibility/media-visibility';

interface HeaderMenuProps {
  language: UiLanguage;
  onOpenCase: () => void;
  onOpenSettings: () => void;
  onOpenMyExposure: () => void;
  onOpenTeamStats: () => void;
  /** Absent while there is no review to export (no case yet). */
  onExportReview?: () => void;
  /** Absent while no case is open: a referral manifest is chosen for the open case. */
  onChooseManifest?: () => void;
  onLanguageChange: (language: UiLanguage) => void;
}

function isUiLanguage(value: string): value is UiLanguage {
  return UI_LANGUAGES.some((language) => language === value);
}

/** The menu's buttons, in order, for arrow-key movement between them. */
function menuButtons(panel: HTMLElement | null): HTMLButtonElement[] {
  return panel ? [...panel.querySelectorAll<HTMLButtonElement>('button')] : [];
}

/**
 * The header's secondary actions behind one disclosure button, so the header stays one
 * row in both languages and at 200 % zoom and the viewer keeps its room. Hide all media
 * is deliberately not in here: it stays one click away in the header. Escape closes the
 * menu without stopping the key, so it still hides all media as it does everywhere.
 */
export function HeaderMenu(props: HeaderMenuProps) {
  const { language, onOpenCase, onOpenSettings, onOpenMyExposure, onOpenTeamStats, onExportReview, onChooseManifest, onLanguageChange } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const mediaVisible = useMediaVisible();

  // Media hidden (Escape, from anywhere, this menu included): the menu closes with focus on
  // its button before "Media hidden" notes where focus was, so Resume brings it back there.
  useLayoutEffect(() => {
    if (mediaVisible || !rootRef.current?.contains(document.activeElement)) return;
    setOpen(false);
    buttonRef.current?.focus();
  }, [mediaVisible]);

  useEffect(() => {
    if (!open) return undefined;
    menuButtons(panelRef.current)[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  // Focus goes back to the menu button first, so a dialog opened from here returns focus to it.
  const choose = (action: () => void) => {
    close();
    action();
  };

  const items: readonly (readonly [string, () => void])[] = [
    [t('header.openCase'), onOpenCase],
    ...(onExportReview ? ([[t('reviewExport.open'), onExportReview]] as const) : []),
    [t('header.myExposure'), onOpenMyExposure],
    [t('teamStats.open'), onOpenTeamStats],
    ...(onChooseManifest ? ([[t('referralManifest.choose'), onChooseManifest]] as const) : []),
    [t('header.settings'), onOpenSettings],
  ];

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    if (event.key === 'Escape') {
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = menuButtons(panelRef.current);
    const at = buttons.findIndex((button) => button === document.activeElement);
    if (at === -1) return;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  };

  return (
    <div
      ref={rootRef}
      className="header-menu"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !(event.relatedTarget instanceof Node && rootRef.current?.contains(event.relatedTarget))) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button header-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('layout.menuLabel')}
        onClick={() => setOpen((prev) => !prev)}
      >
        {t('layout.menu')}
      </button>
      {/* While open the panel lies over the viewer: no spotlight starts or lasts under it (viewer/key-scope.ts). */}
      <div
        ref={panelRef}
        id={panelId}
        className="header-menu-panel"
        role="group"
        aria-label={t('layout.menuLabel')}
        hidden={!open}
        data-covers-viewer={open ? '' : undefined}
      >
        {items.map(([label, action]) => (
          <button key={label} type="button" className="header-menu-item" onClick={() => choose(action)}>
            {label}
          </button>
        ))}
        <label className="header-menu-language">
          <span>{t('header.language')}</span>
          <select
            value={language}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isUiLanguage(value)) onLanguageChange(value);
            }}
          >
            {UI_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
