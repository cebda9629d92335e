/** Extensions looked for, in this order: CSV first, as hotlines most often send it. */
const EXTENSIONS = ['csv', 'json'] as const;

/**
 * The names a referral manifest placed beside a case has, in the order Veil looks for them:
 * `<case folder name>.referral.csv`, then `.json`, in the case folder's parent — next to the
 * case, never inside it. The evidence folder is the seized material itself: a file in it is
 * evidence, not an instruction to Veil, and reading it silently would let the material choose
 * its own filters. A manifest anywhere else (inside the case too, deliberately) is chosen at open.
 */
export function besideCaseNames(caseFolderName: string): string[] {
  return EXTENSIONS.map((extension) => `${caseFolderName}.referral.${extension}`);
}
