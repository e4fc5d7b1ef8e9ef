import { describe, expect, it } from 'vitest';
import { estateCommitments } from '../../../../core/commitments/estate';
import { normaliseRows } from '../../../../core/inventory/normalise';
import { AVAILABILITY_GAP_TEMPLATE, availabilityGaps } from '../../../../core/risks/availability-gaps';
import { deriveRisks } from '../../../../core/risks/derive';
import { loadTestPack } from '../pack-helper';

const pack = loadTestPack();
const data = pack.commitments!;
const SUB = '/subscriptions/00000000-1111-2222-3333-444444444444';
const vm = `${SUB}/resourceGroups/rg-lims/providers/Microsoft.Compute/virtualMachines/vm-lims`;
const aks = `${SUB}/resourceGroups/rg-k/providers/Microsoft.ContainerService/managedClusters/k`;
const resources = normaliseRows(
  [
    { id: vm, type: 'microsoft.compute/virtualmachines', location: 'westeurope', properties: { storageProfile: { osDisk: { managedDisk: { storageAccountType: 'StandardSSD_LRS' } } } } },
    { id: aks, type: 'microsoft.containerservice/managedclusters', location: 'westeurope', sku: { tier: 'Free' } },
  ],
  (type) => (type.includes('compute') ? 'iaas' : 'paas'),
);

const lims = { id: 'svc-lims', name: 'LIMS', resourceIds: [vm], resourceGroups: [], toleratedDowntimeMinutesPerMonth: 60 };
const gapsOf = (services: Parameters<typeof estateCommitments>[0]['services']) =>
  availabilityGaps(estateCommitments({ data, resources, services }).workloads, resources);

describe('a tolerance gap raises the customer-owned availability-gap risk', () => {
  it('lists each workload with a gap, its figures, tolerance and fixes', () => {
    const gaps = gapsOf([lims, { id: 'svc-k', name: 'Kubernetes apps', resourceIds: [aks], resourceGroups: [], criticality: 'low' }]);
    expect(gaps.map((g) => [g.workloadName, g.cause, g.composite, g.downtimeMinutesPerMonth, g.toleranceMinutes])).toEqual([
      ['Kubernetes apps', 'no-sla', null, null, 2880],
      ['LIMS', 'exceeds', 99.5, 216, 60], // Standard SSD single VM: 99.5 % allows 216 min a month
    ]);
    const risk = deriveRisks({ pack, answers: {}, findings: [], availabilityGaps: gaps }).find((r) => r.templateId === AVAILABILITY_GAP_TEMPLATE)!;
    expect(risk.owner).toBe('customer');
    expect(risk.action).toBe('remediate');
    expect(risk.evidenceStatus).toBe('verified');
    expect(risk.serviceModels).toEqual(['iaas', 'paas']);
    expect(risk.evidence.affectedResources).toEqual([aks, vm].sort());
    expect(risk.evidence.subscriptions).toEqual(['00000000-1111-2222-3333-444444444444']);
    expect(risk.evidenceNotes).toHaveLength(2);
    expect(risk.evidenceNotes![1]).toContain('Workload "LIMS" (Defined by the consultant): composite SLA 99.5 %, up to 216 min of downtime a month');
    expect(risk.evidenceNotes![1]).toContain('against a tolerance of 60 min a month (Tolerated downtime entered for the service: 60 min a month)');
    expect(risk.evidenceNotes![1]).toMatch(/Fixes: vm-lims: .+ \((tier upgrade|more instances)\)/);
  });

  it('raises nothing for a workload within its tolerance', () => {
    const gaps = gapsOf([{ ...lims, toleratedDowntimeMinutesPerMonth: 300 }]);
    expect(gaps).toEqual([]);
    expect(deriveRisks({ pack, answers: {}, findings: [], availabilityGaps: gaps }).some((r) => r.templateId === AVAILABILITY_GAP_TEMPLATE)).toBe(false);
  });

  it('is deterministic and keeps its id when re-derived with the workloads changed', () => {
    const first = deriveRisks({ pack, answers: {}, findings: [], availabilityGaps: gapsOf([lims]) });
    const again = deriveRisks({ pack, answers: {}, findings: [], availabilityGaps: gapsOf([lims]) });
    expect(again).toEqual(first);
    const id = first.find((r) => r.templateId === AVAILABILITY_GAP_TEMPLATE)!.id;
    const renamed = [{ ...lims, name: 'Lab system' }, { id: 'svc-k', name: 'AKS', resourceIds: [aks], resourceGroups: [] }];
    const later = deriveRisks({ pack, answers: { 'SCOPE-CRITICALITY': { choices: ['high'] } }, findings: [], availabilityGaps: gapsOf(renamed), previous: first });
    expect(later.find((r) => r.templateId === AVAILABILITY_GAP_TEMPLATE)!.id).toBe(id);
  });
});
