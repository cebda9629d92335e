import { describe, expect, it } from 'vitest';
import { csvCell, csvChunks } from '../../../../shared/review/export-csv.js';
import { exportRows } from '../../../../shared/review/export-rows.js';
import { escapeHtml, summaryHtml, type ReviewSummary } from '../../../../shared/review/export-summary-html.js';
import { vicsChunks, vicsMedia } from '../../../../shared/review/export-vics.js';
import type { CaseScheme } from '../../../../shared/review/category-scheme.js';
import { exportItem, knownMatch } from './export-fixture.js';

const VIC: CaseScheme = { id: 'vic-us' };

describe('export rows', () => {
  it('gives every file of a stack the stack decision, copies that joined later and identical copies included', () => {
    const representative = exportItem(1, { duplicatePaths: ['copy/1.jpg'] });
    const nearCopy = exportItem(2, { stackId: representative.id });
    const undecided = exportItem(3);
    const { rows, reviewedCount, toReviewCount } = exportRows([nearCopy, representative, undecided], new Map([['folder/1.jpg', '1']]), VIC, null);
    expect(rows.map((row) => [row.path, row.category])).toEqual([
      ['folder/2.jpg', '1'],
      ['folder/1.jpg', '1'],
      ['copy/1.jpg', '1'],
    ]);
    expect({ reviewedCount, toReviewCount }).toEqual({ reviewedCount: 1, toReviewCount: 2 });
  });

  it('exports a known item with its set category as precategorised by the set, and leaves out one whose set gave none', () => {
    const { rows, byCategory } = exportRows([exportItem(1, { match: knownMatch('2') }), exportItem(2, { match: knownMatch(null) })], new Map(), VIC, null);
    expect(rows).toEqual([expect.objectContaining({ path: 'folder/1.jpg', category: '2', precategorisedBy: 'Unit set' })]);
    expect(byCategory.get('2')).toEqual({ reviewed: 0, known: 1 });
  });

  it('exports the category an investigator overruled a known item to, not the set’s, and not as precategorised', () => {
    const overruled = exportItem(1, { match: knownMatch('1'), duplicatePaths: ['copy/1.jpg'] });
    const withdrawn = exportItem(2, { match: knownMatch('1') });
    const kept = exportItem(3, { match: knownMatch('1') });
    const decided = new Map<string, string | null>([
      ['folder/1.jpg', '0'],
      ['copy/1.jpg', '0'],
      ['folder/2.jpg', null],
      ['folder/3.jpg', '1'],
    ]);
    const { rows, byCategory } = exportRows([overruled, withdrawn, kept], decided, VIC, null);
    expect(rows.map((row) => [row.path, row.category, row.precategorisedBy])).toEqual([
      ['folder/1.jpg', '0', null],
      ['copy/1.jpg', '0', null],
      ['folder/3.jpg', '1', 'Unit set'],
    ]);
    expect(byCategory).toEqual(
      new Map([
        ['0', { reviewed: 0, known: 1 }],
        ['1', { reviewed: 0, known: 1 }],
      ]),
    );
  });

  it('carries notes only when they are asked for', () => {
    const items = [exportItem(1)];
    const decided = new Map([['folder/1.jpg', '0']]);
    expect(exportRows(items, decided, VIC, null).rows[0]?.comment).toBeNull();
    expect(exportRows(items, decided, VIC, new Map([['folder/1.jpg', 'seen twice']])).rows[0]?.comment).toBe('seen twice');
  });
});

describe('VICS records', () => {
  const [row] = exportRows([exportItem(10)], new Map([['folder/10.jpg', '1']]), VIC, new Map([['folder/10.jpg', 'a note']])).rows;
  if (!row) throw new Error('no row');

  it('writes the Media fields VICS tools read: numeric category, upper-case hashes, not precategorised', () => {
    expect(vicsMedia(row, 1, VIC)).toEqual({
      MediaID: 1,
      Category: 1,
      MD5: row.md5.toUpperCase(),
      SHA1: row.sha1.toUpperCase(),
      MediaSize: 1010,
      RelativeFilePath: 'folder/10.jpg',
      IsPrecategorized: false,
      Comments: 'a note',
    });
  });

  it('keeps a UK grade as text, as the importer reads that scheme', () => {
    expect(vicsMedia({ ...row, category: 'A' }, 1, { id: 'uk-abc' }).Category).toBe('A');
  });

  it('joins its pieces into one JSON document, MediaIDs counting from 1', () => {
    const rows = Array.from({ length: 5 }, (_, index) => ({ ...row, path: `p${index}` }));
    const parsed: unknown = JSON.parse([...vicsChunks(rows, VIC, 2)].join(''));
    expect(parsed).toMatchObject({ value: rows.map((_, index) => ({ MediaID: index + 1, RelativeFilePath: `p${index}` })) });
    expect(JSON.parse([...vicsChunks([], VIC)].join(''))).toMatchObject({ value: [] });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and leaves plain cells bare', () => {
    expect(csvCell('a,b.jpg')).toBe('"a,b.jpg"');
    expect(csvCell('say "hi".jpg')).toBe('"say ""hi"".jpg"');
    expect(csvCell('two\nlines.jpg')).toBe('"two\nlines.jpg"');
    expect(csvCell('plain/path.jpg')).toBe('plain/path.jpg');
    expect(csvCell(42)).toBe('42');
  });

  it('turns a cell a spreadsheet would run as a formula into text', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}HYPERLINK("x")`)).toMatch(/^"?'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('writes a BOM, the header, one CRLF line per record, and a Comments column only with notes', () => {
    const rows = exportRows([exportItem(1, { relativePath: '=cmd,"x".jpg' })], new Map([['=cmd,"x".jpg', '1']]), VIC, new Map([['=cmd,"x".jpg', '@me']])).rows;
    const withNotes = [...csvChunks(rows, VIC, true)].join('');
    expect(withNotes.startsWith('\uFEFFMediaID,Category,MD5,SHA1,MediaSize,RelativeFilePath,IsPrecategorized,PrecategorizationSource,Comments\r\n')).toBe(true);
    expect(withNotes.split('\r\n')[1]).toBe(`1,1,${rows[0]?.md5.toUpperCase()},${rows[0]?.sha1.toUpperCase()},1001,"'=cmd,""x"".jpg",false,,'@me`);
    expect([...csvChunks(rows, VIC, false)].join('')).not.toContain('Comments');
  });
});

describe('summary HTML', () => {
  const summary: ReviewSummary = {
    caseName: '<script>alert(1)</script> & "case"',
    schemeName: 'Project VIC (US)',
    language: 'en',
    writtenAtMs: Date.UTC(2026, 11, 7, 4, 5),
    fileCount: 1200,
    itemCount: 1000,
    knownCount: 40,
    duplicateCount: 200,
    nearCopyCount: 12,
    reviewedCount: 300,
    toReviewCount: 648,
    avoidedCount: 252,
    categories: [{ code: '1', name: '1, CAM <b>', tally: { reviewed: 7, known: 3 } }],
  };

  it('escapes every text and holds no picture or outside resource', () => {
    const html = summaryHtml(summary);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;case&quot;');
    expect(html).toContain('1, CAM &lt;b&gt;');
    expect(html).not.toMatch(/<img|<video|<link|url\(|src=/i);
    expect(html).toContain('@media print');
    expect(html).toContain('2026-12-07 04:05 UTC');
    expect(html).toContain('1,200');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('is written in French when the UI is, numbers grouped the French way', () => {
    const html = summaryHtml({ ...summary, language: 'fr-CA' });
    expect(html).toContain('<html lang="fr-CA">');
    expect(html).toContain('Résumé de l’examen du dossier');
    // French typography: a non-breaking space before ':' and ';', so the colon never starts a printed line.
    expect(html).toContain('Exposition évitée\u00a0: fichiers jamais montrés');
    expect(html).not.toMatch(/\p{L} [:;!?]/u);
    expect(html).toMatch(/1\s200/);
  });
});
