import { describe, expect, it } from 'vitest';
import { ConditionSchema } from '../../../../core/checks/condition-types';
import { evaluateCondition, looseEquals } from '../../../../core/checks/evaluator';
import { nsgInboundExposures } from '../../../../core/checks/nsg';
import { parsePortSpec, subtractRanges } from '../../../../core/checks/ports';

const row = {
  name: 'x',
  sku: { name: 'Standard_LRS' },
  properties: {
    flag: true,
    text: 'TLS1_2',
    n: 5,
    Status: 'Active',
    list: [{ name: 'a', properties: { v: 1 } }, { name: 'b', properties: { v: 2 } }],
    tags: ['One', 'two'],
  },
};

describe('field operators', () => {
  it('compare strings case-insensitively and treat missing as null', () => {
    expect(evaluateCondition({ field: 'properties.text', equals: 'tls1_2' }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.missing', equals: null }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.missing', notEquals: false }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.text', in: ['TLS1_2', 'TLS1_3'] }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.missing', notIn: ['a'] }, row).result).toBe(true);
    expect(looseEquals('True', true)).toBe(true);
    expect(looseEquals(1.2, '1.2')).toBe(true);
  });
  it('exists, ordering, strings and regex', () => {
    expect(evaluateCondition({ field: 'properties.flag', exists: true }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.none', exists: false }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.n', greater: 4 }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.n', lessOrEquals: 5 }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.missing', less: 5 }, row).result).toBe(false);
    expect(evaluateCondition({ field: 'properties.text', startsWith: 'tls' }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.text', endsWith: '_2' }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.tags', contains: 'one' }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.tags', notContains: 'three' }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.text', matches: '^tls1_[23]$' }, row).result).toBe(true);
  });
  it('reads PascalCase properties through a camelCase path', () => {
    expect(evaluateCondition({ field: 'properties.status', equals: 'active' }, row).result).toBe(true);
  });
  it('quantifiers filter elements and record the matching ones as evidence', () => {
    const r = evaluateCondition({ field: 'properties.list', where: { field: 'properties.v', greater: 1 }, any: true }, row);
    expect(r.result).toBe(true);
    expect(r.evidence['properties.list']).toEqual([{ name: 'b', properties: { v: 2 } }]);
    expect(evaluateCondition({ field: 'properties.list', where: { field: 'properties.v', greater: 5 }, none: true }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.list', where: { field: 'properties.v', greater: 0 }, all: true }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.list', count: { equals: 2 } }, row).result).toBe(true);
    expect(evaluateCondition({ field: 'properties.nothing', count: { equals: 0 } }, row).result).toBe(true);
  });
  it('allOf / anyOf / not, recording each path read with the value seen', () => {
    const r = evaluateCondition({ allOf: [{ field: 'sku.name', in: ['Standard_LRS'] }, { not: { field: 'properties.flag', equals: false } }] }, row);
    expect(r).toEqual({ result: true, evidence: { 'sku.name': 'Standard_LRS', 'properties.flag': true } });
  });
  it('coversPort reads *, single ports, ranges and arrays', () => {
    expect(evaluateCondition({ field: 'p', coversPort: 3389 }, { p: '3380-3390' }).result).toBe(true);
    expect(evaluateCondition({ field: 'p', coversPort: 3389 }, { p: ['80', '443'] }).result).toBe(false);
    expect(evaluateCondition({ field: 'p', coversPort: [22] }, { p: '*' }).result).toBe(true);
  });
  it('the schema rejects two operators or a where without a quantifier', () => {
    expect(ConditionSchema.safeParse({ field: 'a', equals: 1, notEquals: 2 }).success).toBe(false);
    expect(ConditionSchema.safeParse({ field: 'a', where: { field: 'b', equals: 1 } }).success).toBe(false);
    expect(ConditionSchema.safeParse({ field: 'a', matches: '(' }).success).toBe(false);
    expect(ConditionSchema.safeParse({ anyOf: [{ field: 'a', exists: true }] }).success).toBe(true);
  });
});

describe('ports', () => {
  it('parses port specifications and refuses what it cannot read', () => {
    expect(parsePortSpec('*')).toEqual([{ from: 0, to: 65535 }]);
    expect(parsePortSpec('3380-3390')).toEqual([{ from: 3380, to: 3390 }]);
    expect(parsePortSpec(['22', '80-81'])).toEqual([{ from: 22, to: 22 }, { from: 80, to: 81 }]);
    expect(parsePortSpec('http')).toBeUndefined();
    expect(parsePortSpec('90-80')).toBeUndefined();
  });
  it('subtracts ranges', () => {
    expect(subtractRanges([{ from: 0, to: 65535 }], [{ from: 22, to: 22 }, { from: 3389, to: 3389 }])).toEqual([
      { from: 0, to: 21 },
      { from: 23, to: 3388 },
      { from: 3390, to: 65535 },
    ]);
  });
});

const r = (name: string, p: Record<string, unknown>) => ({ name, properties: { protocol: 'Tcp', sourcePortRange: '*', destinationAddressPrefix: '*', direction: 'Inbound', access: 'Allow', ...p } });
const defaults = [
  r('AllowVnetInBound', { protocol: '*', priority: 65000, sourceAddressPrefix: 'VirtualNetwork', destinationPortRange: '*' }),
  r('AllowAzureLoadBalancerInBound', { protocol: '*', priority: 65001, sourceAddressPrefix: 'AzureLoadBalancer', destinationPortRange: '*' }),
  r('DenyAllInBound', { protocol: '*', priority: 65500, access: 'Deny', sourceAddressPrefix: '*', destinationPortRange: '*' }),
  r('AllowInternetOutBound', { protocol: '*', priority: 65001, direction: 'Outbound', sourceAddressPrefix: '*', destinationPortRange: '*' }),
];
const nsg = (rules: unknown[]) => ({ securityRules: rules, defaultSecurityRules: defaults });
const mgmt = { ports: [22, 3389], protocol: 'tcp' as const };

describe('nsgInboundExposures', () => {
  it('platform default rules alone expose nothing', () => {
    expect(nsgInboundExposures(nsg([]), mgmt)).toEqual([]);
    expect(nsgInboundExposures(nsg([]), { ports: 'any', protocol: 'udp' })).toEqual([]);
  });
  it('finds a range covering 3389 and a sourceAddressPrefixes list containing Internet', () => {
    expect(nsgInboundExposures(nsg([r('range', { priority: 100, sourceAddressPrefix: '0.0.0.0/0', destinationPortRange: '3380-3390' })]), mgmt)?.[0]?.exposedPorts).toBe('3389');
    expect(
      nsgInboundExposures(nsg([r('list', { priority: 100, sourceAddressPrefixes: ['10.0.0.0/8', 'Internet'], destinationPortRanges: ['22', '443'] })]), mgmt)?.[0]?.exposedPorts,
    ).toBe('22');
  });
  it('a higher-priority deny shadows the allow; a lower-priority deny does not', () => {
    const allow = r('allow', { priority: 200, sourceAddressPrefix: '*', destinationPortRange: '*' });
    expect(nsgInboundExposures(nsg([r('deny', { priority: 100, access: 'Deny', sourceAddressPrefix: 'Internet', destinationPortRanges: ['22', '3389'] }), allow]), mgmt)).toEqual([]);
    expect(nsgInboundExposures(nsg([r('deny', { priority: 300, access: 'Deny', sourceAddressPrefix: '*', destinationPortRange: '*' }), allow]), mgmt)).toHaveLength(1);
  });
  it('ignores outbound rules, specific sources and other protocols', () => {
    expect(nsgInboundExposures(nsg([r('out', { priority: 100, direction: 'Outbound', sourceAddressPrefix: '*', destinationPortRange: '22' })]), mgmt)).toEqual([]);
    expect(nsgInboundExposures(nsg([r('corp', { priority: 100, sourceAddressPrefix: '198.51.100.0/24', destinationPortRange: '3389' })]), mgmt)).toEqual([]);
    expect(nsgInboundExposures(nsg([r('udp', { priority: 100, protocol: 'Udp', sourceAddressPrefix: '*', destinationPortRange: '3389' })]), mgmt)).toEqual([]);
  });
  it('a TCP-only deny does not shadow an any-protocol allow for UDP', () => {
    const rules = [r('deny-tcp', { priority: 100, access: 'Deny', sourceAddressPrefix: '*', destinationPortRange: '*' }), r('allow-any', { priority: 200, protocol: '*', sourceAddressPrefix: '*', destinationPortRange: '500' })];
    expect(nsgInboundExposures(nsg(rules), { ports: 'any', protocol: 'udp' })?.[0]?.exposedPorts).toBe('500');
  });
  it('reads flattened rule shapes too', () => {
    expect(nsgInboundExposures({ securityRules: [{ name: 'flat', protocol: 'Tcp', direction: 'Inbound', access: 'Allow', priority: 100, sourceAddressPrefix: 'Any', destinationPortRange: '22' }] }, mgmt)).toHaveLength(1);
  });
});
