import { describe, expect, it } from 'vitest';
import { resourceCommitments, compositeOf, type ResourceCommitment } from '../../../../core/commitments/resource-commitments';
import { normaliseRows } from '../../../../core/inventory/normalise';
import { loadCommitments } from '../../../../core/commitments/load';
import { readPackFiles, defaultPackDir } from '../../../../node/read-pack-files';

const { commitments } = loadCommitments(readPackFiles(defaultPackDir));
const table = commitments!.sla;
const SUB = '/subscriptions/00000000-1111-2222-3333-444444444444';
const rg = (name: string) => `${SUB}/resourceGroups/${name}`;

function row(type: string, name: string, extra: Record<string, unknown> = {}, group = 'rg-app'): Record<string, unknown> {
  const provider = type.split('/').slice(0, -1).join('/');
  return { id: `${rg(group)}/providers/${provider}/${type.split('/').pop()}/${name}`, name, type, location: 'westeurope', resourceGroup: group, ...extra };
}
const vm = (name: string, storageProfile: unknown, extra: Record<string, unknown> = {}, group?: string) =>
  row('microsoft.compute/virtualmachines', name, { ...extra, properties: { storageProfile, ...(extra.properties as object) } }, group);
const disk = (type: string) => ({ managedDisk: { storageAccountType: type } });

function commit(rows: Record<string, unknown>[]): ResourceCommitment[] {
  return resourceCommitments(normaliseRows(rows, () => 'iaas'), table);
}
const one = (rows: Record<string, unknown>[], name: string) => commit(rows).find((c) => c.resourceName === name)!;

describe('virtual machine tiers', () => {
  it('a single VM gets the figure of its lowest disk, data disks included', () => {
    expect(one([vm('a', { osDisk: disk('Premium_LRS'), dataDisks: [disk('Premium_LRS')] })], 'a')).toMatchObject({ tier: 'vm-single-premium', sla: 99.9 });
    expect(one([vm('b', { osDisk: disk('Premium_LRS'), dataDisks: [disk('StandardSSD_LRS')] })], 'b')).toMatchObject({ tier: 'vm-single-standard-ssd', sla: 99.5 });
    expect(one([vm('c', { osDisk: disk('Premium_LRS'), dataDisks: [disk('Premium_LRS'), disk('Standard_LRS')] })], 'c')).toMatchObject({ tier: 'vm-single-standard-hdd', sla: 95 });
    expect(one([vm('d', { osDisk: disk('Premium_LRS'), dataDisks: [disk('UltraSSD_LRS'), disk('PremiumV2_LRS')] })], 'd')).toMatchObject({ sla: 99.9 });
  });

  it('reads the disk type from the disk resource when the VM does not carry it', () => {
    const diskId = `${rg('rg-app')}/providers/Microsoft.Compute/disks/osdisk-e`;
    const rows = [vm('e', { osDisk: { managedDisk: { id: diskId } } }), { ...row('microsoft.compute/disks', 'osdisk-e'), id: diskId, sku: { name: 'StandardSSD_LRS' } }];
    expect(one(rows, 'e')).toMatchObject({ tier: 'vm-single-standard-ssd', sla: 99.5 });
  });

  it('an unmanaged or unseen disk makes the tier unknown, never assumed', () => {
    expect(one([vm('f', { osDisk: { vhd: { uri: 'https://x.blob.core.windows.net/vhds/f.vhd' } } })], 'f')).toMatchObject({ status: 'unknown', sla: null });
    expect(one([vm('g', { osDisk: disk('Premium_LRS'), dataDisks: [{ managedDisk: { id: `${SUB}/x/disks/missing` } }] })], 'g')).toMatchObject({ status: 'unknown' });
  });

  it('two VMs in one availability set get 99.95 %; a VM alone in a set is a single instance', () => {
    const set = { properties: { availabilitySet: { id: `${rg('rg-app')}/providers/Microsoft.Compute/availabilitySets/as1` } } };
    const pair = [vm('h1', { osDisk: disk('Standard_LRS') }, set), vm('h2', { osDisk: disk('Standard_LRS') }, set)];
    expect(commit(pair).map((c) => c.sla)).toEqual([99.95, 99.95]);
    expect(one([pair[0]!], 'h1')).toMatchObject({ tier: 'vm-single-standard-hdd' });
  });

  it('VMs of one deployment across two zones get 99.99 %; both in one zone do not', () => {
    const spread = [vm('z1', { osDisk: disk('Premium_LRS') }, { zones: ['1'] }), vm('z2', { osDisk: disk('Premium_LRS') }, { zones: ['2'] })];
    expect(commit(spread).map((c) => c.tier)).toEqual(['vm-zones', 'vm-zones']);
    const same = [vm('y1', { osDisk: disk('Premium_LRS') }, { zones: ['1'] }), vm('y2', { osDisk: disk('Premium_LRS') }, { zones: ['1'] })];
    expect(commit(same).map((c) => c.tier)).toEqual(['vm-single-premium', 'vm-single-premium']);
    const apart = [vm('x1', { osDisk: disk('Premium_LRS') }, { zones: ['1'] }, 'rg-a'), vm('x2', { osDisk: disk('Premium_LRS') }, { zones: ['2'] }, 'rg-b')];
    expect(commit(apart).map((c) => c.tier)).toEqual(['vm-single-premium', 'vm-single-premium']);
  });

  it('scale sets follow instance count and zones', () => {
    const vmss = (name: string, capacity: number, zones?: string[]) =>
      row('microsoft.compute/virtualmachinescalesets', name, { sku: { capacity }, zones, properties: { virtualMachineProfile: { storageProfile: { osDisk: disk('StandardSSD_LRS') } } } });
    expect(one([vmss('s1', 3, ['1', '2', '3'])], 's1')).toMatchObject({ tier: 'vmss-zones', sla: 99.99 });
    expect(one([vmss('s2', 2)], 's2')).toMatchObject({ tier: 'vmss-fault-domains', sla: 99.95 });
    expect(one([vmss('s3', 1)], 's3')).toMatchObject({ tier: 'vm-single-standard-ssd', sla: 99.5 });
  });
});

describe('platform service tiers', () => {
  it('AKS: Free has no SLA; Standard depends on zones; no tier shown is unknown', () => {
    const aks = (name: string, tier: string | undefined, zones?: string[]) =>
      row('microsoft.containerservice/managedclusters', name, { sku: tier ? { name: 'Base', tier } : undefined, properties: { agentPoolProfiles: [{ name: 'sys', availabilityZones: zones }] } });
    expect(one([aks('k1', 'Free')], 'k1')).toMatchObject({ status: 'no-sla', sla: null });
    expect(one([aks('k2', 'Standard', ['1', '2', '3'])], 'k2')).toMatchObject({ sla: 99.95 });
    expect(one([aks('k3', 'Standard')], 'k3')).toMatchObject({ sla: 99.9 });
    expect(one([aks('k4', undefined)], 'k4')).toMatchObject({ status: 'unknown' });
  });

  it('storage: redundancy and access tier decide; zone redundancy does not raise it', () => {
    const st = (name: string, sku: string, accessTier?: string) => row('microsoft.storage/storageaccounts', name, { sku: { name: sku }, kind: 'StorageV2', properties: { accessTier } });
    expect(one([st('s1', 'Standard_LRS', 'Hot')], 's1')).toMatchObject({ tier: 'storage-hot', sla: 99.9 });
    expect(one([st('s2', 'Standard_ZRS', 'Hot')], 's2')).toMatchObject({ tier: 'storage-hot', sla: 99.9 });
    expect(one([st('s3', 'Standard_RAGRS', 'Hot')], 's3')).toMatchObject({ tier: 'storage-hot-ra' });
    expect(one([st('s4', 'Standard_GRS', 'Cool')], 's4')).toMatchObject({ tier: 'storage-cool', sla: 99 });
    expect(one([st('s5', 'Standard_RAGZRS', 'Cold')], 's5')).toMatchObject({ tier: 'storage-cool-ra', sla: 99 });
    expect(one([st('s6', 'Premium_LRS')], 's6')).toMatchObject({ status: 'unknown' });
  });

  it('SQL Database: zone redundancy on an eligible tier gives 99.995 %', () => {
    const db = (name: string, tier: string, zoneRedundant: boolean) =>
      ({ ...row('microsoft.sql/servers/databases', name, { sku: { tier }, properties: { zoneRedundant } }), id: `${rg('rg-app')}/providers/Microsoft.Sql/servers/sql1/databases/${name}` });
    expect(one([db('d1', 'BusinessCritical', true)], 'd1')).toMatchObject({ sla: 99.995 });
    expect(one([db('d2', 'GeneralPurpose', false)], 'd2')).toMatchObject({ sla: 99.99 });
    expect(one([db('d3', 'Standard', true)], 'd3')).toMatchObject({ tier: 'sql-standard' });
    expect(commit([db('master', 'System', false)])).toEqual([]);
  });

  it('App Service follows its plan; Free and Shared have no SLA; function apps share one figure', () => {
    const plan = (name: string, tier: string) => row('microsoft.web/serverfarms', name, { sku: { tier } });
    const site = (name: string, planName: string, kind = 'app') => row('microsoft.web/sites', name, { kind, properties: { serverFarmId: `${rg('rg-app')}/providers/microsoft.web/serverfarms/${planName}` } });
    expect(one([plan('p1', 'Free'), site('w1', 'p1')], 'w1')).toMatchObject({ status: 'no-sla' });
    expect(one([plan('p2', 'PremiumV3'), site('w2', 'p2')], 'w2')).toMatchObject({ sla: 99.95 });
    expect(one([site('w3', 'absent')], 'w3')).toMatchObject({ status: 'unknown' });
    expect(one([site('f1', 'absent', 'functionapp,linux')], 'f1')).toMatchObject({ service: 'functions', sla: 99.95 });
  });

  it('Application Gateway v2 needs autoscale or zones; firewall and load balancer by zones and SKU', () => {
    const agw = (name: string, extra: Record<string, unknown>) => row('microsoft.network/applicationgateways', name, extra);
    expect(one([agw('g1', { properties: { sku: { tier: 'WAF_v2', capacity: 1 }, autoscaleConfiguration: { minCapacity: 2 } } })], 'g1')).toMatchObject({ sla: 99.95 });
    expect(one([agw('g2', { properties: { sku: { tier: 'Standard_v2', capacity: 1 } } })], 'g2')).toMatchObject({ status: 'no-sla' });
    expect(one([row('microsoft.network/azurefirewalls', 'fw1', { zones: ['1', '2', '3'] })], 'fw1')).toMatchObject({ sla: 99.99 });
    expect(one([row('microsoft.network/azurefirewalls', 'fw2', {})], 'fw2')).toMatchObject({ sla: 99.95 });
    expect(one([row('microsoft.network/loadbalancers', 'lb1', { sku: { name: 'Standard' } })], 'lb1')).toMatchObject({ sla: 99.99 });
    expect(one([row('microsoft.network/loadbalancers', 'lb2', { sku: { name: 'Basic' } })], 'lb2')).toMatchObject({ status: 'no-sla' });
  });

  it('Cosmos DB by regions, write regions and zones', () => {
    const cosmos = (name: string, locations: unknown[], multiWrite = false) =>
      row('microsoft.documentdb/databaseaccounts', name, { properties: { locations, enableMultipleWriteLocations: multiWrite } });
    expect(one([cosmos('c1', [{ locationName: 'West Europe', isZoneRedundant: false }])], 'c1')).toMatchObject({ sla: 99.99 });
    expect(one([cosmos('c2', [{ isZoneRedundant: true }])], 'c2')).toMatchObject({ sla: 99.995 });
    expect(one([cosmos('c3', [{ isZoneRedundant: true }, { isZoneRedundant: false }])], 'c3')).toMatchObject({ tier: 'cosmos-multi-region-zones' });
    expect(one([cosmos('c4', [{}, {}], true)], 'c4')).toMatchObject({ sla: 99.999 });
  });

  it('types without an SLA of their own are left out', () => {
    expect(commit([row('microsoft.network/networksecuritygroups', 'nsg1')])).toEqual([]);
  });
});

describe('composite of a set', () => {
  it('multiplies the figures, or says unknown and names what is missing', () => {
    const ok = commit([row('microsoft.network/azurefirewalls', 'fw', { zones: ['1', '2'] }), row('microsoft.network/loadbalancers', 'lb', { sku: { name: 'Standard' } })]);
    expect(compositeOf(ok)).toMatchObject({ sla: 99.980001, missing: [] });
    const gap = commit([row('microsoft.network/azurefirewalls', 'fw', {}), row('microsoft.network/loadbalancers', 'lb', { sku: { name: 'Basic' } })]);
    const c = compositeOf(gap);
    expect(c.sla).toBeNull();
    expect(c.missing).toEqual([{ resourceId: gap[1]!.resourceId, status: 'no-sla' }]);
    expect(c.knownPartSla).toBe(99.95);
  });
});

describe('redundancy groups', () => {
  it('counts an availability set once in a composite: Microsoft commits to at least one instance being reachable', () => {
    const set = { properties: { availabilitySet: { id: `${rg('rg-app')}/providers/Microsoft.Compute/availabilitySets/as1` } } };
    const three = [1, 2, 3].map((n) => vm(`a${n}`, { osDisk: disk('Premium_LRS') }, set));
    const c = commit(three);
    expect(new Set(c.map((x) => x.redundancyGroup)).size).toBe(1);
    expect(compositeOf(c).sla).toBe(99.95);
  });

  it('does not take a VM of another subscription as a peer in an availability set', () => {
    const setId = `${rg('rg-app')}/providers/Microsoft.Compute/availabilitySets/as1`;
    const other = { ...vm('o1', { osDisk: disk('Premium_LRS') }, { properties: { availabilitySet: { id: setId } } }), id: '/subscriptions/99999999-1111-2222-3333-444444444444/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/o1' };
    const mine = vm('m1', { osDisk: disk('Premium_LRS') }, { properties: { availabilitySet: { id: setId } } });
    expect(commit([other, mine]).map((x) => x.tier)).toEqual(['vm-single-premium', 'vm-single-premium']);
  });
});
