import { useEffect, useState } from 'react';

/** A new phrase about every 20 s: long enough to read slowly, short enough not to go stale. */
export const PHRASE_ROTATION_MS = 20_000;

/** One of the user's own encouragement phrases, in the UI language, changing slowly. */
export function EncouragementPhrase({ phrases }: { phrases: readonly string[] }) {
  const [index, setIndex] = useState(0);

  useEffect(() => {
    if (phrases.length < 2) return undefined;
    const timer = setInterval(() => setIndex((value) => value + 1), PHRASE_ROTATION_MS);
    return () => clearInterval(timer);
  }, [phrases.length]);

  const phrase = phrases.length > 0 ? phrases[index % phrases.length] : undefined;
  if (!phrase) return null;
  return <p className="encouragement">{phrase}</p>;
}
