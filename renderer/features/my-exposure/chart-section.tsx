import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import type { ExposureRow } from './exposure-rows';
import { ExposureTable } from './exposure-table';

/**
 * The charting library is most of the renderer's weight and only this view uses it: it
 * is loaded when the view first opens (a same-origin chunk, allowed by the CSP), so it
 * costs nothing at start-up. The tables do not wait for it.
 */
const ExposureChart = lazy(() => import('./exposure-chart').then((module) => ({ default: module.ExposureChart })));

export interface ChartSectionProps {
  title: string;
  /** A line under the title (e.g. the week's total). */
  summary?: ReactNode;
  rows: readonly ExposureRow[];
  chartDescription: string;
  tableCaption: string;
  periodHeader: string;
  showTableLabel: string;
  /** Adds the breaks-taken and limits-reached columns to the table. */
  withCounts?: boolean;
  /** More figures for the span, after the chart and its table. */
  children?: ReactNode;
}

/**
 * A titled region with a chart and its table. The table is always in the page for
 * screen readers; "Show … as a table" (a toggle button) puts it on screen as well.
 */
export function ChartSection({
  title,
  summary,
  rows,
  chartDescription,
  tableCaption,
  periodHeader,
  showTableLabel,
  withCounts = false,
  children,
}: ChartSectionProps) {
  const titleId = useId();
  const tableId = useId();
  const [tableShown, setTableShown] = useState(false);
  return (
    <section className="exposure-section" aria-labelledby={titleId}>
      <div className="exposure-section-head">
        <h3 id={titleId}>{title}</h3>
        <button
          type="button"
          className="button button-small"
          aria-pressed={tableShown}
          aria-controls={tableId}
          onClick={() => setTableShown((shown) => !shown)}
        >
          {showTableLabel}
        </button>
      </div>
      {summary && <p className="exposure-summary">{summary}</p>}
      <Suspense fallback={<div className="exposure-chart" aria-hidden="true" />}>
        <ExposureChart rows={rows} description={chartDescription} />
      </Suspense>
      <ExposureTable id={tableId} caption={tableCaption} periodHeader={periodHeader} rows={rows} shown={tableShown} withCounts={withCounts} />
      {children}
    </section>
  );
}
