import { z } from 'zod';

/**
 * The industry classification providers and hotlines use (the "Industry Classification
 * System" of the Tech Coalition and NCMEC): A = prepubescent, B = pubescent; 1 = a sex act,
 * 2 = lascivious exhibition. Listed from the most severe down.
 */
export const IndustryClassSchema = z.enum(['A1', 'A2', 'B1', 'B2']);
export type IndustryClass = z.infer<typeof IndustryClassSchema>;

/** Annotations a referral may put on a file; several at once. */
export const ReferralAnnotationSchema = z.enum(['infant', 'violence', 'bestiality', 'sadism']);
export type ReferralAnnotation = z.infer<typeof ReferralAnnotationSchema>;

const Hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));

/** A column the manifest had that Veil does not know: kept, and shown as text. */
const ExtraCellSchema = z.object({ name: z.string(), value: z.string() });

/**
 * What a referral says about one file, as Veil keeps it. A file is named by its relative path
 * inside the case, by its digests, or both; `null` means the manifest left it blank (unknown).
 */
export const ReferralEntrySchema = z.object({
  /** 1-based line of the CSV (the header is line 1), or the record's position in a JSON manifest. */
  place: z.number().int().positive(),
  /** Forward slashes, no leading `./`; never absolute, never leaving the case. */
  path: z.string().min(1).nullable(),
  md5: Hex(32).nullable(),
  sha1: Hex(40).nullable(),
  sha256: Hex(64).nullable(),
  classification: IndustryClassSchema.nullable(),
  providerViewed: z.boolean().nullable(),
  publiclyAvailable: z.boolean().nullable(),
  annotations: z.array(ReferralAnnotationSchema),
  extra: z.array(ExtraCellSchema),
});
export type ReferralEntry = z.infer<typeof ReferralEntrySchema>;

/** A reading that says nothing yet but its place and its unknown columns; the parsers fill in what the row says. */
export function emptyReading(place: number, extra: ReferralEntry['extra'] = []): ReferralEntry {
  return {
    place,
    path: null,
    md5: null,
    sha1: null,
    sha256: null,
    classification: null,
    providerViewed: null,
    publiclyAvailable: null,
    annotations: [],
    extra,
  };
}

/** Why one row of a manifest was left out (or, for `named-twice`, merged): the file's other rows load regardless. */
export type ManifestBadRowReason =
  | 'row-not-object'
  | 'no-file-named'
  | 'path-leaves-case'
  | 'path-invalid'
  | 'hash-wrong-length'
  | 'hash-not-hex'
  | 'classification-unknown'
  | 'flag-value-unknown'
  | 'annotation-unknown'
  | 'wrong-column-count'
  | 'line-too-long'
  | 'named-twice'
  | 'json-invalid'
  | 'json-cut-off';

/** One row left out of a manifest, with its place and why. */
export interface ManifestBadRow {
  /** 1-based line of a CSV; the record's position in JSON; for a JSON syntax error, the byte offset. */
  place: number;
  placeKind: 'line' | 'record' | 'byte';
  reason: ManifestBadRowReason;
  /** Which column or key was wrong, when one was. */
  column?: string;
  /** For `named-twice`: where the file was first named. */
  firstPlace?: number;
}

/** Why a whole manifest was refused; a refused manifest changes nothing. */
export type ManifestRefusal =
  | { kind: 'empty' }
  | { kind: 'not-text' }
  | { kind: 'not-json' }
  | { kind: 'json-cut-off' }
  | { kind: 'missing-columns'; missing: 'file-column' | 'referral-columns' }
  | { kind: 'no-good-rows'; badRows: number };

/** The columns a manifest had: the authorisation lock applies by default only when both of its columns are there. */
export interface ManifestColumns {
  providerViewed: boolean;
  publiclyAvailable: boolean;
  classification: boolean;
  annotations: boolean;
  extra: string[];
}

/** Where the parsers send what they read; they keep nothing themselves, so memory stays bounded. */
export interface ManifestSink {
  /** `placeKind` says whether `entry.place` is a CSV line or a JSON record's position. */
  entry(entry: ReferralEntry, placeKind: 'line' | 'record'): void;
  bad(bad: ManifestBadRow): void;
}
