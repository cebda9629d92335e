import { z } from 'zod';

/**
 * What a file is picked for: it decides the native dialog's title and its file-type filters,
 * so the page never hands main a title or an extension list of its own.
 */
export const PickFilePurposeSchema = z.enum(['referral-manifest', 'scheme-file', 'hash-set']);
export type PickFilePurpose = z.infer<typeof PickFilePurposeSchema>;
