/**
 * Report build time: the demo assessment and a large one (500 risks, 5,000 findings), from
 * the bundle to .docx bytes (model + render + pack), plus the structural lint that runs before
 * every write. Wall time and this process's CPU time (user + system) are both printed: on a
 * shared machine the CPU time is the steadier figure.
 * Run: `npx tsx bench/report.bench.ts [rounds=3]`. Figures go in bench/README.md.
 */
import { buildReport } from '../core/report/build';
import { lintDocx } from '../core/report/docx-lint';
import { largeBundle, loadDemo } from '../test/unit/core/report/helpers';

const rounds = Number(process.argv[2] ?? 3);
const { bundle, pack, template } = loadDemo();
const cases = { 'demo (120 risks, 286 findings)': bundle, 'large (500 risks, 5,000 findings)': largeBundle(bundle, 500, 5000) };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU milliseconds of `f`. */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c = cpuMs();
  const t = performance.now();
  const value = await f();
  return { value, wall: performance.now() - t, cpu: cpuMs() - c };
}

console.log('| report | build ms, wall / CPU (median) | lint ms, wall / CPU (median) | build + lint, wall (median) | .docx KB |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, b] of Object.entries(cases)) {
  const build: { wall: number; cpu: number }[] = [];
  const lint: { wall: number; cpu: number }[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < rounds; i++) {
    const built = await timed(() => buildReport({ bundle: b, pack, template }));
    bytes = built.value.report;
    build.push(built);
    const linted = await timed(() => lintDocx(bytes));
    if (linted.value.length > 0) throw new Error(`${name}: lint problems ${JSON.stringify(linted.value.slice(0, 3))}`);
    lint.push(linted);
  }
  const m = (xs: { wall: number; cpu: number }[], k: 'wall' | 'cpu'): number => Math.round(median(xs.map((x) => x[k])));
  const total = Math.round(median(build.map((x, i) => x.wall + lint[i]!.wall)));
  console.log(`| ${name} | ${m(build, 'wall')} / ${m(build, 'cpu')} | ${m(lint, 'wall')} / ${m(lint, 'cpu')} | ${total} | ${Math.round(bytes.length / 1024)} |`);
}
