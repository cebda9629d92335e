/**
 * Known-material import benchmark (`npm run bench:known-import`, or tsx bench/known-import.bench.ts [records] [lines]).
 *
 * Generates, in a temporary folder, a VICS 1.x JSON set in the Cases form (1,000,000 Media
 * records by default, each with MD5, SHA-1, a SHA-256 in AlternativeHashes and a category)
 * and a plain list (5,000,000 MD5 lines), then imports each into a fresh library in its own
 * child process, so each peak RSS is that import's alone (Node and tsx included).
 * Goals: 1 M VICS records in under 30 s; peak RSS under 300 MB for both.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createKnownMaterialService } from '../electron/services/known/known-material-service.js';

const GOAL_VICS_MS = 30_000;
const GOAL_RSS_MB = 300;
const MIB = 1024 * 1024;

const digest = (algorithm: string, n: number) => createHash(algorithm).update(String(n)).digest('hex');

async function writeLines(file: string, count: number, line: (i: number) => string, head = '', tail = ''): Promise<void> {
  const out = createWriteStream(file);
  if (head) out.write(head);
  let batch = '';
  for (let i = 0; i < count; i += 1) {
    batch += line(i);
    if (batch.length > MIB) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.write(batch + tail);
  out.end();
  await once(out, 'finish');
}

function vicsMedia(i: number): string {
  const media = {
    MediaID: i + 1,
    Category: i % 5,
    MD5: digest('md5', i),
    SHA1: digest('sha1', i),
    MediaSize: 100_000 + i,
    AlternativeHashes: [{ HashName: 'SHA256', HashValue: digest('sha256', i) }],
  };
  return `${i === 0 ? '' : ','}${JSON.stringify(media)}\n`;
}

/** The child: imports one file and prints its figures as JSON. */
async function importOne(file: string, library: string): Promise<void> {
  const service = createKnownMaterialService({ folder: () => library, nowMs: Date.now, onProgress: () => undefined, onSetsChanged: () => undefined });
  const startedMs = performance.now();
  const result = await service.importHashSet({ filePath: file, name: path.basename(file), scheme: 'vic-us', hex64Kind: 'sha256' });
  const elapsedMs = performance.now() - startedMs;
  const records = result.outcome === 'imported' ? result.set.recordCount : 0;
  service.close();
  console.log(JSON.stringify({ records, elapsedMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function runChild(file: string, library: string): { records: number; elapsedMs: number; peakRssMb: number } {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', '--child', file, library], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`import of ${file} failed: ${child.stderr}`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '{}';
  const parsed: unknown = JSON.parse(last);
  if (typeof parsed !== 'object' || parsed === null || !('records' in parsed) || !('elapsedMs' in parsed) || !('peakRssMb' in parsed)) throw new Error(last);
  return { records: Number(parsed.records), elapsedMs: Number(parsed.elapsedMs), peakRssMb: Number(parsed.peakRssMb) };
}

async function main(): Promise<void> {
  const [records = 1_000_000, lines = 5_000_000] = process.argv.slice(2).map(Number);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'veil-known-bench-'));
  try {
    const vics = path.join(dir, 'vics.json');
    const list = path.join(dir, 'list.txt');
    await writeLines(
      vics,
      records,
      vicsMedia,
      '{"odata.metadata":"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases","value":[{"CaseID":1,"Media":[\n',
      ']}]}\n',
    );
    await writeLines(list, lines, (i) => `${digest('md5', i)}\n`);
    let ok = true;
    for (const [label, file, goalMs] of [
      ['VICS JSON', vics, GOAL_VICS_MS],
      ['plain list', list, Number.POSITIVE_INFINITY],
    ] as const) {
      const sizeMb = (await stat(file)).size / MIB;
      const run = runChild(file, path.join(dir, `library-${label.replace(' ', '-')}`));
      const pass = run.elapsedMs < goalMs && run.peakRssMb < GOAL_RSS_MB;
      ok &&= pass;
      console.log(
        `${label}: ${run.records.toLocaleString('en')} records from ${sizeMb.toFixed(0)} MiB in ${(run.elapsedMs / 1000).toFixed(1)} s ` +
          `(${Math.round(run.records / (run.elapsedMs / 1000)).toLocaleString('en')}/s), peak RSS ${run.peakRssMb.toFixed(0)} MB` +
          `${Number.isFinite(goalMs) ? ` — goal < ${goalMs / 1000} s` : ''}, < ${GOAL_RSS_MB} MB: ${pass ? 'met' : 'NOT met'}`,
      );
    }
    if (!ok) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await importOne(process.argv[3] ?? '', process.argv[4] ?? '');
else await main();
