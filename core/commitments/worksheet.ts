import type { ProviderWorksheet } from '../bundle/schema';
import type { Answers } from '../interview/answers';
import type { OtherProviders, WorksheetItems } from './schema';

/**
 * The provider-commitment worksheet (`commitments/provider-worksheet.yaml`): the items the
 * consultant checks for each non-Microsoft provider in scope, and which providers get one.
 * Items are questions about the client's own terms with the provider, never a provider's figure.
 */

export type WorksheetStatus = ProviderWorksheet['answers'][number]['status'];

/** A provider that gets a worksheet: chosen in the scope question, with its matrix when the pack has one. */
export interface ScopedProvider {
  /** the scope choice id, which is also the worksheet's `provider` key */
  choice: string;
  name: string;
  /** absent for the named choice and for any choice the pack has no matrix for */
  matrix?: OtherProviders['providers'][number];
}

/**
 * The providers the client chose in the scope question, in the order of its choices: each
 * with its matrix, or none (the named choice: its name comes from the stored worksheet, or
 * the choice's own label until one is typed).
 */
export function scopedProviders(answers: Answers, items: WorksheetItems, others: OtherProviders, choiceLabel: (choice: string) => string, sheets: readonly ProviderWorksheet[] = []): ScopedProvider[] {
  const chosen = (answers[items.scopeQuestion]?.choices ?? []).filter((c) => c !== items.noneChoice);
  return chosen.map((choice) => {
    const matrix = others.providers.find((p) => p.scopeChoice === choice);
    const typed = sheets.find((s) => s.provider === choice)?.name?.trim();
    const name = matrix?.name ?? (typed || choiceLabel(choice));
    return matrix ? { choice, name, matrix } : { choice, name };
  });
}

/** The status of every item for one provider; an item never answered is `unknown`. */
export function worksheetStatuses(items: WorksheetItems, sheet: ProviderWorksheet | undefined): Map<string, { status: WorksheetStatus; note: string }> {
  const byId = new Map((sheet?.answers ?? []).map((a) => [a.itemId, a]));
  return new Map(items.items.map((item) => [item.id, { status: byId.get(item.id)?.status ?? 'unknown', note: byId.get(item.id)?.note ?? '' }]));
}

/** A worksheet answer that leaves a gap: the report links it to the item's risk. */
export const isWorksheetGap = (status: WorksheetStatus): boolean => status === 'no' || status === 'unknown';
