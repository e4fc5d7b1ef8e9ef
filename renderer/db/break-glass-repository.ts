/**
 * The emergency access (break-glass) accounts the consultant names for the Graph checks, kept
 * on the assessment row (the bundle's `graphSettings.breakGlassAccounts`). Validated with the
 * bundle's own schema, so what is stored always exports.
 */
import { BreakGlassAccountsSchema } from '../../core/bundle/schema';
import { database } from './database';
import { now } from './assessments-repository';

export type ParsedAccounts = { ok: true; accounts: string[] } | { ok: false; errors: string[] };

/**
 * The list as typed: one account per line (commas and semicolons separate too, as pasted from
 * a mail), blank entries ignored. Every problem is named with the entry's position and value.
 */
export function parseAccountsText(text: string): ParsedAccounts {
  const entries = text
    .split(/[\n,;]/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const result = BreakGlassAccountsSchema.safeParse(entries);
  if (result.success) return { ok: true, accounts: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => (typeof i.path[0] === 'number' ? `Account ${i.path[0] + 1}: ${i.message}` : `The list: ${i.message}`)),
  };
}

/** Replaces the named accounts (an empty list forgets them). Throws a zod error when invalid. */
export async function saveBreakGlassAccounts(assessmentId: string, accounts: readonly string[]): Promise<string[]> {
  const list = BreakGlassAccountsSchema.parse(accounts);
  const db = database();
  await db.transaction('rw', db.assessments, async () => {
    // Dexie removes a property updated to undefined: no names, no field
    const updated = await db.assessments.update(assessmentId, { breakGlassAccounts: list.length > 0 ? list : undefined, updatedAt: now() });
    if (updated === 0) throw new Error('That assessment no longer exists.');
  });
  return list;
}
