/**
 * Names what held a thread's event loop, from a V8 CPU profile (`node --cpu-prof`):
 * npm run bench:long-tasks -- <file.cpuprofile> [--top 12] [--from-ms 0]
 *
 * A stall is a run of consecutive samples none of which is "(idle)"; its length is the wall
 * time those samples cover (a sample's time delta includes time the thread was not given a
 * core, which shows as one long sample). For each of the longest stalls it prints when it
 * began (ms from the profile's start), its length, its garbage collection and "(program)"
 * shares, and the functions that took most of it (self time, with file and line), so each
 * stall gets a cause and a figure. Also the whole profile's busiest functions.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const CallFrameSchema = z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() });
const ProfileSchema = z.object({
  nodes: z.array(z.object({ id: z.number(), callFrame: CallFrameSchema, parent: z.number().optional(), children: z.array(z.number()).optional() })),
  startTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

interface Stall {
  startMs: number;
  durationMs: number;
  /** Self time per frame name, ms. */
  byFrame: Map<string, number>;
  /** Self time per our-code frame with a bench/electron/shared url, ms (the innermost of ours on each sample's stack). */
  byOurs: Map<string, number>;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: tsx bench/long-tasks.ts <file.cpuprofile> [--top 12] [--from-ms 0]');
const top = Number(option('--top') ?? 12);
const fromMs = Number(option('--from-ms') ?? 0);
const toMs = Number(option('--to-ms') ?? Number.POSITIVE_INFINITY);
const profile = ProfileSchema.parse(JSON.parse(await readFile(file, 'utf8')));

type Frame = z.infer<typeof CallFrameSchema>;
const frameById = new Map<number, Frame>();
const parentById = new Map<number, number>();
for (const node of profile.nodes) {
  frameById.set(node.id, node.callFrame);
  for (const child of node.children ?? []) parentById.set(child, node.id);
}
const label = (frame: Frame): string =>
  frame.url === '' ? frame.functionName || '(anonymous)' : `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
const isOurs = (frame: Frame): boolean => /\/(electron|shared|bench)\//.test(frame.url) && !frame.url.includes('node_modules');
/** The innermost frame of our own code on the sample's stack, or the leaf's label. */
function oursOf(nodeId: number): string {
  for (let at: number | undefined = nodeId; at !== undefined; at = parentById.get(at)) {
    const frame = frameById.get(at);
    if (frame && isOurs(frame)) return label(frame);
  }
  const leaf = frameById.get(nodeId);
  return leaf ? label(leaf) : '?';
}

const add = (map: Map<string, number>, key: string, value: number): void => void map.set(key, (map.get(key) ?? 0) + value);
const stalls: Stall[] = [];
const whole = new Map<string, number>();
const wholeOurs = new Map<string, number>();
let current: Stall | null = null;
let atMs = 0;
for (let index = 0; index < profile.samples.length; index += 1) {
  // A sample's delta is the wall time since the previous one: it belongs to this sample's frame.
  const deltaMs = (profile.timeDeltas[index] ?? 0) / 1000;
  atMs += deltaMs;
  const frame = frameById.get(profile.samples[index] ?? -1);
  const name = frame ? label(frame) : '?';
  if (frame?.functionName === '(idle)' || atMs < fromMs || atMs > toMs) {
    if (current) stalls.push(current);
    current = null;
    continue;
  }
  current ??= { startMs: atMs - deltaMs, durationMs: 0, byFrame: new Map(), byOurs: new Map() };
  current.durationMs += deltaMs;
  add(current.byFrame, name, deltaMs);
  add(current.byOurs, oursOf(profile.samples[index] ?? -1), deltaMs);
  add(whole, name, deltaMs);
  add(wholeOurs, oursOf(profile.samples[index] ?? -1), deltaMs);
}
if (current) stalls.push(current);

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const biggest = (map: Map<string, number>, count: number): string =>
  [...map]
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([name, value]) => `${name} ${ms(value)}`)
    .join('; ');

console.log(`${file}: ${profile.samples.length} samples over ${ms(atMs)}, ${stalls.length} busy runs`);
for (const stall of stalls.sort((a, b) => b.durationMs - a.durationMs).slice(0, top)) {
  console.log(`  at ${ms(stall.startMs)}: ${ms(stall.durationMs)}`);
  console.log(`    self: ${biggest(stall.byFrame, 4)}`);
  console.log(`    ours: ${biggest(stall.byOurs, 4)}`);
}
console.log(`busiest overall (self): ${biggest(whole, 15)}`);
console.log(`busiest of ours overall: ${biggest(wholeOurs, 25)}`);
