import type { CategoryTally } from './export-rows.js';
import { SUMMARY_TEXT } from './export-summary-text.js';

export interface ReviewSummary {
  caseName: string;
  /** The scheme's name as the UI shows it. */
  schemeName: string;
  language: 'en' | 'fr-CA';
  writtenAtMs: number;
  fileCount: number;
  itemCount: number;
  knownCount: number;
  duplicateCount: number;
  nearCopyCount: number;
  reviewedCount: number;
  toReviewCount: number;
  /** Files never shown: known items (unless shown), identical and near copies. */
  avoidedCount: number;
  /** In the scheme's order; codes with no count are left out. */
  categories: readonly { code: string; name: string; tally: CategoryTally }[];
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values: a case named `<script>` is shown, never run. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Minutes precision, 24-hour, UTC stated: the page may be read in another time zone. */
function writtenAt(atMs: number): string {
  return `${new Date(atMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// Print first: black on white, no margins wasted, one page; the screen view is the same page.
const STYLE = `
body{font:11pt/1.4 system-ui,sans-serif;color:#000;background:#fff;max-width:42em;margin:1.5em auto;padding:0 1em}
h1{font-size:16pt;margin:0 0 .5em}h2{font-size:12pt;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.25em .5em;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
footer{margin-top:1.5em;font-size:9pt;color:#333}
@media print{@page{size:auto;margin:15mm}body{margin:0;max-width:none;font-size:10pt}h2,table{break-inside:avoid}}
`;

/**
 * The one-page case review summary: counts only, never a picture or a path (no <img>, no
 * external resource, every text escaped), in the UI's language, with a print stylesheet.
 */
export function summaryHtml(summary: ReviewSummary): string {
  const text = SUMMARY_TEXT[summary.language];
  const number = new Intl.NumberFormat(summary.language);
  const row = (label: string, value: number) => `<tr><th scope="row">${escapeHtml(label)}</th><td class="n">${number.format(value)}</td></tr>`;
  const categoryRows = summary.categories.map(
    ({ name, tally }) =>
      `<tr><th scope="row">${escapeHtml(name)}</th><td class="n">${number.format(tally.reviewed)}</td><td class="n">${number.format(tally.known)}</td></tr>`,
  );
  const categories =
    categoryRows.length === 0
      ? `<p>${escapeHtml(text.noCategories)}</p>`
      : `<table><thead><tr><th scope="col">${escapeHtml(text.category)}</th><th scope="col" class="n">${escapeHtml(text.reviewedColumn)}</th><th scope="col" class="n">${escapeHtml(text.knownColumn)}</th></tr></thead><tbody>${categoryRows.join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="${summary.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${text.title} — ${summary.caseName}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(text.title)}</h1>
<table><tbody>
<tr><th scope="row">${escapeHtml(text.case)}</th><td>${escapeHtml(summary.caseName)}</td></tr>
<tr><th scope="row">${escapeHtml(text.scheme)}</th><td>${escapeHtml(summary.schemeName)}</td></tr>
<tr><th scope="row">${escapeHtml(text.written)}</th><td>${writtenAt(summary.writtenAtMs)}</td></tr>
</tbody></table>
<h2>${escapeHtml(text.counts)}</h2>
<table><tbody>
${[
  row(text.files, summary.fileCount),
  row(text.items, summary.itemCount),
  row(text.known, summary.knownCount),
  row(text.duplicates, summary.duplicateCount),
  row(text.nearCopies, summary.nearCopyCount),
  row(text.reviewed, summary.reviewedCount),
  row(text.toReview, summary.toReviewCount),
  row(text.avoided, summary.avoidedCount),
].join('\n')}
</tbody></table>
<h2>${escapeHtml(text.byCategory)}</h2>
${categories}
<footer>${escapeHtml(text.footnote)}</footer>
</body>
</html>
`;
}
