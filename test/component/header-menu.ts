import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** The header's menu button, in either language. */
export function headerMenuButton(): HTMLElement {
  return screen.getByRole('button', { name: /^(More actions|Plus d'actions)$/ });
}

/** Opens the header's menu and chooses the action named `name` in it, as a user does. */
export async function chooseInHeaderMenu(user: UserEvent, name: string): Promise<void> {
  if (headerMenuButton().getAttribute('aria-expanded') !== 'true') await user.click(headerMenuButton());
  await user.click(screen.getByRole('button', { name }));
}
