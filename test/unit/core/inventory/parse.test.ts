import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../core/inventory/csv';
import { normaliseRows, readInventory, serviceModelLookup } from '../../../../core/inventory/normalise';
import { InventoryParseError, parseInventory } from '../../../../core/inventory/parse';

const row = (id: string, type = 'Microsoft.Storage/storageAccounts', extra: Record<string, unknown> = {}) => ({
  id,
  name: id.split('/').pop(),
  type,
  location: 'West Europe',
  properties: { supportsHttpsTrafficOnly: true, networkAcls: { defaultAction: 'Allow' } },
  ...extra,
});
const ID1 = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/RG-Data/providers/Microsoft.Storage/storageAccounts/sta';
const ID2 = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1';
const lookup = serviceModelLookup(new Map([['microsoft.storage/storageaccounts', 'paas'], ['microsoft.compute/virtualmachines', 'iaas']]));

function thrown(fn: () => unknown): InventoryParseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InventoryParseError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('parseInventory', () => {
  it('reads a JSON array of rows', () => {
    const p = parseInventory(JSON.stringify([row(ID1), row(ID2, 'microsoft.compute/virtualmachines')]));
    expect(p.format).toBe('rows-array');
    expect(p.rows).toHaveLength(2);
  });

  it('reads a Resource Graph REST response (objectArray) and an array of pages', () => {
    const page = { totalRecords: 2, count: 1, resultTruncated: 'false', facets: [], $skipToken: 'abc', data: [row(ID1)] };
    expect(parseInventory(JSON.stringify(page))).toMatchObject({ format: 'arg-response', rows: [{ id: ID1 }] });
    const pages = [page, { ...page, $skipToken: undefined, data: [row(ID2, 'microsoft.compute/virtualmachines')] }];
    const p = parseInventory(JSON.stringify(pages));
    expect(p.format).toBe('arg-response-array');
    expect(p.rows.map((r) => r.id)).toEqual([ID1, ID2]);
  });

  it('reads a Resource Graph table-format response', () => {
    const table = { totalRecords: 1, count: 1, resultTruncated: 'false', data: { columns: [{ name: 'id', type: 'string' }, { name: 'type', type: 'string' }, { name: 'properties', type: 'object' }], rows: [[ID1, 'microsoft.storage/storageaccounts', { a: 1 }]] } };
    expect(parseInventory(JSON.stringify(table))).toEqual({ format: 'arg-table', rows: [{ id: ID1, type: 'microsoft.storage/storageaccounts', properties: { a: 1 } }], droppedKeys: 0 });
  });

  it('reads az graph query output', () => {
    const out = { count: 1, data: [row(ID1)], skip_token: null, total_records: 1 };
    expect(parseInventory(JSON.stringify(out, null, 2)).format).toBe('az-cli');
  });

  it('reads a Resource Graph Explorer CSV export with JSON columns, quotes and newlines', () => {
    const props = JSON.stringify({ supportsHttpsTrafficOnly: false, note: 'a, "quoted"\nvalue' }).replace(/"/g, '""');
    const csv = `\uFEFFid,name,type,location,resourceGroup,subscriptionId,tags,properties\r\n${ID1},sta,microsoft.storage/storageaccounts,westeurope,rg-data,11111111-2222-3333-4444-555555555555,"{""env"":""prod""}","${props}"\r\n`;
    const p = parseInventory(csv);
    expect(p.format).toBe('csv');
    expect(p.rows[0]).toMatchObject({ id: ID1, tags: { env: 'prod' }, properties: { supportsHttpsTrafficOnly: false, note: 'a, "quoted"\nvalue' } });
  });

  it('gives the line and column of bad JSON', () => {
    const e = thrown(() => parseInventory('[\n  {"id": "a", "type": "b"},\n  {"id": "c" "type": "d"}\n]'));
    expect(e.location).toBe('line 3, column 14');
    expect(e.message).toMatch(/invalid JSON/);
  });

  it('locates truncated JSON and bad escapes', () => {
    expect(thrown(() => parseInventory('[{"id": "a", "type": "b"}')).location).toBe('end of file');
    expect(thrown(() => parseInventory('{"data": [{"id": "a\\q"}]}')).location).toBe('line 1, column 20');
  });

  it('rejects wrong shapes with a location', () => {
    expect(thrown(() => parseInventory('{"value": []}')).location).toBe('(root)');
    expect(thrown(() => parseInventory('[{"id":"a","type":"b"}, 3]')).location).toBe('[1]');
    expect(thrown(() => parseInventory('{"data": [1]}')).location).toBe('data[0]');
    expect(thrown(() => parseInventory('{"data": 5}')).location).toBe('data');
    expect(thrown(() => parseInventory('')).message).toMatch(/empty/);
    expect(thrown(() => parseInventory('hello world\nfoo')).message).toMatch(/not a recognised inventory/);
  });

  it('rejects CSV with broken quoting, wrong field counts and bad JSON columns, naming the line', () => {
    expect(thrown(() => parseInventory(`id,type,properties\n${ID1},t,"{""a"":1}\n`)).location).toMatch(/^line 2, column \d+$/);
    expect(thrown(() => parseInventory(`id,type,properties\n${ID1},t,ab"c\n`)).location).toBe(`line 2, column ${`${ID1},t,ab`.length + 1}`);
    expect(thrown(() => parseInventory(`id,type\n${ID1},t,extra\n`)).location).toBe('line 2');
    const bad = thrown(() => parseInventory(`id,type,properties\n${ID1},t,"{not json}"\n`));
    expect(bad.location).toBe("line 2, column 'properties'");
  });

  it('never returns partial results: one bad row fails the whole file', () => {
    expect(() => readInventory(JSON.stringify([row(ID1), { name: 'no-id', type: 'x' }]), lookup)).toThrow(/row 2/);
  });
});

describe('parseCsv', () => {
  it('handles empty fields and a final line without newline', () => {
    expect(parseCsv('a,b,c\n1,,3').map((r) => r.fields)).toEqual([['a', 'b', 'c'], ['1', '', '3']]);
  });
});

describe('normaliseRows', () => {
  it('lower-cases the type, derives subscription and resource group from the id, compacts the location and classifies', () => {
    const [r] = normaliseRows([row(ID1)], lookup);
    expect(r).toMatchObject({ id: ID1, type: 'microsoft.storage/storageaccounts', subscriptionId: '11111111-2222-3333-4444-555555555555', resourceGroup: 'RG-Data', location: 'westeurope', serviceModel: 'paas' });
    expect(r!.properties).toEqual(row(ID1).properties);
  });

  it('reports unknown types as unknown', () => {
    const [r] = normaliseRows([row('/subscriptions/s/resourceGroups/r/providers/Contoso.Widgets/widgets/w', 'Contoso.Widgets/widgets')], lookup);
    expect(r!.serviceModel).toBe('unknown');
  });

  it('keeps one resource per id (case-insensitive), the last page winning', () => {
    const rs = normaliseRows([row(ID1), { ...row(ID1.toLowerCase()), name: 'later' }], lookup);
    expect(rs).toHaveLength(1);
    expect(rs[0]!.name).toBe('later');
  });
});
