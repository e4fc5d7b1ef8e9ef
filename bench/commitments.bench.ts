/**
 * Benchmarks the provider-commitments computation (`estateCommitments`: classify every resource,
 * suggest workloads, compose each against its tolerance) and the availability gaps the register
 * derives from it, over a generated estate (`estate-generator.ts`), with no business services
 * (the suggestions: one workload per resource group) and with 50 services of 2 resource groups
 * each. This is the work the commitments worker does after reading the snapshot, and the work
 * the register refresh adds.
 * Run: npx tsx bench/commitments.bench.ts [rows=20000]
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BusinessService } from '../core/bundle/schema';
import { resourceGroupKey } from '../core/bundle/business-services';
import { estateCommitments } from '../core/commitments/estate';
import { resourceCommitments } from '../core/commitments/resource-commitments';
import { suggestWorkloads } from '../core/commitments/workload';
import { loadPack } from '../core/content/loader';
import { normaliseRows, serviceModelLookup } from '../core/inventory/normalise';
import { estateAvailabilityGaps } from '../core/risks/availability-gaps';
import { defaultPackDir, readPackFiles } from '../node/read-pack-files';
import { generateEstate, templateRows } from './estate-generator';

const rows = Number(process.argv[2] ?? 20_000);
const { pack } = loadPack(readPackFiles(defaultPackDir));
const data = pack.commitments!;

function best(label: string, runs: number, fn: () => unknown): void {
  fn();
  let wall = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    wall = Math.min(wall, performance.now() - t0);
  }
  console.log(`${label.padEnd(60)} ${wall.toFixed(1).padStart(8)} ms (best of ${runs})`);
}

// Graph checks' fixtures are tenant settings, not Resource Graph rows: only rows with a type
const templates = templateRows(join(defaultPackDir, 'checks', 'fixtures')).filter((r) => typeof r.type === 'string' && r.type !== '');
const estate = generateEstate(templates, rows);
const resources = normaliseRows(estate, serviceModelLookup(pack.serviceModels));
const groups = [...new Set(resources.map((r) => resourceGroupKey(r.subscriptionId, r.resourceGroup)))];
const services: BusinessService[] = Array.from({ length: 50 }, (_, i) => ({
  id: `svc-${i}`,
  name: `Service ${i}`,
  resourceIds: [],
  resourceGroups: [groups[(2 * i) % groups.length]!, groups[(2 * i + 1) % groups.length]!],
  criticality: 'high',
}));
const committed = estateCommitments({ data, resources }).commitments.length;
console.log(`${resources.length} resources, ${committed} with an SLA of their own, ${groups.length} resource groups`);
best('normalise rows', 5, () => normaliseRows(estate, serviceModelLookup(pack.serviceModels)));
best('estateCommitments, suggestions, SCOPE-CRITICALITY high', 5, () => estateCommitments({ data, resources, scopeCriticality: 'high' }));
best('estateCommitments, 50 business services', 5, () => estateCommitments({ data, resources, services, scopeCriticality: 'high' }));
best('estateAvailabilityGaps, 50 business services', 5, () => estateAvailabilityGaps(pack, resources, services, { 'SCOPE-CRITICALITY': { choices: ['high'] } }));
best('resourceCommitments only', 3, () => resourceCommitments(resources, data.sla));
const cs = resourceCommitments(resources, data.sla);
best('suggestWorkloads only', 3, () => suggestWorkloads(resources, cs));
