/**
 * Snapshot immutability and the inventory file format the CLI writes and the engine's
 * parser reads (`{data: [...rows], demarcSnapshot: {...meta}}`, a REST-response shape).
 */
import { z } from 'zod';
import { argRowSchema, snapshotMetaSchema, type ArgRow, type SnapshotMeta } from './schemas';

/**
 * Freezes `value` and everything reachable from it, in place, and returns it. Already
 * frozen objects are not walked again (rows are frozen as they arrive).
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/** A stable string of a JSON value (sorted keys), for hashing or comparing snapshots. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** The inventory file: Resource Graph rows in REST shape plus Demarc's snapshot header. */
export interface InventoryFile {
  data: readonly ArgRow[];
  demarcSnapshot: SnapshotMeta;
}

export const inventoryFileSchema = z.object({
  data: z.array(argRowSchema),
  demarcSnapshot: snapshotMetaSchema,
});

/** Builds the file object for a snapshot (rows are shared, not copied). */
export function toInventoryFile(snapshot: SnapshotMeta & { rows: readonly ArgRow[] }): InventoryFile {
  const { rows, ...meta } = snapshot;
  return { data: rows, demarcSnapshot: meta };
}
