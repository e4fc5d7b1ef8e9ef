import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(r.stderr).toContain('--inventory FILE is required');
  });
});

describe('demarc sla --workloads', () => {
  it('groups resources into suggested workloads and compares each with the tolerance', async () => {
    const r = await cli(['sla', '--inventory', 'second.json', '--workloads', '--criticality', 'high', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.workloads).toHaveLength(1);
    expect(out.workloads[0]).toMatchObject({ workload: { name: 'rg-web' }, verdict: 'within-tolerance', tolerance: { maxDowntimeMinutesPerMonth: 60 } });
    const tight = await cli(['sla', '--inventory', 'second.json', '--workloads', '--rto', '1']);
    expect(tight.stdout).toMatch(/rg-web \(Resource group rg-web; 2 resource\(s\)\): 99\.980001 %.* against 1 min tolerated .*: GAP/);
  });

  it('refuses an unknown criticality or a bad RTO', async () => {
    expect((await cli(['sla', '--inventory', 'second.json', '--criticality', 'extreme'])).stderr).toContain('--criticality must be one of low, medium, high, critical');
    expect((await cli(['sla', '--inventory', 'second.json', '--rto', '-5'])).code).toBe(2);
  });
});
