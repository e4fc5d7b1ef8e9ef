import { describe, expect, it } from 'vitest';
import { compileJoin, idAndAncestors, indexJoin, joinedRows, readAll } from '../../../../core/checks/join';
import { JoinSchema } from '../../../../core/content/schemas';

const VNET = '/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub';
const SPOKE = '/subscriptions/s2/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet-spoke';
const nic = (name: string, subnetIds: string[]) => ({
  id: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/${name}`,
  type: 'microsoft.network/networkinterfaces',
  properties: { ipConfigurations: subnetIds.map((id) => ({ properties: { subnet: { id } } })) },
});
const rowsOf = (rows: { type: string }[]) => (type: string) => rows.filter((r) => r.type === type);

describe('join paths and keys', () => {
  it('readAll walks every element of the arrays on the way', () => {
    const row = nic('n', [`${VNET}/subnets/a`, `${VNET}/subnets/b`]);
    expect(readAll(row, ['properties', 'ipConfigurations', 'properties', 'subnet', 'id'])).toEqual([`${VNET}/subnets/a`, `${VNET}/subnets/b`]);
    expect(readAll(row, ['properties', 'ipConfigurations', '1', 'properties', 'subnet', 'id'])).toEqual([`${VNET}/subnets/b`]);
    expect(readAll({ Properties: { X: 1 } }, ['properties', 'x'])).toEqual([1]);
  });
  it('an ARM id sits within itself and each parent resource, by pairs of segments', () => {
    expect(idAndAncestors(`${VNET}/subnets/a`)).toContain(VNET);
    expect(idAndAncestors(`${VNET}/subnets/a`)).not.toContain(`${VNET}/subnets`);
  });
});

describe('join matching', () => {
  const nics = [nic('in-hub', [`${VNET.toUpperCase()}/subnets/app`]), nic('in-spoke', [`${SPOKE}/subnets/app`]), nic('prefix-trap', [`${VNET}-2/subnets/app`])];

  it('`within` matches ids beneath the subject id, case-insensitively, and not a sibling that shares a prefix', () => {
    const j = compileJoin('nics', JoinSchema.parse({ x: { types: ['microsoft.network/networkinterfaces'], their: 'properties.ipConfigurations.properties.subnet.id', ours: 'id', match: 'within' } }).x!);
    const index = indexJoin(j, rowsOf(nics));
    expect(joinedRows(j, index, { id: VNET }).map((r) => (r as { id: string }).id.split('/').at(-1))).toEqual(['in-hub']);
  });

  it('`equal` (the default) does not match a child id', () => {
    const j = compileJoin('nics', { types: ['microsoft.network/networkinterfaces'], their: 'properties.ipConfigurations.properties.subnet.id', ours: 'id' });
    expect(joinedRows(j, indexJoin(j, rowsOf(nics)), { id: VNET })).toEqual([]);
  });

  it('`ours` can collect keys from kept elements of an array (Connected peerings only), each related row once', () => {
    const bastion = { id: 'b1', type: 'microsoft.network/bastionhosts', properties: { ipConfigurations: [{ properties: { subnet: { id: `${VNET}/subnets/AzureBastionSubnet` } } }] } };
    const j = compileJoin('peered', {
      types: ['microsoft.network/bastionhosts'],
      their: 'properties.ipConfigurations.properties.subnet.id',
      match: 'within',
      ours: { path: 'properties.virtualNetworkPeerings', where: { field: 'properties.peeringState', equals: 'Connected' }, value: 'properties.remoteVirtualNetwork.id' },
    });
    const index = indexJoin(j, rowsOf([bastion]));
    const peer = (id: string, state: string) => ({ properties: { peeringState: state, remoteVirtualNetwork: { id } } });
    expect(joinedRows(j, index, { id: SPOKE, properties: { virtualNetworkPeerings: [peer(VNET, 'Connected'), peer(VNET.toLowerCase(), 'Connected')] } })).toEqual([bastion]);
    // one row reached through two keys (a NIC with IP configurations in two VNets, both peered) comes once
    const multi = compileJoin('nics', { types: ['microsoft.network/networkinterfaces'], their: 'properties.ipConfigurations.properties.subnet.id', match: 'within', ours: { path: 'peers' } });
    const twoVnets = nic('two', [`${VNET}/subnets/a`, `${SPOKE}/subnets/b`]);
    expect(joinedRows(multi, indexJoin(multi, rowsOf([twoVnets])), { peers: [VNET, SPOKE] })).toEqual([twoVnets]);
    expect(joinedRows(j, index, { id: SPOKE, properties: { virtualNetworkPeerings: [peer(VNET, 'Disconnected')] } })).toEqual([]);
    expect(joinedRows(j, index, { id: SPOKE })).toEqual([]);
  });

  it('`where` keeps only the related rows that match, decided once when the index is built', () => {
    const pip = (name: string, mode?: string) => ({ id: name, type: 'microsoft.network/publicipaddresses', subscriptionId: 'S1', properties: mode ? { ddosSettings: { protectionMode: mode } } : {} });
    const rows = [pip('ipprotected', 'Enabled'), pip('inherited', 'VirtualNetworkInherited'), pip('legacy')];
    const j = compileJoin('unprotected', { types: ['microsoft.network/publicipaddresses'], their: 'subscriptionId', ours: 'subscriptionId', where: { field: 'properties.ddosSettings.protectionMode', notEquals: 'Enabled' } });
    expect(joinedRows(j, indexJoin(j, rowsOf(rows)), { subscriptionId: 's1' }).map((r) => (r as { id: string }).id)).toEqual(['inherited', 'legacy']);
  });

  it('the schema rejects an unknown match mode', () => {
    expect(JoinSchema.safeParse({ x: { types: ['a/b'], their: 'id', ours: 'id', match: 'prefix' } }).success).toBe(false);
  });
});
