import { parseArgs } from 'node:util';
import { z } from 'zod';

interface HostArgs {
  caseDir: string | null;
  dataDir: string | null;
  port: number;
}

export type HostArgsResult = { ok: true; args: HostArgs } | { ok: false; message: string } | { ok: 'help' };

export const HOST_USAGE = `Usage: npm run browser -- [--case DIR] [--data DIR] [--port N]

Serves Veil to a browser on 127.0.0.1 only (development, demos, end-to-end tests).
  --case DIR   case folder to open (default: the built-in demo case)
  --data DIR   where settings and other state are kept (default: the per-user app data folder)
  --port N     port to listen on (default: a free port)`;

const PortSchema = z.coerce.number().int().min(0).max(65535);

export function parseHostArgs(argv: readonly string[]): HostArgsResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        case: { type: 'string' },
        data: { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { ok: 'help' };
  const port = PortSchema.safeParse(values.port ?? '0');
  if (!port.success) return { ok: false, message: `--port must be a whole number from 0 to 65535, not "${values.port}"` };
  return { ok: true, args: { caseDir: values.case ?? null, dataDir: values.data ?? null, port: port.data } };
}
