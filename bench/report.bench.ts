/**
 * Report build time: the demo assessment and a large one (500 risks, 5,000 findings), from
 * the bundle to .docx bytes (model + render + pack), plus the structural lint.
 * Run: `npx tsx bench/report.bench.ts [rounds=3]`. Figures go in bench/README.md.
 */
import { buildReport } from '../core/report/build';
import { lintDocx } from '../core/report/docx-lint';
import { largeBundle, loadDemo } from '../test/unit/core/report/helpers';

const rounds = Number(process.argv[2] ?? 3);
const { bundle, pack, template } = loadDemo();
const cases = { 'demo (121 risks, 286 findings)': bundle, 'large (500 risks, 5,000 findings)': largeBundle(bundle, 500, 5000) };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log('| report | build ms (median) | lint ms | .docx KB |');
console.log('| --- | --- | --- | --- |');
for (const [name, b] of Object.entries(cases)) {
  const times: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    bytes = (await buildReport({ bundle: b, pack, template })).report;
    times.push(performance.now() - t);
  }
  const t = performance.now();
  const problems = await lintDocx(bytes);
  const lint = performance.now() - t;
  if (problems.length > 0) throw new Error(`${name}: lint problems ${JSON.stringify(problems.slice(0, 3))}`);
  console.log(`| ${name} | ${Math.round(median(times))} | ${Math.round(lint)} | ${Math.round(bytes.length / 1024)} |`);
}
