/**
 * Cells a spreadsheet would read as a formula (or as a formula after trimming a tab or
 * carriage return), per the OWASP advice on CSV injection: prefixed with an apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A byte-order mark, so spreadsheet programs read the file as UTF-8 (accents, dashes). */
export const UTF8_BOM = '\ufeff';

/**
 * One CSV field (RFC 4180): a formula-looking start is defused with a leading apostrophe (a
 * file named `=HYPERLINK(…)` stays a name when a unit opens the file in a spreadsheet), and a
 * field holding a quote, a comma or a line break is quoted with its quotes doubled.
 */
export function csvField(text: string): string {
  const defused = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
