/**
 * The rows' rule for `__proto__`, `constructor` and `prototype` keys (core/inventory/reserved-keys.ts):
 * dropped and counted on every path rows take in, never reaching a prototype on the way.
 */
import { describe, expect, it } from 'vitest';
import { redactDeep, redactTokenShapes } from '../../../../core/azure/redact';
import { parseInventory } from '../../../../core/inventory/parse';
import { reservedKeysNote, withoutReservedKeys } from '../../../../core/inventory/reserved-keys';
import { events } from '../../../../core/ipc/contract';

/** A row as JSON.parse makes it from Resource Graph: the three keys are own properties. */
const HOSTILE_ROW_JSON =
  '{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1","type":"microsoft.storage/storageaccounts",' +
  '"__proto__":{"polluted":true},"constructor":{"polluted":true},"prototype":"p",' +
  '"tags":{"constructor":"x","owner":"ops"},"properties":{"networkAcls":{"__proto__":{"isAdmin":true},"defaultAction":"Deny"}}}';
const CLEAN_ROW = {
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1',
  type: 'microsoft.storage/storageaccounts',
  tags: { owner: 'ops' },
  properties: { networkAcls: { defaultAction: 'Deny' } },
};

/** Nothing inherited but Object.prototype's own members, at any depth. */
function expectUnpolluted(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (!Array.isArray(value)) expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect((value as Record<string, unknown>).polluted).toBeUndefined();
  expect((value as Record<string, unknown>).isAdmin).toBeUndefined();
  for (const child of Object.values(value)) expectUnpolluted(child);
}

describe('inventory files', () => {
  it('JSON rows lose the reserved keys at any depth, counted', () => {
    const parsed = parseInventory(`[${HOSTILE_ROW_JSON}]`);
    expect(parsed.droppedKeys).toBe(5);
    expect(parsed.rows).toEqual([CLEAN_ROW]);
    expect(JSON.stringify(parsed.rows[0])).toBe(JSON.stringify(CLEAN_ROW));
    expectUnpolluted(parsed.rows);
  });

  it('a CSV column named __proto__ holding JSON never becomes the row prototype', () => {
    const csv = 'id,type,__proto__,constructor\n/subscriptions/s/x,microsoft.web/sites,"{""polluted"":true}","{""isAdmin"":true}"\n';
    const parsed = parseInventory(csv);
    expect(parsed.rows).toEqual([{ id: '/subscriptions/s/x', type: 'microsoft.web/sites' }]);
    expect(parsed.droppedKeys).toBe(2);
    expectUnpolluted(parsed.rows);
  });

  it('a Resource Graph table with a __proto__ column never becomes the row prototype', () => {
    const table = JSON.stringify({ data: { columns: [{ name: 'id' }, { name: 'type' }, { name: '__proto__' }], rows: [['/subscriptions/s/x', 'microsoft.web/sites', { polluted: true }]] } });
    const parsed = parseInventory(table);
    expect(parsed.rows).toEqual([{ id: '/subscriptions/s/x', type: 'microsoft.web/sites' }]);
    expect(parsed.droppedKeys).toBe(1);
    expectUnpolluted(parsed.rows);
  });

  it('rows without reserved keys are not copied', () => {
    const row = { id: 'a', nested: [{ b: 1 }] };
    expect(withoutReservedKeys(row)).toEqual({ value: row, dropped: 0 });
    expect(withoutReservedKeys(row).value).toBe(row);
  });

  it('a row whose prototype an upstream copy replaced comes out a plain record', () => {
    // what `copy[key] = value` makes of a `__proto__` key (the old redactDeep did this)
    const row: Record<string, unknown> = { id: 'a', tags: Object.setPrototypeOf({ owner: 'ops' }, { polluted: true }) };
    Object.setPrototypeOf(row, { isAdmin: true });
    const { value, dropped } = withoutReservedKeys(row);
    expect(dropped).toBe(0);
    expect(value).toEqual({ id: 'a', tags: { owner: 'ops' } });
    expectUnpolluted(value);
  });

  it('deeply nested rows are handled without a stack overflow', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}{"__proto__":{"polluted":true}}${'}'.repeat(100_000)}`) as unknown;
    const { value, dropped } = withoutReservedKeys(deep);
    expect(dropped).toBe(1);
    let node = value as Record<string, unknown>;
    for (let i = 0; i < 100_000; i++) node = node.a as Record<string, unknown>;
    expect(node).toEqual({});
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
  });

  it('says what was dropped', () => {
    expect(reservedKeysNote(0)).toBeNull();
    expect(reservedKeysNote(1)).toBe('1 key named __proto__, constructor or prototype was dropped from the rows (Demarc never keeps these names).');
    expect(reservedKeysNote(1200)).toMatch(/^1,200 keys .* were dropped/);
  });
});

describe('Azure pull rows', () => {
  it('main redacts without losing a key or changing a prototype; the event keeps them for the renderer to count', () => {
    const row = JSON.parse(HOSTILE_ROW_JSON) as Record<string, unknown>;
    const redacted = redactDeep(row, redactTokenShapes);
    expect(Object.keys(redacted)).toEqual(Object.keys(row));
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(redacted, '__proto__')?.value).toEqual({ polluted: true });
    expect((redacted as Record<string, unknown>).polluted).toBeUndefined();

    const payload = events['azure:pull-page-received'].payload.parse({ pullId: 'p', snapshotId: 's', queryId: 'resources', table: 'resources', page: 1, rows: [redacted] });
    expect(Object.keys(payload.rows[0]!)).toEqual(Object.keys(row));
    // what the renderer's pull writer then stores (renderer/db/pull-repository.ts)
    const stored = withoutReservedKeys(payload.rows[0]!);
    expect(stored).toEqual({ value: CLEAN_ROW, dropped: 5 });
    expectUnpolluted(stored.value);
  });
});
