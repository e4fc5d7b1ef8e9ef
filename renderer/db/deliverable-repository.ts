/**
 * Report settings and sign-off of an assessment (the bundle's `deliverable`): depth, where the
 * IR plan goes, status, version, partner, QA reviewer, sponsor, and the pre-flight items the
 * consultant accepted. Validated with the bundle's own schema, so what is stored always exports.
 */
import type { z } from 'zod';
import { DeliverableSchema, PreflightAcceptanceSchema } from '../../core/bundle/schema';
import { database, type DeliverableSettingsRecord } from './database';
import { now } from './assessments-repository';

/** What the settings panel edits: every field of the deliverable but the acceptances. */
export const deliverableSettingsSchema = DeliverableSchema.omit({ preflightAccepted: true });
export type DeliverableSettings = z.infer<typeof deliverableSettingsSchema>;

export function getDeliverableSettings(assessmentId: string): Promise<DeliverableSettingsRecord | undefined> {
  return database().deliverableSettings.get(assessmentId);
}

/** Blank text fields mean "not set": they are left out rather than stored empty (the schema wants min 1). */
function withoutBlanks(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && !(typeof v === 'string' && v.trim() === '')).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
}

/** Replaces the settings (the acceptances are kept). Throws a zod error naming the field when invalid. */
export async function saveDeliverableSettings(assessmentId: string, input: Record<string, unknown>): Promise<void> {
  const settings = deliverableSettingsSchema.parse(withoutBlanks(input));
  const db = database();
  await db.transaction('rw', db.deliverableSettings, async () => {
    const existing = await db.deliverableSettings.get(assessmentId);
    const accepted = existing?.preflightAccepted;
    await db.deliverableSettings.put({ ...settings, ...(accepted ? { preflightAccepted: accepted } : {}), assessmentId, updatedAt: now() });
  });
}

/** Records that the consultant accepts a pre-flight item instead of fixing it (a reason is required). */
export async function acceptPreflightItem(assessmentId: string, input: { itemId: string; reason: string; by?: string }): Promise<void> {
  const acceptance = PreflightAcceptanceSchema.parse(withoutBlanks({ ...input, at: now() }));
  const db = database();
  await db.transaction('rw', db.deliverableSettings, async () => {
    const existing = await db.deliverableSettings.get(assessmentId);
    const others = (existing?.preflightAccepted ?? []).filter((a) => a.itemId !== acceptance.itemId);
    await db.deliverableSettings.put({ ...existing, assessmentId, preflightAccepted: [...others, acceptance], updatedAt: now() });
  });
}

/** Withdraws an acceptance: the item counts as open again. */
export async function withdrawPreflightAcceptance(assessmentId: string, itemId: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.deliverableSettings, async () => {
    const existing = await db.deliverableSettings.get(assessmentId);
    if (!existing) return;
    const { preflightAccepted, ...rest } = existing;
    const left = (preflightAccepted ?? []).filter((a) => a.itemId !== itemId);
    await db.deliverableSettings.put({ ...rest, ...(left.length > 0 ? { preflightAccepted: left } : {}), updatedAt: now() });
  });
}
