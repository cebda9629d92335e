/** The readable message of anything thrown; the back end's VeilRequestError messages are user-facing. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
