import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../core/report/build';
import { modelContext } from '../../../../core/report/model-builders/context';
import { providerCommitments } from '../../../../core/report/model-builders/provider-commitments';
import { loadDemo } from './helpers';

/** The chapter's workloads are the client's business services when the bundle stores them. */
describe('report: workloads from the business services', () => {
  const { bundle, pack, template } = loadDemo();
  const gapRisk = bundle.risks.find((r) => r.templateId === 'RT-SLA-AVAILABILITY-GAP')!;

  it('names each service, how it was formed, its own tolerance, and links a gap to the availability-gap risk', () => {
    const vm = bundle.inventory.resources.find((r) => r.row.type === 'microsoft.compute/virtualmachines')!.row;
    const services = [
      { id: 'svc-1', name: 'Order desk', resourceIds: [String(vm.id)], resourceGroups: [], toleratedDowntimeMinutesPerMonth: 1, basis: 'consultant' },
      { id: 'svc-2', name: 'Archive', resourceIds: [String(vm.id)], resourceGroups: [], toleratedDowntimeMinutesPerMonth: 40_000, basis: 'tag workload=Archive' },
    ];
    const chapter = providerCommitments(modelContext({ ...bundle, businessServices: services }, pack, template, { date: '2026-12-01' }))!;
    expect(chapter.workloadSource).toBe('business-services');
    expect(chapter.workloads.map((w) => [w.name, w.basis.split(';')[0], w.verdict, w.riskIds])).toEqual([
      ['Order desk', 'Defined by the consultant', 'Gap', [gapRisk.id]],
      ['Archive', 'Suggested from the tag workload=Archive, kept by the consultant', 'Within tolerance', []],
    ]);
    expect(chapter.workloads[0]!.tolerance).toBe('1 min a month (Tolerated downtime entered for the service: 1 min a month)');
  });

  it('falls back to the suggestions, said as such, when the bundle has no services', async () => {
    const { businessServices: _none, ...bare } = bundle;
    const chapter = providerCommitments(modelContext(bare, pack, template, { date: '2026-12-01' }))!;
    expect(chapter.workloadSource).toBe('suggested');
    expect(chapter.workloads.every((w) => w.basis.startsWith('Suggested from the'))).toBe(true);
  });

  it('prints the tolerance and the risk id beside each workload', async () => {
    const built = await buildReport({ bundle, pack, template, options: { date: '2026-12-01' } });
    const lims = built.model.providerCommitments!.workloads.find((w) => w.name === 'LIMS')!;
    expect(lims).toMatchObject({ verdict: 'Gap', riskIds: [gapRisk.id] });
    expect(lims.tolerance).toContain('Recovery time objective of the service (240 min)');
  });
});
