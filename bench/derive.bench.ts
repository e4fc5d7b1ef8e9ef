/**
 * Benchmarks risk derivation (`deriveRisks`), the step `demarc assess` and the app's register
 * refresh run after the checks:
 * (1) a synthetic pack of 500 risk templates (the bundled templates cloned) x 5,000 failing
 *     findings plus as many passing ones, every question answered with its weakest choice;
 * (2) the bundled pack over a generated estate (`estate-generator.ts`): `runChecks`, the
 *     resources' environments (`environmentsOf`) and `deriveRisks`, i.e. the work of
 *     `demarc assess` after parsing.
 * Run: npx tsx bench/derive.bench.ts [findings=5000] [templates=500] [estateRows=20000]
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultPackDir, readPackFiles } from '../node/read-pack-files';
import { runChecks, type Finding } from '../core/checks/run-checks';
import { loadPack } from '../core/content/loader';
import type { ContentPack } from '../core/content/types';
import { normaliseRows, serviceModelLookup } from '../core/inventory/normalise';
import type { Answers } from '../core/interview/answers';
import { deriveRisks } from '../core/risks/derive';
import { environmentsOf, type EnvironmentEvidence } from '../core/risks/environment';
import { generateEstate, templateRows } from './estate-generator';

const findingCount = Number(process.argv[2] ?? 5_000);
const templateCount = Number(process.argv[3] ?? 500);
const estateRows = Number(process.argv[4] ?? 20_000);

const { pack } = loadPack(readPackFiles(defaultPackDir));

/** Best wall time and best CPU time (user + system) of `runs` runs after a warm-up: the shared machine is noisy, CPU time less so. */
function best(label: string, runs: number, fn: () => unknown): number {
  fn(); // warm-up
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall = Math.min(wall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  console.log(`${label.padEnd(64)} ${wall.toFixed(1).padStart(8)} ms wall ${cpu.toFixed(1).padStart(8)} ms CPU (best of ${runs})`);
  return wall;
}

/** Every question answered with its lowest-scoring choice (the most risks raised). */
function weakestAnswers(p: ContentPack): Answers {
  const answers: Answers = {};
  for (const q of p.questions.values()) {
    const weakest = [...q.choices].filter((c) => c.result !== 'not-applicable').sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
    if (weakest) answers[q.id] = { choices: [weakest.id] };
  }
  // scope answers that keep every domain visible
  answers['SCOPE-MODELS'] = { choices: ['iaas', 'paas', 'saas'].filter((m) => p.questions.get('SCOPE-MODELS')?.choices.some((c) => c.id === m)) };
  return answers;
}

/** The bundled pack with its templates and checks cloned up to `templates` templates (one check each). */
function widenedPack(base: ContentPack, templates: number): ContentPack {
  const baseTemplates = [...base.riskTemplates.values()];
  const riskTemplates = new Map(base.riskTemplates);
  const checks = [...base.checks];
  for (let i = 0; riskTemplates.size < templates; i++) {
    const t = baseTemplates[i % baseTemplates.length]!;
    const c = base.checks[i % base.checks.length]!;
    const id = `RT-BENCH-${i}`;
    riskTemplates.set(id, { ...t, id });
    checks.push({ ...c, id: `BENCH-${i}`, risk: id });
  }
  return { ...base, riskTemplates, checks };
}

function syntheticFindings(p: ContentPack, count: number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const check = p.checks[i % p.checks.length]!;
    const sub = `sub-${i % 50}`;
    for (const status of ['fail', 'pass'] as const) {
      const resourceId = `/subscriptions/${sub}/resourceGroups/rg-${i % 97}/providers/microsoft.storage/storageaccounts/${status}${i}`;
      out.push({
        checkId: check.id,
        title: check.title,
        resourceId,
        resourceName: `${status}${i}`,
        resourceType: 'microsoft.storage/storageaccounts',
        subscriptionId: sub,
        status,
        severity: check.severity,
        owner: 'customer',
        responsibilityArea: check.area,
        serviceModel: 'paas',
        evidence: {},
      });
    }
  }
  return out;
}

console.log(`node ${process.version}; bundled pack: ${pack.riskTemplates.size} templates, ${pack.checks.length} checks, ${pack.questions.size} questions`);

const wide = widenedPack(pack, templateCount);
const answers = weakestAnswers(wide);
const findings = syntheticFindings(wide, findingCount);
let raised = 0;
best(`deriveRisks: ${wide.riskTemplates.size} templates x ${findingCount.toLocaleString('en-GB')} failing findings`, 30, () => {
  raised = deriveRisks({ pack: wide, answers, findings }).length;
});
console.log(`  risks raised: ${raised}`);

const matrix = pack.matrices.get(pack.header.defaultMatrix)!;
const resources = normaliseRows(generateEstate(templateRows(join(defaultPackDir, 'checks/fixtures')), estateRows), serviceModelLookup(pack.serviceModels));
const bundledAnswers = weakestAnswers(pack);
let estateFindings: Finding[] = [];
best(`runChecks: ${estateRows.toLocaleString('en-GB')} resources`, 5, () => {
  estateFindings = runChecks(resources, pack.checks, { matrix });
});
const fails = estateFindings.filter((f) => f.status === 'fail').length;
// production / non-production of every resource (tags, subscription names), as `demarc assess` does
const rules = pack.ratingFactors!.impact.nonProduction;
let environments: ReadonlyMap<string, EnvironmentEvidence> = new Map();
best(`environmentsOf: ${estateRows.toLocaleString('en-GB')} rows`, 10, () => (environments = environmentsOf(resources.map((r) => r.raw), rules)));
best(`deriveRisks: bundled pack, ${fails.toLocaleString('en-GB')} failing of ${estateFindings.length.toLocaleString('en-GB')} findings`, 30, () => {
  raised = deriveRisks({ pack, answers: bundledAnswers, findings: estateFindings, environments }).length;
});
console.log(`  risks raised: ${raised}`);
