/**
 * A number as typed, for the schema to judge: an empty entry is NaN (the schema then says
 * the field needs a whole number) rather than 0, which would read as a real value.
 */
export function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
