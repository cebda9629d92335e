import { isoDurationMs, type Formatters } from '../../i18n/format';

/** A duration as words for people and an exact ISO duration (`datetime`) for machines. */
export function DurationFigure({ durationMs, format }: { durationMs: number; format: Formatters }) {
  return <time dateTime={isoDurationMs(durationMs)}>{format.figureDurationMs(durationMs)}</time>;
}
