/**
 * The client's business services (the provider-commitments workloads) of an assessment. What
 * the consultant types is validated with the bundle's own schema, so a stored service always
 * exports; a rejected edit writes nothing and says which field is wrong.
 */
import { z } from 'zod';
import { BusinessServiceSchema } from '../../core/bundle/schema';
import { database, type BusinessServiceRecord } from './database';

/** A service as the editor sends it: everything but its id. */
export const BusinessServiceInputSchema = BusinessServiceSchema.omit({ id: true }).extend({
  name: z.string().trim().min(1, 'Give the service a name.').max(200, 'Keep the name under 200 characters.'),
});
export type BusinessServiceInput = z.infer<typeof BusinessServiceInputSchema>;

/** A rejected edit: the message of each field at fault, keyed by its path (`rtoMinutes`, `name`). */
export class BusinessServiceInputError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; '));
  }
}

/** The schema's limits in the consultant's words (the limits themselves stay the bundle's). */
function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'number') return issue.minimum === 0 ? 'Cannot be negative.' : `At least ${String(issue.minimum)}.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `At most ${Number(issue.maximum).toLocaleString('en-GB')} minutes.`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Enter whole minutes.';
  return issue.message;
}

function validInput(input: unknown): BusinessServiceInput {
  const parsed = BusinessServiceInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'service'] ??= friendly(issue);
  throw new BusinessServiceInputError(fields);
}

export function listBusinessServices(assessmentId: string): Promise<BusinessServiceRecord[]> {
  return database().businessServices.where('assessmentId').equals(assessmentId).sortBy('order');
}

/** Adds a service after the others; the same name twice is refused (the report names services by name). */
export async function addBusinessService(assessmentId: string, input: unknown): Promise<string> {
  const value = validInput(input);
  const db = database();
  const id = crypto.randomUUID();
  await db.transaction('rw', db.businessServices, async () => {
    const existing = await db.businessServices.where('assessmentId').equals(assessmentId).toArray();
    refuseDuplicateName(existing, value.name, id);
    const order = existing.reduce((max, s) => Math.max(max, s.order), -1) + 1;
    await db.businessServices.add({ ...value, id, assessmentId, order });
  });
  return id;
}

/** Replaces a service's fields (its id, assessment and place in the list stay). */
export async function updateBusinessService(id: string, input: unknown): Promise<void> {
  const value = validInput(input);
  const db = database();
  await db.transaction('rw', db.businessServices, async () => {
    const current = await db.businessServices.get(id);
    if (!current) throw new Error('This business service no longer exists.');
    refuseDuplicateName(await db.businessServices.where('assessmentId').equals(current.assessmentId).toArray(), value.name, id);
    await db.businessServices.put({ ...value, id, assessmentId: current.assessmentId, order: current.order });
  });
}

export async function removeBusinessService(id: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.businessServices, () => db.businessServices.delete(id));
}

function refuseDuplicateName(existing: readonly BusinessServiceRecord[], name: string, id: string): void {
  if (existing.some((s) => s.id !== id && s.name.trim().toLowerCase() === name.trim().toLowerCase()))
    throw new BusinessServiceInputError({ name: `Another service is already called “${name}”.` });
}
