import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './run-main';
import { repoRoot } from '../../../node/read-pack-files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarc-sla-'));
  const sub = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-web';
  writeFileSync(
    join(dir, 'second.json'),
    JSON.stringify([
      { id: `${sub}/providers/Microsoft.Network/loadBalancers/lb-web`, name: 'lb-web', type: 'microsoft.network/loadbalancers', location: 'westeurope', sku: { name: 'Standard' } },
      { id: `${sub}/providers/Microsoft.Network/azureFirewalls/fw-hub`, name: 'fw-hub', type: 'microsoft.network/azurefirewalls', location: 'westeurope', zones: ['1', '2', '3'] },
    ]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runMain(args, dir);

describe('demarc sla', () => {
  it('prints each resource with its figure, basis and source, and the composite, from several inventories', async () => {
    const r = await cli(['sla', '--inventory', join(repoRoot, 'test/fixtures/estates/mixed-estate.json'), '--inventory', 'second.json', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const lb = out.resources.find((x: { resourceId: string }) => x.resourceId.endsWith('/lb-web'));
    expect(lb).toMatchObject({ service: 'load-balancer', sla: 99.99, status: 'committed', source: { id: 'SLA-2609' } });
    expect(lb.basis).toContain('Standard SKU');
    const aks = out.resources.filter((x: { service: string }) => x.service === 'aks');
    expect(aks.length).toBeGreaterThan(0);
    for (const x of out.resources) expect(x.sla === null || typeof x.sla === 'number').toBe(true);
    expect(out.composite.sla).toBeNull();
    expect(out.composite.missing.length).toBeGreaterThan(0);
  });

  it('a set with every figure known composes to a number', async () => {
    const r = await cli(['sla', '--inventory', 'second.json', '--json']);
    expect(JSON.parse(r.stdout).composite).toMatchObject({ sla: 99.980001, resources: 2 });
    const text = await cli(['sla', '--inventory', 'second.json']);
    expect(text.stdout).toMatch(/Composite of all 2 resources in series: 99\.980001 %/);
  });

  it('requires an inventory', async () => {
    const r = await cli(['sla']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give either --inventory FILE or --bundle FILE');
  });
});

describe('demarc sla --workloads', () => {
  it('groups resources into suggested workloads and compares each with the tolerance', async () => {
    const r = await cli(['sla', '--inventory', 'second.json', '--workloads', '--criticality', 'high', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.workloads).toHaveLength(1);
    expect(out.workloads[0]).toMatchObject({ workload: { name: 'rg-web' }, verdict: 'within-tolerance', tolerance: { maxDowntimeMinutesPerMonth: 60 } });
    const tight = await cli(['sla', '--inventory', 'second.json', '--workloads', '--rto', '1']);
    expect(tight.stdout).toMatch(/rg-web \(Suggested from the resource group rg-web; 2 resource\(s\)\): 99\.980001 %.* against 1 min tolerated .*: GAP/);
  });

  it('refuses an unknown criticality or a bad RTO', async () => {
    expect((await cli(['sla', '--inventory', 'second.json', '--criticality', 'extreme'])).stderr).toContain('--criticality must be one of low, medium, high, critical');
    expect((await cli(['sla', '--inventory', 'second.json', '--rto', '-5'])).code).toBe(2);
  });
});

describe('demarc sla --bundle', () => {
  const demo = JSON.parse(readFileSync(join(repoRoot, 'assessments/demo/contoso-demo.demarc.json'), 'utf8'));
  const vm = demo.inventory.resources.find((r: { row: { type: string } }) => r.row.type === 'microsoft.compute/virtualmachines').row;
  const write = (name: string, businessServices: unknown) => writeFileSync(join(dir, name), JSON.stringify({ ...demo, businessServices }));

  it("uses the bundle's business services, each with its own tolerance", async () => {
    write('services.demarc.json', [
      { id: 'svc-a', name: 'Order desk', resourceIds: [vm.id], resourceGroups: [], toleratedDowntimeMinutesPerMonth: 0.5, basis: 'consultant' },
      { id: 'svc-b', name: 'Everything in its group', resourceIds: [], resourceGroups: [`${vm.subscriptionId}/${vm.resourceGroup}`], criticality: 'low' },
    ]);
    const r = await cli(['sla', '--bundle', 'services.demarc.json', '--workloads', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.workloadSource).toBe('business-services');
    expect(out.workloads.map((w: { workload: { name: string; basis: string }; tolerance: { kind: string } }) => [w.workload.name, w.workload.basis, w.tolerance.kind])).toEqual([
      ['Order desk', 'Defined by the consultant', 'service-downtime'],
      ['Everything in its group', 'Defined by the consultant', 'service-criticality'],
    ]);
    expect(out.workloads[0].verdict).toBe('gap'); // no VM commitment allows half a minute a month
    const text = await cli(['sla', '--bundle', 'services.demarc.json', '--workloads']);
    expect(text.stdout).toContain("Workloads (the bundle's business services):");
  });

  it('falls back to the suggestions when the bundle has no business services, and refuses a broken bundle', async () => {
    write('none.demarc.json', undefined);
    const out = JSON.parse((await cli(['sla', '--bundle', 'none.demarc.json', '--workloads', '--json'])).stdout);
    expect(out.workloadSource).toBe('suggested');
    expect(out.workloads.length).toBeGreaterThan(0);
    write('broken.demarc.json', [{ id: 'x', name: '', resourceIds: [], resourceGroups: [] }]);
    const broken = await cli(['sla', '--bundle', 'broken.demarc.json']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('businessServices[0].name: Too small');
    expect((await cli(['sla', '--bundle', 'none.demarc.json', '--rto', '5'])).code).toBe(2);
  });
});
