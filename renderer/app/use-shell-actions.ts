import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import type { VeilClient } from '../../shared/client.js';
import type { Settings } from '../../shared/settings/settings.js';
import type { UiLanguage } from '../i18n/i18n';
import { useMediaVisibility } from '../media-visibility/media-visibility';
import { useErrorText } from './error-message';

/** The app shell's dialogs other than a note's (which carries its item). */
export type ShellDialog = 'open-case' | 'settings' | 'my-exposure' | 'team-stats' | 'override-limit' | 'review-export' | 'referral-manifest';

interface ShellActionsOptions {
  client: VeilClient;
  /** The host can show a folder picker (Electron); otherwise "Open case" asks for a path. */
  canPickFolder: boolean;
  setDialog: (dialog: ShellDialog | null) => void;
  setHeaderError: (message: string | null) => void;
  setSummary: (summary: CaseSummary) => void;
  setSettings: (settings: Settings) => void;
}

/**
 * The header's and dialogs' actions, each a stable callback: the header and banners are memoised on them, so a
 * keypress in the viewer (which draws the app shell again) does not draw them again on the way to the next item.
 */
export function useShellActions({ client, canPickFolder, setDialog, setHeaderError, setSummary, setSettings }: ShellActionsOptions) {
  const { t, i18n } = useTranslation();
  const { errorText } = useErrorText();
  const { hide, show } = useMediaVisibility();
  const onCaseOpened = useCallback(
    (opened: CaseSummary) => {
      setSummary(opened);
      setDialog(null);
    },
    [setSummary, setDialog],
  );
  const onOpenCase = useCallback(() => {
    setHeaderError(null);
    if (!canPickFolder) {
      setDialog('open-case');
      return;
    }
    client
      .call('openCase', {})
      .then((opened) => {
        if (opened) onCaseOpened(opened);
      })
      .catch((error: unknown) => setHeaderError(t('header.openFailed', { message: errorText(error) })));
  }, [client, canPickFolder, onCaseOpened, setDialog, setHeaderError, t, errorText]);
  const onLanguageChange = useCallback(
    (language: UiLanguage) => {
      void i18n.changeLanguage(language);
      client
        .call('updateSettings', { language })
        .then(setSettings)
        .catch((error: unknown) => setHeaderError(t('settings.failed', { message: errorText(error) })));
    },
    [client, i18n, setSettings, setHeaderError, t, errorText],
  );
  return useMemo(() => {
    const open = (dialog: ShellDialog) => () => setDialog(dialog);
    return {
      onCaseOpened,
      onOpenCase,
      onLanguageChange,
      onHideAll: () => hide('user-hidden'),
      onOpenSettings: open('settings'),
      onExportReview: open('review-export'),
      onChooseManifest: open('referral-manifest'),
      onOverrideLimit: open('override-limit'),
      closeDialog: () => setDialog(null),
      // My exposure hides all media while it is open: nothing shows (or is counted) behind it.
      onOpenMyExposure: () => {
        hide('my-exposure');
        setDialog('my-exposure');
      },
      closeMyExposure: () => {
        show('my-exposure');
        setDialog(null);
      },
      // The team view hides all media too: a lead reading team figures sees no case media behind them.
      onOpenTeamStats: () => {
        hide('team-stats');
        setDialog('team-stats');
      },
      closeTeamStats: () => {
        show('team-stats');
        setDialog(null);
      },
    };
  }, [onCaseOpened, onOpenCase, onLanguageChange, hide, show, setDialog]);
}
