/** docs/SECURITY.md row 16: nothing a pull hands out has a token or secret field. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getQuery, INVENTORY_QUERY_IDS, isInventoryQueryId } from '../../../../core/azure/query-catalogue';
import { pullProgressEventSchema, snapshotMetaSchema } from '../../../../core/azure/schemas';
import { inventoryFileSchema } from '../../../../core/azure/snapshot';

function keysOf(schema: z.ZodType, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (value instanceof z.ZodType) out.push(...keysOf(value, seen));
  };
  if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      out.push(key);
      visit(child);
    }
  }
  for (const key of ['element', 'innerType', 'in', 'out', 'valueType', 'left', 'right']) visit(def[key]);
  if (Array.isArray(def.options)) def.options.forEach(visit);
  return out;
}

describe('outgoing shapes', () => {
  it('have no token or secret keys', () => {
    const keys = [...keysOf(pullProgressEventSchema), ...keysOf(snapshotMetaSchema), ...keysOf(inventoryFileSchema)];
    expect(keys.length).toBeGreaterThan(30);
    expect(keys.filter((k) => /token|secret|password|credential|authorization/i.test(k))).toEqual([]);
  });
});

describe('query catalogue', () => {
  it('has fixed KQL ordered by id for every inventory query', () => {
    for (const id of INVENTORY_QUERY_IDS) {
      const q = getQuery(id);
      expect(q.kql.startsWith(q.table)).toBe(true);
      expect(q.kql).toMatch(/\| order by id asc$/);
    }
    expect(new Set(INVENTORY_QUERY_IDS.map((id) => getQuery(id).table))).toEqual(
      new Set(['resources', 'resourcecontainers', 'securityresources', 'authorizationresources', 'appserviceresources']),
    );
    expect(isInventoryQueryId('resources')).toBe(true);
    expect(isInventoryQueryId('resources | take 1')).toBe(false);
  });
});
