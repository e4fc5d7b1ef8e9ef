import { describe, expect, it } from 'vitest';
import type { BusinessService } from '../../../../core/bundle/schema';
import { estateCommitments } from '../../../../core/commitments/estate';
import { loadCommitments } from '../../../../core/commitments/load';
import { serviceTolerance } from '../../../../core/commitments/workload';
import { normaliseRows } from '../../../../core/inventory/normalise';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';

const data = loadCommitments(readPackFiles(defaultPackDir)).commitments!;
const SUB = '/subscriptions/00000000-1111-2222-3333-444444444444';
const vm = `${SUB}/resourceGroups/rg-lims/providers/Microsoft.Compute/virtualMachines/vm-lims`;
const db = `${SUB}/resourceGroups/rg-lims-data/providers/Microsoft.Sql/servers/s/databases/limsdb`;
const lb = `${SUB}/resourceGroups/rg-web/providers/Microsoft.Network/loadBalancers/lb`;

const resources = normaliseRows(
  [
    { id: vm, type: 'microsoft.compute/virtualmachines', location: 'westeurope', tags: { workload: 'LIMS' }, properties: { storageProfile: { osDisk: { managedDisk: { storageAccountType: 'Premium_LRS' } } } } },
    { id: db, type: 'microsoft.sql/servers/databases', location: 'westeurope', sku: { tier: 'GeneralPurpose' }, properties: { zoneRedundant: false } },
    { id: lb, type: 'microsoft.network/loadbalancers', location: 'westeurope', sku: { name: 'Standard' } },
  ],
  () => 'iaas',
);

const service = (over: Partial<BusinessService>): BusinessService => ({ id: 'svc-lims', name: 'LIMS', resourceIds: [], resourceGroups: [], ...over });

describe('tolerance basis of a business service', () => {
  const table = data.tolerance;
  it("takes the service's tolerated downtime first, even zero", () => {
    const t = serviceTolerance(table, { toleratedDowntimeMinutesPerMonth: 0, rtoMinutes: 240, criticality: 'low' }, 'low');
    expect(t).toMatchObject({ kind: 'service-downtime', maxDowntimeMinutesPerMonth: 0 });
  });
  it('then its RTO, read as one outage at the limit a month', () => {
    expect(serviceTolerance(table, { rtoMinutes: 240, criticality: 'critical' }, 'low')).toMatchObject({ kind: 'service-rto', maxDowntimeMinutesPerMonth: 240 });
  });
  it('then its criticality through the tolerance table, then the scoping answer', () => {
    expect(serviceTolerance(table, { criticality: 'critical' }, 'low')).toMatchObject({ kind: 'service-criticality', maxDowntimeMinutesPerMonth: 5 });
    expect(serviceTolerance(table, {}, 'medium')).toMatchObject({ kind: 'scope-criticality', maxDowntimeMinutesPerMonth: 480 });
    expect(serviceTolerance(table, undefined, 'high')).toMatchObject({ kind: 'scope-criticality', maxDowntimeMinutesPerMonth: 60 });
    expect(serviceTolerance(table, { rtoMinutes: 0 }, undefined)).toBeUndefined();
  });
});

describe('workloads from the stored business services', () => {
  it('uses the services (members by id and by resource group) and falls back to suggestions when none is stored', () => {
    const stored = estateCommitments({
      data,
      resources,
      services: [service({ resourceIds: [vm.toUpperCase()], resourceGroups: [`${SUB.split('/')[2]}/RG-LIMS-DATA`], toleratedDowntimeMinutesPerMonth: 30 })],
      scopeCriticality: 'low',
    });
    expect(stored.workloadSource).toBe('business-services');
    const [lims] = stored.workloads;
    expect(lims!.workload).toMatchObject({ name: 'LIMS', basis: 'Defined by the consultant', origin: 'consultant' });
    expect(lims!.commitments.map((c) => c.resourceName).sort()).toEqual(['limsdb', 'vm-lims']);
    expect(lims!.tolerance).toMatchObject({ kind: 'service-downtime', maxDowntimeMinutesPerMonth: 30 });
    expect(lims!.verdict).toBe('gap'); // 99.9 % x 99.99 % allows 47.5 min a month

    const suggested = estateCommitments({ data, resources, services: [], scopeCriticality: 'high' });
    expect(suggested.workloadSource).toBe('suggested');
    expect(suggested.workloads.map((w) => [w.workload.name, w.workload.origin, w.tolerance?.kind])).toEqual([
      ['LIMS', 'suggested', 'scope-criticality'],
      ['rg-lims-data', 'suggested', 'scope-criticality'],
      ['rg-web', 'suggested', 'scope-criticality'],
    ]);
    // what accepting a suggestion stores: the tagged resources, or the whole resource group
    expect(suggested.suggestions[0]!.accept).toEqual({ basis: 'tag workload=LIMS', resourceIds: [vm], resourceGroups: [] });
    expect(suggested.suggestions[1]!.accept).toMatchObject({ basis: 'resource group rg-lims-data', resourceIds: [], resourceGroups: ['00000000-1111-2222-3333-444444444444/rg-lims-data'] });
  });

  it('names an accepted suggestion as such', () => {
    const e = estateCommitments({ data, resources, services: [service({ resourceIds: [vm], basis: 'tag workload=LIMS' })] });
    expect(e.workloads[0]!.workload.basis).toBe('Suggested from the tag workload=LIMS, kept by the consultant');
  });
});
