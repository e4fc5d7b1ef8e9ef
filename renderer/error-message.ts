import { ZodError } from 'zod';

/** A message for the consultant from any thrown value: a refused value's zod issues are joined as sentences, never shown as JSON. */
export function messageOf(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join(' ');
  return error instanceof Error ? error.message : String(error);
}
