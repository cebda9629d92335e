/**
 * CPU time of processes from /proc (Linux only): enough to tell how much a program
 * and its children use while nobody touches it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** User + system CPU time so far, in clock ticks. */
  cpuTicks: number;
  cmdline: string;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, almost always 100). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { pid, ppid, cpuTicks, cmdline };
  } catch {
    return null; // ended while we looked
  }
}

/** Every process we can read now. */
export function listProcesses(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => readProcess(Number(name)) ?? []);
}

/** `rootPid` and every process below it. */
export function processTree(rootPid: number, all: readonly ProcessInfo[] = listProcesses()): ProcessInfo[] {
  const tree = all.filter((p) => p.pid === rootPid);
  for (let i = 0; i < tree.length; i += 1) {
    const parent = tree[i];
    if (parent) tree.push(...all.filter((p) => p.ppid === parent.pid));
  }
  return tree;
}

/** CPU ticks of the given pids now (ended ones count 0: measure over a window in which they live). */
export function cpuTicksOf(pids: readonly number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, readProcess(pid)?.cpuTicks ?? 0]));
}

/** CPU seconds the given pids have used since they started. */
export function cpuSecondsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const ticksOfPid of cpuTicksOf(pids).values()) ticks += ticksOfPid;
  return ticks / TICKS_PER_SECOND;
}

/** Percent of one core used by `pids` between two readings `seconds` apart. */
export function percentOfOneCore(before: Map<number, number>, after: Map<number, number>, pids: readonly number[], seconds: number): number {
  let ticks = 0;
  for (const pid of pids) ticks += Math.max(0, (after.get(pid) ?? 0) - (before.get(pid) ?? 0));
  return (100 * ticks) / TICKS_PER_SECOND / seconds;
}
