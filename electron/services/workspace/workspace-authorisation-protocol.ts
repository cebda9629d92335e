import { z } from 'zod';

/** One recorded authorisation to open a file the referral locks, named by its path inside the case. */
const AuthorisationRowSchema = z.object({
  itemPath: z.string().min(1),
  reference: z.string().trim().min(1),
  dateIso: z.iso.date(),
  userName: z.string(),
  atMs: z.number().int().nonnegative(),
});
export type AuthorisationRow = z.infer<typeof AuthorisationRowSchema>;

/**
 * What the case remembers of its referral, in the workspace's `meta`: the manifest chosen at
 * open (a path), and the investigator's "continue without" a refused manifest (JSON: which
 * file, as it was, who and when). Null removes it.
 */
const ReferralMetaKeySchema = z.enum(['referral.chosenManifest', 'referral.continuedWithout']);
export type ReferralMetaKey = z.infer<typeof ReferralMetaKeySchema>;

/** The referral lock's messages to the workspace thread (see workspace-protocol.ts). */
export const AuthorisationWorkspaceRequestSchemas = [
  z.object({ type: z.literal('appendAuthorisation'), row: AuthorisationRowSchema }),
  z.object({ type: z.literal('listAuthorisations') }),
  z.object({ type: z.literal('writeReferralMeta'), key: ReferralMetaKeySchema, value: z.string().max(8192).nullable() }),
  z.object({ type: z.literal('readReferralMeta') }),
] as const;

export const ReferralMetaResultSchema = z.object({ chosenManifest: z.string().nullable(), continuedWithout: z.string().nullable() });
export type ReferralMeta = z.infer<typeof ReferralMetaResultSchema>;

export const AuthorisationsResultSchema = z.object({ rows: z.array(AuthorisationRowSchema) });
