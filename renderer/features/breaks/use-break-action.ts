import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakAction } from '../../../shared/breaks/break-events.js';
import { useErrorText } from '../../app/error-message';
import { rejectionText } from '../wellbeing/rejection-text';
import { useWellbeing } from '../wellbeing/wellbeing-provider';

/**
 * Sends a break action and keeps what went wrong as a sentence: the back end's
 * rejection ("no postpones left") or a failed request. `busy` stops double sends.
 */
export function useBreakAction() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const wellbeing = useWellbeing();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (action: BreakAction): Promise<boolean> => {
    if (!wellbeing || busy) return false;
    setBusy(true);
    setError(null);
    try {
      const { rejected } = await wellbeing.breakAction(action);
      if (rejected !== null) setError(t('breaks.rejected', { reason: rejectionText(t, rejected) }));
      return rejected === null;
    } catch (reason) {
      setError(t('breaks.failed', { message: errorText(reason) }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { send, busy, error };
}
