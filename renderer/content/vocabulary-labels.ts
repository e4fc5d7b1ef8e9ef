/**
 * The shared vocabulary as the report writes it, for the screens: a risk category is
 * "Backup and recovery", a service model "IaaS", an owner "Customer", not their keys. Values outside the vocabulary
 * (an old record, a new pack) are shown as stored.
 */
import type { BusinessService } from '../../core/bundle/schema';
import type { Severity } from '../../core/content/vocabulary';
import { CATEGORY_LABEL, MODEL_LABEL, OWNER_LABEL, TREATMENT_LABEL } from '../../core/report/labels';

/** `backup-recovery` -> "Backup and recovery". */
export function categoryLabel(category: string): string {
  return (CATEGORY_LABEL as Record<string, string | undefined>)[category] ?? category;
}

/** `iaas` -> "IaaS", `unknown` -> "Unclassified". */
export function modelLabel(model: string): string {
  return (MODEL_LABEL as Record<string, string | undefined>)[model] ?? model;
}

/** `customer` -> "Customer", `unknown` -> "Not determined". */
export function ownerLabel(owner: string): string {
  return (OWNER_LABEL as Record<string, string | undefined>)[owner] ?? owner;
}

/** `mitigate` -> "Mitigate". */
export function treatmentLabel(treatment: string): string {
  return (TREATMENT_LABEL as Record<string, string | undefined>)[treatment] ?? treatment;
}

/** A risk's status: `open` -> "Open". */
export function statusLabel(status: string): string {
  return status === 'open' ? 'Open' : status === 'closed' ? 'Closed' : status;
}

const LEVEL_LABEL: Record<NonNullable<BusinessService['criticality']> | Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** A business service's criticality: `critical` -> "Critical". */
export function criticalityLabel(criticality: string): string {
  return (LEVEL_LABEL as Record<string, string | undefined>)[criticality] ?? criticality;
}

/** A check's severity, on the same four levels: `high` -> "High". */
export const severityLabel = criticalityLabel;
