import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { VeilClient } from '../../shared/client.js';
import { VeilProvider } from '../api/api';
import { WellbeingProvider } from '../features/wellbeing/wellbeing-provider';
import { MediaVisibilityProvider } from '../media-visibility/media-visibility';
import { AppShell } from './app-shell';

export interface AppProps {
  client: VeilClient;
  i18n: i18n;
  /** The operating system's language, for the `system` language setting. */
  systemLanguage: string;
}

/** The whole renderer, given its contract client and its translations (tests pass fakes of both). */
export function App({ client, i18n, systemLanguage }: AppProps) {
  return (
    <VeilProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <MediaVisibilityProvider>
          <WellbeingProvider>
            <AppShell systemLanguage={systemLanguage} />
          </WellbeingProvider>
        </MediaVisibilityProvider>
      </I18nextProvider>
    </VeilProvider>
  );
}
