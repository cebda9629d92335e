import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Paced breathing: in for 4 s, out for 6 s (a longer out-breath calms). The CSS animation uses the same 10 s cycle. */
export const BREATHE_IN_MS = 4_000;
export const BREATHE_OUT_MS = 6_000;

/**
 * A circle that grows while breathing in and shrinks while breathing out, with the
 * words. With prefers-reduced-motion the stylesheet hides the circle: the words remain.
 * The words are not a live region: a screen reader hears them only when it reads them.
 */
export function BreathingGuide() {
  const { t } = useTranslation();
  const [breathingIn, setBreathingIn] = useState(true);

  useEffect(() => {
    const timer = setTimeout(() => setBreathingIn((value) => !value), breathingIn ? BREATHE_IN_MS : BREATHE_OUT_MS);
    return () => clearTimeout(timer);
  }, [breathingIn]);

  return (
    <div className="breathing-guide" role="group" aria-label={t('breaks.breathingLabel')}>
      <div className="breathing-circle" aria-hidden="true" />
      <p className="breathing-words">{breathingIn ? t('breaks.breatheIn') : t('breaks.breatheOut')}</p>
    </div>
  );
}
