import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * An opaque token that names one run of a process: the same pid gives the same token for
 * as long as that process lives, and a different one once the pid belongs to another
 * program. Compared for equality only, never as a time, so clock changes cannot fool it.
 * Null when the platform will not say (then a live pid is taken at its word).
 *
 * - Linux: boot id + start time in clock ticks since boot (/proc/<pid>/stat, field 22).
 * - macOS and other Unixes: `ps -o lstart=` (the start time to the second).
 * - Windows: the process's StartTime in FILETIME units, from PowerShell.
 */
export function processStartToken(pid: number, platform: NodeJS.Platform = process.platform): string | null {
  try {
    if (platform === 'linux') return linuxToken(pid);
    if (platform === 'win32') return windowsToken(pid);
    return psToken(pid);
  } catch {
    return null;
  }
}

function linuxToken(pid: number): string | null {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // afterName[0] is field 3 (state), so field 22 (starttime) is afterName[19].
  const startTicks = afterName[19];
  if (startTicks === undefined || !/^\d+$/.test(startTicks)) return null;
  const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  return `linux:${bootId}:${startTicks}`;
}

function psToken(pid: number): string | null {
  const started = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
    encoding: 'utf8',
    timeout: 5000,
    env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
  }).trim();
  return started === '' ? null : `ps:${started}`;
}

function windowsToken(pid: number): string | null {
  const script = `(Get-Process -Id ${pid}).StartTime.ToFileTimeUtc()`;
  const fileTime = execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], {
    encoding: 'utf8',
    timeout: 10_000,
    windowsHide: true,
  }).trim();
  return /^\d+$/.test(fileTime) ? `win:${fileTime}` : null;
}
