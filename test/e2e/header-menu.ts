import type { Page } from 'playwright-core';

/** Opens the header's menu (Open case, My exposure, Team statistics, Settings, Language) unless it is open. */
export async function openHeaderMenu(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^(More actions|Plus d'actions)$/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}
