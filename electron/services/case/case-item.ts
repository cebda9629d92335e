import type { MediaError, MediaItem } from '../../../shared/case/media-item.js';
import type { ItemMatch } from '../../../shared/known/item-match.js';
import type { MediaFormat, MediaKind } from '../../../shared/media/media-kinds.js';
import type { DigestTable } from './digest-table.js';

/** What an item holds itself; its digests are in the case's DigestTable. */
type ItemFields = Omit<MediaItem, 'md5' | 'sha1' | 'sha256' | 'pdq' | 'referral'>;

/**
 * A case item as the index keeps it on the main side: every field of the contract's MediaItem,
 * its digests read from the case's DigestTable as hex when asked (one string each time, short
 * lived), so 100,000 items do not keep 400,000 hex strings on the heap. The table and slot are
 * private fields: not enumerable, never spread or sent. Whatever leaves the main side is made
 * from it field by field (`plainItem`), so no getter is lost on the way.
 */
export class CaseItem implements MediaItem {
  readonly id: string;
  name: string;
  relativePath: string;
  kind: MediaKind;
  format: MediaFormat;
  sizeBytes: number;
  duplicatePaths: string[];
  claimedFormat: MediaFormat | null;
  error: MediaError | null;
  pdqQuality: number | null;
  widthPx: number | null;
  heightPx: number | null;
  stackId: string;
  stackSize: number;
  match: ItemMatch | null;
  readonly #digests: DigestTable;
  readonly #slot: number;

  constructor(fields: ItemFields, digests: DigestTable, slot: number) {
    this.id = fields.id;
    this.name = fields.name;
    this.relativePath = fields.relativePath;
    this.kind = fields.kind;
    this.format = fields.format;
    this.sizeBytes = fields.sizeBytes;
    this.duplicatePaths = fields.duplicatePaths;
    this.claimedFormat = fields.claimedFormat;
    this.error = fields.error;
    this.pdqQuality = fields.pdqQuality;
    this.widthPx = fields.widthPx;
    this.heightPx = fields.heightPx;
    this.stackId = fields.stackId;
    this.stackSize = fields.stackSize;
    this.match = fields.match;
    this.#digests = digests;
    this.#slot = slot;
  }

  get md5(): string {
    return this.#digests.hex(this.#slot, 'md5');
  }

  get sha1(): string {
    return this.#digests.hex(this.#slot, 'sha1');
  }

  get sha256(): string {
    return this.#digests.hex(this.#slot, 'sha256');
  }

  get pdq(): string | null {
    return this.#digests.pdq(this.#slot);
  }

  set pdq(hex: string | null) {
    this.#digests.setPdq(this.#slot, hex);
  }

  /** Whether the item has a PDQ hash, without making its hex. A method: never sent, never cloned. */
  holdsPdq(): boolean {
    return this.#digests.hasPdq(this.#slot);
  }
}

/**
 * Whether an item has a PDQ hash. Asked of every item of the case in one turn of the loop at the
 * end of an import (the PDQ pass's candidates): `item.pdq !== null` would make 100,000 hex strings
 * of a hashed case there, 8–27 ms of one synchronous pass on this machine.
 */
export function hasPdq(item: MediaItem): boolean {
  return item instanceof CaseItem ? item.holdsPdq() : item.pdq !== null;
}

/**
 * A plain copy of an item, as the contract sends it: every field read (getters included), so a
 * caller holding a page never sees it change under it (copies and errors arrive later).
 */
export function plainItem(item: MediaItem): MediaItem {
  const copy: MediaItem = {
    id: item.id,
    name: item.name,
    relativePath: item.relativePath,
    kind: item.kind,
    format: item.format,
    sizeBytes: item.sizeBytes,
    duplicatePaths: [...item.duplicatePaths],
    claimedFormat: item.claimedFormat,
    error: item.error,
    md5: item.md5,
    sha1: item.sha1,
    sha256: item.sha256,
    pdq: item.pdq,
    pdqQuality: item.pdqQuality,
    widthPx: item.widthPx,
    heightPx: item.heightPx,
    stackId: item.stackId,
    stackSize: item.stackSize,
    match: item.match && { ...item.match },
  };
  // Optional: a field left absent stays absent, as the spread it replaces kept it.
  if (item.referral !== undefined) copy.referral = item.referral;
  return copy;
}
