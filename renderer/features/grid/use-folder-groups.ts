import { useEffect, useState } from 'react';
import type { FolderGroup } from '../../../shared/case/folder-groups.js';
import type { ItemView } from '../../../shared/known/item-match.js';
import { useVeil } from '../../api/api';

/**
 * The open case's folder runs in a "Show" view while `enabled` (the grid is grouped), asked again when the
 * item count changes or the import ends (a copy shown from another folder moves its item).
 * Null until known or when asking failed: the grid then shows plain rows.
 */
export function useFolderGroups(enabled: boolean, caseId: string, view: ItemView, total: number, importEnded: boolean): readonly FolderGroup[] | null {
  const client = useVeil();
  const [answer, setAnswer] = useState<{ caseId: string; view: ItemView; groups: FolderGroup[] } | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    client.call('listFolderGroups', { caseId, view }).then(
      (groups) => {
        if (current) setAnswer({ caseId, view, groups });
      },
      // A case closed meanwhile, or the back end went away: plain rows, nothing lost.
      () => {
        if (current) setAnswer(null);
      },
    );
    return () => {
      current = false;
    };
  }, [client, enabled, caseId, view, total, importEnded]);
  return enabled && answer?.caseId === caseId && answer.view === view ? answer.groups : null;
}
