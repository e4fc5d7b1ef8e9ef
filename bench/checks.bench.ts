/**
 * Benchmarks: (1) parsing + normalising 100,000 Resource Graph rows vs a bare JSON.parse of
 * the same bytes; (2) 100,000 resources x all checks of the bundled pack.
 * Run: npx tsx bench/checks.bench.ts [count]
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { defaultPackDir, readPackFiles } from '../node/read-pack-files';
import { compileChecks, runChecks } from '../core/checks/run-checks';
import { loadPack } from '../core/content/loader';
import { normaliseRows, readInventory, serviceModelLookup } from '../core/inventory/normalise';
import { generateEstate, templateRows } from './estate-generator';

const count = Number(process.argv[2] ?? 100_000);
const { pack, errors } = loadPack(readPackFiles(defaultPackDir));
if (errors.length > 0) console.warn(`note: the pack has ${errors.length} content error(s); the checks themselves loaded: ${pack.checks.length}`);
const matrix = pack.matrices.get(pack.header.defaultMatrix)!;
const lookup = serviceModelLookup(pack.serviceModels);

const rows = generateEstate(templateRows(join(defaultPackDir, 'checks/fixtures')), count);
const text = JSON.stringify(rows);
const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);

function best(label: string, runs: number, fn: () => unknown): number {
  fn(); // warm-up
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  console.log(`${label.padEnd(48)} ${min.toFixed(0).padStart(6)} ms (best of ${runs})`);
  return min;
}

console.log(`estate: ${count.toLocaleString('en-GB')} rows, ${mb} MiB JSON, ${pack.checks.length} checks, node ${process.version}`);
const bare = best('JSON.parse (bare)', 5, () => JSON.parse(text));
const parse = best('parseInventory + normalise (readInventory)', 5, () => readInventory(text, lookup));
console.log(`ratio parse+normalise / bare JSON.parse: ${(parse / bare).toFixed(2)}x`);

const resources = normaliseRows(rows, lookup);
const compiled = compileChecks(pack.checks);
let findings = 0;
const checks = best(`${count.toLocaleString('en-GB')} resources x ${pack.checks.length} checks (runChecks)`, 5, () => {
  findings = runChecks(resources, compiled, { matrix }).length;
});
console.log(`findings produced: ${findings.toLocaleString('en-GB')}; ${((findings / checks) * 1000).toFixed(0)} findings/s`);
