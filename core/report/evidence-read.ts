/**
 * Small readers of stored rows for the evidence modules: untyped JSON in, strings out,
 * nothing guessed (a missing value is '').
 */

/** A stored resource by id: its name, type and Resource Graph row. */
export type RowLookup = (id: string) => { name: string; type: string; row: Record<string, unknown> } | undefined;

/** A Defender object: alert, recommendation, compliance control, secure score control, attack path. */
export interface EvidenceItem {
  name: string;
  severity: string;
  status: string;
  /** the resource it is about ('' when the object names none) */
  resource: string;
  detail: string;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
export const propsOf = (row: unknown): Record<string, unknown> => (isObject(row) && isObject(row.properties) ? row.properties : {});
export const ARM_ID = /^\/subscriptions\/[^/]+\//i;
export const lastSegment = (id: string): string => id.split('/').filter(Boolean).pop() ?? id;

/** An ARM id as the name of what it points at (the stored resource's name, else its last segment). */
export function nameOfId(id: string, lookup: RowLookup): string {
  return lookup(id)?.name || lookup(id.toLowerCase())?.name || lastSegment(id);
}
