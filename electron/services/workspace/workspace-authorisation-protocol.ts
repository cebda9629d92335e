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

/** The referral lock's messages to the workspace thread (see workspace-protocol.ts). */
export const AuthorisationWorkspaceRequestSchemas = [
  z.object({ type: z.literal('appendAuthorisation'), row: AuthorisationRowSchema }),
  z.object({ type: z.literal('listAuthorisations') }),
] as const;

export const AuthorisationsResultSchema = z.object({ rows: z.array(AuthorisationRowSchema) });
