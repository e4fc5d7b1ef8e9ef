import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../node/read-pack-files';
import { runMain } from './run-main';

let dir: string;
const estate = join(repoRoot, 'test/fixtures/estates/mixed-estate.json');
const vm = '/subscriptions/9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f6a/resourceGroups/myResourceGroup/providers/Microsoft.Compute/virtualMachines/vm-win-manual';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarc-assess-services-'));
  writeFileSync(join(dir, 'services.json'), JSON.stringify([{ id: 'svc-desk', name: 'Order desk', resourceIds: [vm], resourceGroups: [], toleratedDowntimeMinutesPerMonth: 10 }]));
  writeFileSync(join(dir, 'twice.json'), JSON.stringify([{ id: 'a', name: 'A', resourceIds: [], resourceGroups: [] }, { id: 'a', name: 'B', resourceIds: [], resourceGroups: [] }]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runMain(args, dir);
const gapRisk = (file: string) => {
  const bundle = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return { bundle, risk: bundle.risks.find((r: { templateId: string }) => r.templateId === 'RT-SLA-AVAILABILITY-GAP') };
};

describe('demarc assess --business-services', () => {
  it("stores the services in the bundle and raises the customer-owned gap risk for each workload short of its tolerance, the same way each run", async () => {
    expect((await cli(['assess', '--inventory', estate, '--business-services', 'services.json', '-o', 'one.demarc.json'])).code).toBe(0);
    expect((await cli(['assess', '--inventory', estate, '--business-services', 'services.json', '-o', 'two.demarc.json'])).code).toBe(0);
    const one = gapRisk('one.demarc.json');
    expect(one.bundle.businessServices).toEqual([expect.objectContaining({ id: 'svc-desk', name: 'Order desk' })]);
    expect(one.risk).toMatchObject({ owner: 'customer', evidenceStatus: 'verified', evidence: { affectedResources: [vm] } });
    expect(one.risk.evidenceNotes.join('\n')).toMatch(/Workload "Order desk" \(Defined by the consultant\): composite SLA 95 %, up to 2,160 min of downtime a month, against a tolerance of 10 min a month/);
    expect(gapRisk('two.demarc.json').risk).toEqual(one.risk);
  });

  it('without services or a tolerance raises no gap; a bad services file is refused with its path', async () => {
    expect((await cli(['assess', '--inventory', estate, '-o', 'none.demarc.json'])).code).toBe(0);
    expect(gapRisk('none.demarc.json').risk).toBeUndefined();
    const twice = await cli(['assess', '--inventory', estate, '--business-services', 'twice.json', '-o', 'x.json']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('twice.json: (root): business service ids must be unique');
  });
});
