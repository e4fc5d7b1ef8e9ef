import type { Resource } from '../inventory/normalise';

/**
 * Small readers over Resource Graph rows for the facts an SLA tier depends on. Each returns
 * `undefined` when the row does not show the fact, so callers can say "unknown" instead of
 * assuming a default.
 */

export function valueAt(row: unknown, path: string): unknown {
  let cur: unknown = row;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function stringAt(row: unknown, path: string): string | undefined {
  const v = valueAt(row, path);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function numberAt(row: unknown, path: string): number | undefined {
  const v = valueAt(row, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The zones a row is deployed in (`zones: ["1","2"]`), as strings; empty when none. */
export function zonesOf(resource: Resource): string[] {
  const z = valueAt(resource.raw, 'zones');
  return Array.isArray(z) ? z.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String) : [];
}

/** Disk performance classes in the order of the VM SLA, worst first. */
export type DiskClass = 'standard-hdd' | 'standard-ssd' | 'premium';

const DISK_CLASS: Record<string, DiskClass> = {
  standard_lrs: 'standard-hdd',
  standardssd_lrs: 'standard-ssd',
  standardssd_zrs: 'standard-ssd',
  premium_lrs: 'premium',
  premium_zrs: 'premium',
  premiumv2_lrs: 'premium',
  ultrassd_lrs: 'premium',
};

/** Maps a managed disk's storage account type (`Premium_LRS`) to its SLA class. */
export function diskClassOf(storageAccountType: string | undefined): DiskClass | undefined {
  return storageAccountType ? DISK_CLASS[storageAccountType.toLowerCase()] : undefined;
}

export const DISK_CLASS_ORDER: readonly DiskClass[] = ['standard-hdd', 'standard-ssd', 'premium'];

export const lastSegment = (id: string): string => id.split('/').pop() ?? id;
