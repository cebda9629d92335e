import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { VeilClient } from '../../shared/client.js';
import { VeilProvider } from '../../renderer/api/api';
import { App } from '../../renderer/app/app';
import { createI18n, type UiLanguage } from '../../renderer/i18n/i18n';
import { MediaVisibilityProvider } from '../../renderer/media-visibility/media-visibility';
import type { FakeVeil } from './fakes/fake-veil';

/** Renders the whole app against a fake back end and waits for the grid. */
export async function renderApp(fake: FakeVeil, { systemLanguage = 'en-CA' }: { systemLanguage?: string } = {}) {
  const i18n = createI18n(systemLanguage.startsWith('fr') ? 'fr-CA' : 'en');
  const view = render(<App client={fake.client} i18n={i18n} systemLanguage={systemLanguage} />);
  const grid = await screen.findByRole('grid');
  return { ...view, i18n, grid };
}

/** Renders one component with the providers the app would give it. */
export function renderWithProviders(ui: ReactNode, client: VeilClient, language: UiLanguage = 'en') {
  const i18n = createI18n(language);
  return {
    ...render(
      <VeilProvider client={client}>
        <I18nextProvider i18n={i18n}>
          <MediaVisibilityProvider>{ui}</MediaVisibilityProvider>
        </I18nextProvider>
      </VeilProvider>,
    ),
    i18n,
  };
}
