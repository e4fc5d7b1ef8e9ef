import { ZodError } from 'zod';

/** A message for the consultant from any thrown value (zod issues joined). */
export function messageOf(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join(' ');
  return error instanceof Error ? error.message : String(error);
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
