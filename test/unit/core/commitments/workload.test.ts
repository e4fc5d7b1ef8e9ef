import { describe, expect, it } from 'vitest';
import { loadCommitments } from '../../../../core/commitments/load';
import { resourceCommitments } from '../../../../core/commitments/resource-commitments';
import { evaluateWorkload, suggestWorkloads, toleranceFor } from '../../../../core/commitments/workload';
import { normaliseRows } from '../../../../core/inventory/normalise';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';

const { commitments: data } = loadCommitments(readPackFiles(defaultPackDir));
const table = data!.sla;
const SUB = '/subscriptions/00000000-1111-2222-3333-444444444444';

function rows() {
  const premium = { osDisk: { managedDisk: { storageAccountType: 'Premium_LRS' } } };
  return [
    { id: `${SUB}/resourceGroups/rg-lims/providers/Microsoft.Compute/virtualMachines/vm-lims`, type: 'microsoft.compute/virtualmachines', location: 'westeurope', tags: { Workload: 'LIMS' }, properties: { storageProfile: premium } },
    { id: `${SUB}/resourceGroups/rg-lims-data/providers/Microsoft.Sql/servers/s/databases/limsdb`, type: 'microsoft.sql/servers/databases', location: 'westeurope', tags: { workload: 'LIMS' }, sku: { tier: 'GeneralPurpose' }, properties: { zoneRedundant: false } },
    { id: `${SUB}/resourceGroups/rg-web/providers/Microsoft.Network/loadBalancers/lb`, type: 'microsoft.network/loadbalancers', location: 'westeurope', sku: { name: 'Standard' } },
    { id: `${SUB}/resourceGroups/rg-web/providers/Microsoft.Network/networkSecurityGroups/nsg`, type: 'microsoft.network/networksecuritygroups', location: 'westeurope' },
  ];
}
const resources = normaliseRows(rows(), () => 'iaas');
const commitments = resourceCommitments(resources, table);

describe('workloads', () => {
  it('suggests workloads from workload tags first, then resource groups, leaving out resources without an SLA', () => {
    const suggested = suggestWorkloads(resources, commitments);
    expect(suggested.map((w) => [w.name, w.basis, w.resourceIds.length])).toEqual([
      ['LIMS', 'Suggested from the tag Workload=LIMS', 2],
      ['rg-web', 'Suggested from the resource group rg-web', 1],
    ]);
  });

  it("compares the composite with the tolerance read from the client's criticality, and lists the fixes", () => {
    const lims = suggestWorkloads(resources, commitments)[0]!;
    const tolerance = toleranceFor(data!.tolerance, 'high');
    const result = evaluateWorkload(lims, commitments, table, tolerance);
    expect(result.composite.sla).toBeCloseTo(99.890010, 5); // 99.9 % × 99.99 %
    expect(result.composite.downtimeMinutesPerMonth).toBeCloseTo(47.5, 1);
    expect(result.verdict).toBe('within-tolerance'); // under the 60 minutes "high" allows
    expect(evaluateWorkload(lims, commitments, table, toleranceFor(data!.tolerance, 'critical')).verdict).toBe('gap');
    expect(result.fixes.map((f) => [f.resourceId.split('/').pop(), f.toTier, f.priceClass])).toEqual([
      ['vm-lims', 'vm-zones', 'more-instances'],
      ['limsdb', 'sql-zone-redundant', 'tier-upgrade'],
    ]);
    expect(result.compositeAfterFixes).toBeCloseTo(99.985, 3); // 99.99 % × 99.995 %
  });

  it("the consultant's RTO replaces the reading of the scoping answer", () => {
    expect(toleranceFor(data!.tolerance, 'low', 30)).toEqual({ maxDowntimeMinutesPerMonth: 30, basis: 'Recovery time objective entered by the consultant: 30 min' });
    expect(toleranceFor(data!.tolerance, undefined)).toBeUndefined();
  });

  it('a workload whose composite cannot be known is a gap, not a pass', () => {
    const aks = normaliseRows([{ id: `${SUB}/resourceGroups/rg-k/providers/Microsoft.ContainerService/managedClusters/k`, type: 'microsoft.containerservice/managedclusters', sku: { tier: 'Free' } }], () => 'paas');
    const c = resourceCommitments(aks, table);
    const w = suggestWorkloads(aks, c)[0]!;
    expect(evaluateWorkload(w, c, table, toleranceFor(data!.tolerance, 'low')).verdict).toBe('gap');
  });
});
