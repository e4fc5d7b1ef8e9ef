/** The provider-commitment worksheets of an assessment: one row per non-Microsoft provider in scope. */
import { ProviderWorksheetSchema, type ProviderWorksheet } from '../../core/bundle/schema';
import type { WorksheetItems } from '../../core/commitments/schema';
import { database, type ProviderWorksheetRecord } from './database';
import { now } from './assessments-repository';

export function listProviderWorksheets(assessmentId: string): Promise<ProviderWorksheetRecord[]> {
  return database().providerWorksheets.where('assessmentId').equals(assessmentId).toArray();
}

/**
 * Validates and stores one provider's worksheet whole (the bundle schema's limits, and only
 * the pack's item ids, each once); nothing is written when any part is wrong.
 */
export async function saveProviderWorksheet(assessmentId: string, sheet: ProviderWorksheet, items: WorksheetItems): Promise<void> {
  const value = ProviderWorksheetSchema.parse(sheet);
  const known = new Set(items.items.map((i) => i.id));
  const seen = new Set<string>();
  value.answers.forEach((a, i) => {
    if (!known.has(a.itemId)) throw new Error(`answers[${i}].itemId: '${a.itemId}' is not an item of the worksheet`);
    if (seen.has(a.itemId)) throw new Error(`answers[${i}].itemId: '${a.itemId}' is answered twice`);
    seen.add(a.itemId);
  });
  const db = database();
  await db.transaction('rw', db.providerWorksheets, async () => {
    await db.providerWorksheets.put({ ...value, assessmentId, updatedAt: now() });
  });
}
