import { useEffect, useState } from 'react';
import type { VeilClient } from '../../shared/client.js';
import type { Notice } from '../../shared/notices.js';

/**
 * Notices the main side raises after start-up (noticeRaised), e.g. a ledger day file
 * kept aside when it is first read. Listened to from the first render, so none raised
 * while the app is still loading is missed.
 */
export function useRaisedNotices(client: VeilClient): readonly Notice[] {
  const [raised, setRaised] = useState<readonly Notice[]>([]);
  useEffect(() => client.on('noticeRaised', (notice) => setRaised((prev) => [...prev, notice])), [client]);
  return raised;
}
