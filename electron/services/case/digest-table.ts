import type { ItemDigests } from './file-result.js';

/**
 * Where each digest sits in a slot: one byte of flags (whether a PDQ hash is held), then MD5,
 * SHA-1, SHA-256 and PDQ as bytes.
 */
const LAYOUT = {
  md5: { at: 1, bytes: 16 },
  sha1: { at: 17, bytes: 20 },
  sha256: { at: 37, bytes: 32 },
  pdq: { at: 69, bytes: 32 },
} as const;
const SLOT_BYTES = 101;
const HAS_PDQ = 1;
const PDQ_HEX = /^[0-9a-f]{64}$/i;
/** Slots per page: about 0.8 MB each, allocated as the case grows, never copied. */
const PAGE_SLOTS = 8192;

/** The digests a case item always has (its PDQ hash may come later, or never). */
export type ItemDigestKind = keyof ItemDigests;

/**
 * The digests of a case's items as bytes, a slot per item, in pages outside the JS heap.
 * Held as hex text, 100,000 items kept 300,000–400,000 strings (about a third of the main
 * side's heap) that every garbage collection walked or copied again, and the reopen's longest
 * stalls were such collections (case-workspace-reopen.md). Hex is made when an item is read
 * (a page sent to the renderer, a rematch, an export), natively by `Buffer.toString`.
 */
export class DigestTable {
  private readonly pages: Buffer[] = [];
  private count = 0;

  /** Keeps an item's digests (and PDQ hash, when known) and gives the slot that holds them. */
  add(digests: ItemDigests, pdqHex: string | null): number {
    const slot = this.count;
    if (this.pages.length * PAGE_SLOTS <= slot) this.pages.push(Buffer.alloc(PAGE_SLOTS * SLOT_BYTES));
    // Written before the slot is counted: a digest refused leaves the table as it was.
    this.write(slot, 'md5', digests.md5);
    this.write(slot, 'sha1', digests.sha1);
    this.write(slot, 'sha256', digests.sha256);
    this.writePdq(slot, pdqHex);
    this.count += 1;
    return slot;
  }

  /** The digest as lower-case hex. */
  hex(slot: number, kind: ItemDigestKind): string {
    const { page, at } = this.place(slot);
    const { at: from, bytes } = LAYOUT[kind];
    return page.toString('hex', at + from, at + from + bytes);
  }

  /** The PDQ hash as lower-case hex, or null when none is held. */
  pdq(slot: number): string | null {
    const { page, at } = this.place(slot);
    if (((page[at] ?? 0) & HAS_PDQ) === 0) return null;
    return page.toString('hex', at + LAYOUT.pdq.at, at + LAYOUT.pdq.at + LAYOUT.pdq.bytes);
  }

  /** Whether a PDQ hash is held, without making its hex (asked of every item in one pass: pdqCandidates). */
  hasPdq(slot: number): boolean {
    const { page, at } = this.place(slot);
    return ((page[at] ?? 0) & HAS_PDQ) !== 0;
  }

  /** Sets or clears the PDQ hash of a slot already added; a hash refused leaves the one held as it was. */
  setPdq(slot: number, pdqHex: string | null): void {
    this.place(slot);
    // Checked before writing: Buffer.write stops at the first pair that is not hex, after writing
    // the pairs before it over the hash this slot holds (a fresh slot of `add` is not counted yet).
    if (pdqHex !== null && !PDQ_HEX.test(pdqHex)) throw new Error(`not a pdq digest (64 hex digits expected): "${pdqHex.slice(0, 80)}"`);
    this.writePdq(slot, pdqHex);
  }

  private writePdq(slot: number, pdqHex: string | null): void {
    const page = this.pageOf(slot);
    const at = (slot % PAGE_SLOTS) * SLOT_BYTES;
    if (pdqHex !== null) this.write(slot, 'pdq', pdqHex);
    page[at] = pdqHex === null ? (page[at] ?? 0) & ~HAS_PDQ : (page[at] ?? 0) | HAS_PDQ;
  }

  private write(slot: number, kind: keyof typeof LAYOUT, hex: string): void {
    const { at: from, bytes } = LAYOUT[kind];
    // Buffer.write stops at the first pair that is not hex: a short count means the text was not a digest.
    const written = hex.length === 2 * bytes ? this.pageOf(slot).write(hex, (slot % PAGE_SLOTS) * SLOT_BYTES + from, bytes, 'hex') : -1;
    if (written !== bytes) throw new Error(`not a ${kind} digest (${2 * bytes} hex digits expected): "${hex.slice(0, 80)}"`);
  }

  /** A counted slot's page and offset; a slot never added is a programming error. */
  private place(slot: number): { page: Buffer; at: number } {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.count) throw new Error(`no digests in slot ${slot}`);
    return { page: this.pageOf(slot), at: (slot % PAGE_SLOTS) * SLOT_BYTES };
  }

  private pageOf(slot: number): Buffer {
    const page = this.pages[Math.floor(slot / PAGE_SLOTS)];
    if (!page) throw new Error(`no page for slot ${slot}`);
    return page;
  }
}
