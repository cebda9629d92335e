import { z } from 'zod';

/**
 * Something the user must be told at start-up, e.g. that a damaged settings file
 * was kept aside and defaults are in use. The UI translates the code.
 */
export const NoticeSchema = z.object({
  code: z.enum(['settings-reset']),
  /** Technical detail (the parser's words), shown in small print. */
  detail: z.string(),
  /** File name the damaged original was kept as, beside the live one in the data folder. */
  keptAs: z.string().nullable(),
});
export type Notice = z.infer<typeof NoticeSchema>;
