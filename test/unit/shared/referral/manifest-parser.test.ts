import { describe, expect, it } from 'vitest';
import { MD5, parseManifest, SHA1, SHA256 } from './manifest-helpers.js';

const HEADER = 'path,md5,classification,provider viewed,publicly available,annotations,hotline note';

describe('referral manifest parser: CSV', () => {
  it('reads every documented column, keeps unknown columns as text, and says the lock columns are there', () => {
    const { outcome, entries, bad } = parseManifest(
      `${HEADER}\nphotos/a.jpg,${MD5.toUpperCase()},a1,no,no,infant|violence,"seen twice, on two sites"\n.\\\\photos\\\\b.jpg,,B2,yes,,,\n`,
    );
    expect(bad).toEqual([]);
    expect(outcome).toMatchObject({ ok: true, format: 'csv', entries: 2, columns: { providerViewed: true, publiclyAvailable: true, extra: ['hotline note'] } });
    expect(entries[0]).toEqual({
      place: 2,
      path: 'photos/a.jpg',
      md5: MD5,
      sha1: null,
      sha256: null,
      classification: 'A1',
      providerViewed: false,
      publiclyAvailable: false,
      annotations: ['infant', 'violence'],
      extra: [{ name: 'hotline note', value: 'seen twice, on two sites' }],
    });
    expect(entries[1]).toMatchObject({ path: 'photos/b.jpg', classification: 'B2', providerViewed: true, publiclyAvailable: null, annotations: [] });
  });

  it('lists each bad row with its line and reason, and still loads the good rows', () => {
    const { outcome, entries, bad } = parseManifest(
      [
        'sha1;sha256;path;industry classification;viewed;public;annotations',
        `${SHA1};;ok/1.jpg;A2;no;no;sadism`,
        `${MD5};;x.jpg;A1;no;no;`,
        `;${SHA256.slice(1)};y.jpg;A1;no;no;`,
        `;;../outside.jpg;A1;no;no;`,
        `;;/etc/passwd;A1;no;no;`,
        `;;C:\\Users\\x.jpg;A1;no;no;`,
        `;;a/../../b.jpg;A1;no;no;`,
        `;;z.jpg;C3;no;no;`,
        `;;z.jpg;A1;maybe;no;`,
        `;;z.jpg;A1;no;no;cats`,
        `;;z.jpg;A1;no`,
        `;;;A1;no;no;`,
        `;${'g'.repeat(64)};q.jpg;A1;no;no;`,
        `;;ok/2.jpg;B1;oui;non;bestiality infant`,
      ].join('\r\n'),
    );
    expect(outcome).toMatchObject({ ok: true, entries: 2, badRows: 12 });
    expect(entries.map((entry) => entry.path)).toEqual(['ok/1.jpg', 'ok/2.jpg']);
    expect(entries[1]).toMatchObject({ providerViewed: true, publiclyAvailable: false, annotations: ['infant', 'bestiality'] });
    expect(bad.map(({ place, reason }) => [place, reason])).toEqual([
      [3, 'hash-wrong-length'],
      [4, 'hash-wrong-length'],
      [5, 'path-leaves-case'],
      [6, 'path-leaves-case'],
      [7, 'path-leaves-case'],
      [8, 'path-leaves-case'],
      [9, 'classification-unknown'],
      [10, 'flag-value-unknown'],
      [11, 'annotation-unknown'],
      [12, 'wrong-column-count'],
      [13, 'no-file-named'],
      [14, 'hash-not-hex'],
    ]);
    expect(bad.find((row) => row.place === 3)?.column).toBe('sha1');
  });

  it('lists a file named twice and keeps the stronger reading of the two', () => {
    const { entries, bad } = parseManifest(
      `path,md5,classification,provider viewed,publicly available,annotations,note\na.jpg,,B2,yes,yes,,first\nA.jpg,,A2,yes,yes,,\nb.jpg,${MD5},B1,yes,no,violence,\na.jpg,${MD5},B1,no,yes,infant,second\n`,
    );
    expect(bad).toEqual([{ place: 5, placeKind: 'line', reason: 'named-twice', firstPlace: 2 }]);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      path: 'a.jpg',
      md5: MD5,
      classification: 'B1',
      providerViewed: false,
      publiclyAvailable: true,
      annotations: ['infant'],
      extra: [
        { name: 'note', value: 'first' },
        { name: 'note', value: 'second' },
      ],
    });
    // Paths are matched exactly: `A.jpg` is another file on a case-sensitive disk.
    expect(entries[1]?.path).toBe('A.jpg');
  });

  it('skips a byte-order mark, blank lines and comments, and reads the header after them', () => {
    const text = `\uFEFF# referral 2026-118\n\n${HEADER}\n\na.jpg,,A1,no,no,,\n`;
    const { outcome, entries } = parseManifest(text);
    expect(outcome.ok).toBe(true);
    expect(entries[0]).toMatchObject({ place: 5, path: 'a.jpg' });
  });

  it('refuses a whole file that lacks the required columns, or has nothing to read', () => {
    expect(parseManifest('md5,note\nabc,x\n').outcome).toEqual({ ok: false, refusal: { kind: 'missing-columns', missing: 'referral-columns' } });
    expect(parseManifest('classification,note\nA1,x\n').outcome).toEqual({ ok: false, refusal: { kind: 'missing-columns', missing: 'file-column' } });
    expect(parseManifest('just one word\n').outcome).toEqual({ ok: false, refusal: { kind: 'missing-columns', missing: 'referral-columns' } });
    expect(parseManifest('\uFEFF\n  \n').outcome).toEqual({ ok: false, refusal: { kind: 'empty' } });
    expect(parseManifest(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])).outcome).toEqual({ ok: false, refusal: { kind: 'not-text' } });
    expect(parseManifest(`${HEADER}\n../a.jpg,,A1,no,no,,\n`).outcome).toEqual({ ok: false, refusal: { kind: 'no-good-rows', badRows: 1 } });
  });

  it('lists an overlong line once and reads on after it, holding at most one read chunk of it', () => {
    const text = `${HEADER}\na.jpg,,A1,no,no,,${'x'.repeat(20_000)}\nb.jpg,,A2,no,no,,\n`;
    const { entries, bad } = parseManifest(
      text,
      Array.from({ length: 10 }, (_, i) => (i + 1) * 4096),
    );
    expect(bad).toEqual([{ place: 2, placeKind: 'line', reason: 'line-too-long' }]);
    expect(entries.map((entry) => entry.place)).toEqual([3]);
  });
});

describe('referral manifest parser: JSON', () => {
  it('reads the files array, keeps unknown keys as text, and lists bad records by position', () => {
    const json = JSON.stringify({
      version: 1,
      files: [
        {
          path: 'a.jpg',
          sha256: SHA256,
          classification: 'A1',
          providerViewed: false,
          publiclyAvailable: false,
          annotations: ['infant'],
          ticket: 118,
          note: 'x',
        },
        { path: '../b.jpg', classification: 'A1' },
        { md5: MD5, providerViewed: 'no' },
        { md5: MD5.slice(2), classification: 'A1' },
        'c.jpg',
        { sha1: SHA1, annotations: ['infant', 'kittens'] },
        { sha1: SHA1, classification: 'Z9' },
        { note: 'no file named', classification: 'A1' },
        { sha1: SHA1, classification: 'B2', publiclyAvailable: true },
      ],
    });
    const { outcome, entries, bad } = parseManifest(json);
    expect(outcome).toMatchObject({
      ok: true,
      format: 'json',
      entries: 2,
      columns: { providerViewed: true, publiclyAvailable: true, extra: ['ticket', 'note'] },
    });
    expect(entries[0]).toMatchObject({
      path: 'a.jpg',
      sha256: SHA256,
      extra: [
        { name: 'ticket', value: '118' },
        { name: 'note', value: 'x' },
      ],
    });
    expect(bad.map(({ place, placeKind, reason }) => [place, placeKind, reason])).toEqual([
      [2, 'record', 'path-leaves-case'],
      [3, 'record', 'flag-value-unknown'],
      [4, 'record', 'hash-wrong-length'],
      [5, 'record', 'row-not-object'],
      [6, 'record', 'annotation-unknown'],
      [7, 'record', 'classification-unknown'],
      [8, 'record', 'no-file-named'],
    ]);
  });

  it('loads what came before a syntax error and lists the stop at its byte offset', () => {
    const good = JSON.stringify({ path: 'a.jpg', classification: 'A1' });
    const { outcome, entries, bad } = parseManifest(`[${good}, {"path": "b.jpg", "classification": ]`);
    expect(outcome.ok).toBe(true);
    expect(entries).toHaveLength(1);
    expect(bad).toMatchObject([{ placeKind: 'byte', reason: 'json-invalid' }]);
  });

  it('refuses JSON that is no manifest, is broken before any file, or is cut off', () => {
    expect(parseManifest('{"value": []}').outcome).toEqual({ ok: false, refusal: { kind: 'missing-columns', missing: 'file-column' } });
    expect(parseManifest('[{"path": "a.jpg", "note": "x"}]').outcome).toEqual({ ok: false, refusal: { kind: 'missing-columns', missing: 'referral-columns' } });
    expect(parseManifest('{"files": [}').outcome).toEqual({ ok: false, refusal: { kind: 'not-json' } });
    expect(parseManifest('{"files": [{"path": "a.jpg", "classif').outcome).toEqual({ ok: false, refusal: { kind: 'json-cut-off' } });
    expect(parseManifest('{"files": []}').outcome).toEqual({ ok: false, refusal: { kind: 'empty' } });
  });
});
