import { createManifestCollector } from '../../../../shared/referral/manifest-collector.js';
import { createManifestParser, type ManifestParseOutcome } from '../../../../shared/referral/manifest-parser.js';
import type { ManifestBadRow, ReferralEntry } from '../../../../shared/referral/referral-entry.js';

export interface ParsedManifest {
  outcome: ManifestParseOutcome;
  entries: ReferralEntry[];
  bad: ManifestBadRow[];
}

/** Parses a manifest fed in chunks cut at the given byte offsets, through the collector the service uses. */
export function parseManifest(input: string | Uint8Array, cuts: readonly number[] = []): ParsedManifest {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const collector = createManifestCollector(10_000);
  const parser = createManifestParser(collector);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.write(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  parser.write(bytes.subarray(from));
  return { outcome: parser.end(), entries: collector.entries(), bad: collector.badRows() };
}

export const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
export const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
export const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
