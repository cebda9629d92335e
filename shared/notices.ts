import { z } from 'zod';

/**
 * Something the user must be told, e.g. that a damaged settings file was kept aside
 * and defaults are in use, or that the last exposure record before a crash was
 * incomplete and dropped. The UI translates the code.
 */
export const NoticeSchema = z.object({
  code: z.enum([
    'settings-reset',
    'ledger-torn-record-dropped',
    'ledger-file-kept-aside',
    'ledger-retention-held',
    'wellbeing-state-reset',
    'team-share-key-reset',
    'known-library-unreadable',
    'referral-manifest-rows-left-out',
  ]),
  /** Technical detail (the parser's words), shown in small print. */
  detail: z.string(),
  /** File name the damaged original was kept as, in the data folder (or null when nothing was kept). */
  keptAs: z.string().nullable(),
});
export type Notice = z.infer<typeof NoticeSchema>;
