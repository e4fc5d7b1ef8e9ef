/**
 * The shared vocabulary as the report writes it, for the screens: a risk category is
 * "Backup and recovery", a service model "IaaS", not their keys. Values outside the vocabulary
 * (an old record, a new pack) are shown as stored.
 */
import { CATEGORY_LABEL, MODEL_LABEL } from '../../core/report/labels';

/** `backup-recovery` -> "Backup and recovery". */
export function categoryLabel(category: string): string {
  return (CATEGORY_LABEL as Record<string, string | undefined>)[category] ?? category;
}

/** `iaas` -> "IaaS", `unknown` -> "Unclassified". */
export function modelLabel(model: string): string {
  return (MODEL_LABEL as Record<string, string | undefined>)[model] ?? model;
}
