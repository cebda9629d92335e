/**
 * Sums a Chrome CPU profile of the built renderer (`bench:review --profile <file>`) by original source
 * file and function, through the build's source maps (dist/renderer): tsx bench/cpu-profile-summary.ts <file> [--top 30].
 * Self time says where the main thread was; inclusive time (each function once per sample) says which
 * component or call was behind it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { z } from 'zod';

const ProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      parent: z.number().optional(),
      children: z.array(z.number()).optional(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number(), columnNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

const RENDERER_DIR = path.resolve(import.meta.dirname, '../dist/renderer');
const file = process.argv[2];
if (file === undefined) throw new Error('usage: tsx bench/cpu-profile-summary.ts <profile.cpuprofile> [--top 30]');
const topAt = process.argv.indexOf('--top');
const TOP = topAt < 0 ? 30 : Number(process.argv[topAt + 1]);

const profile = ProfileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const maps = new Map<string, TraceMap | null>();
function mapOf(url: string): TraceMap | null {
  if (!maps.has(url)) {
    const local = url.startsWith('http') ? path.join(RENDERER_DIR, new URL(url).pathname) : '';
    maps.set(url, local !== '' && existsSync(`${local}.map`) ? new TraceMap(readFileSync(`${local}.map`, 'utf8')) : null);
  }
  return maps.get(url) ?? null;
}

/** "source file: function" for a frame, or the runtime's own name ("(garbage collector)", "(program)"…). */
function frameName(frame: z.infer<typeof ProfileSchema>['nodes'][number]['callFrame']): { fileName: string; name: string } {
  const map = frame.url === '' ? null : mapOf(frame.url);
  if (map === null) return { fileName: frame.url === '' ? frame.functionName : path.basename(frame.url), name: frame.functionName || '(anonymous)' };
  const original = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  const source = (original.source ?? '?').replace(/^.*node_modules\//, 'node_modules/').replace(/^(\.\.\/)+/, '');
  return { fileName: source, name: `${source}:${original.line ?? '?'} ${original.name ?? frame.functionName}` };
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const names = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame)]));

const selfByFile = new Map<string, number>();
const inclusive = new Map<string, number>();
let totalUs = 0;
profile.samples.forEach((id, at) => {
  const deltaUs = profile.timeDeltas[at + 1] ?? 0;
  totalUs += deltaUs;
  const own = names.get(id);
  if (own) selfByFile.set(own.fileName, (selfByFile.get(own.fileName) ?? 0) + deltaUs);
  const seen = new Set<string>();
  for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
    const name = names.get(node)?.name;
    if (name !== undefined && !seen.has(name) && byId.has(node)) {
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + deltaUs);
    }
  }
});

const row = (label: string, us: number) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${label}`;
const top = (entries: Map<string, number>) => [...entries].sort((a, b) => b[1] - a[1]).slice(0, TOP);
console.log(`${(totalUs / 1000).toFixed(0)} ms sampled\nself time by source file:`);
for (const [name, us] of top(selfByFile)) console.log(row(name, us));
console.log('inclusive time by function:');
for (const [name, us] of top(inclusive)) console.log(row(name, us));
