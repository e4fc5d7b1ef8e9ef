import type { ServiceModel } from '../content/vocabulary';
import { InventoryParseError, parseInventory, type InventoryFormat } from './parse';

/** Service model of a resource; `unknown` when the type is not in the pack's list (never guessed). */
export type ResourceServiceModel = ServiceModel | 'unknown';

/** One inventory resource, normalised from a Resource Graph row. */
export interface Resource {
  id: string;
  name: string;
  /** lower case, as Resource Graph returns it */
  type: string;
  subscriptionId: string;
  resourceGroup: string;
  /** lower case without spaces (`westeurope`); '' when the row has none */
  location: string;
  tenantId?: string;
  serviceModel: ResourceServiceModel;
  /** the row's `properties` (or null) */
  properties: unknown;
  /** the row as read: checks evaluate over it (paths such as `sku.name` start at the row root) */
  raw: Record<string, unknown>;
}

/** Looks up the service model of a type. */
export type ServiceModelLookup = (type: string) => ResourceServiceModel;

/** Builds a lookup from the pack's `service-models.yaml` map. */
export function serviceModelLookup(map: ReadonlyMap<string, ServiceModel>): ServiceModelLookup {
  return (type) => map.get(type.toLowerCase()) ?? 'unknown';
}

const SUB_RE = /^\/subscriptions\/([^/]+)/i;
const RG_RE = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)/i;

/**
 * Normalises raw rows into resources. Every row needs a string `id` and `type`; the first
 * bad row raises an error naming it, so a bad file yields nothing partial. Rows are
 * deduplicated by id (case-insensitive), the last one winning (pages may overlap).
 */
export function normaliseRows(rows: readonly Record<string, unknown>[], lookup: ServiceModelLookup): Resource[] {
  const out: Resource[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const id = row.id;
    const type = row.type;
    if (typeof id !== 'string' || id === '') throw new InventoryParseError('row has no `id`: project id in the query', `row ${i + 1}`);
    if (typeof type !== 'string' || type === '') throw new InventoryParseError('row has no `type`: project type in the query', `row ${i + 1}`);
    const lowerType = type.toLowerCase();
    const sub = typeof row.subscriptionId === 'string' && row.subscriptionId !== '' ? row.subscriptionId : (SUB_RE.exec(id)?.[1] ?? '');
    const rg = typeof row.resourceGroup === 'string' && row.resourceGroup !== '' ? row.resourceGroup : (RG_RE.exec(id)?.[1] ?? '');
    const location = typeof row.location === 'string' ? row.location.toLowerCase().replace(/\s+/g, '') : '';
    const name = typeof row.name === 'string' && row.name !== '' ? row.name : (id.split('/').pop() ?? id);
    const resource: Resource = {
      id,
      name,
      type: lowerType,
      subscriptionId: sub.toLowerCase(),
      resourceGroup: rg,
      location,
      serviceModel: lookup(lowerType),
      properties: row.properties ?? null,
      raw: row,
    };
    if (typeof row.tenantId === 'string') resource.tenantId = row.tenantId;
    const key = id.toLowerCase();
    const prev = seen.get(key);
    if (prev !== undefined) out[prev] = resource;
    else {
      seen.set(key, out.length);
      out.push(resource);
    }
  }
  return out;
}

/** Parses and normalises an inventory file in one step. */
export function readInventory(text: string, lookup: ServiceModelLookup): { format: InventoryFormat; resources: Resource[]; droppedKeys: number } {
  const parsed = parseInventory(text);
  return { format: parsed.format, resources: normaliseRows(parsed.rows, lookup), droppedKeys: parsed.droppedKeys };
}
