import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './run-main';
import { repoRoot } from '../../../node/read-pack-files';
import { parseBundle } from '../../../core/bundle/schema';
import { testPackFiles } from '../core/pack-helper';

const run = promisify(execFile);
let dir: string;
let packDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarc-cli-'));
  packDir = join(dir, 'pack');
  for (const f of testPackFiles()) {
    mkdirSync(dirname(join(packDir, f.path)), { recursive: true });
    writeFileSync(join(packDir, f.path), f.text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runMain(args, dir);
const estate = join(repoRoot, 'test/fixtures/estates/mixed-estate.json');

describe('demarc content check', () => {
  it('reports the counts and no errors for a valid pack', async () => {
    const r = await cli(['content', 'check', '--json', '--pack', packDir]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ questions: 6, domains: 2, errors: [], frameworks: { mcsb: 85, nistCsf: 128 } });
    expect(out.checks).toBeGreaterThanOrEqual(40);
    expect(out.checksWithPassAndFailFixtures).toBe(out.checks);
    expect(out.playbooks).toBe(10);
  });
  it('exits 1 and lists errors with file and path', async () => {
    writeFileSync(join(packDir, 'checks/broken.yaml'), 'checks:\n  - id: ST-01\n    title: x\n    evidenceSource: arg\n');
    try {
      const r = await cli(['content', 'check', '--json', '--pack', packDir]);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.errors).toContainEqual(expect.objectContaining({ file: 'checks/broken.yaml', path: 'checks[0].table' }));
      const text = await cli(['content', 'check', '--pack', packDir]);
      expect(text.stdout).toMatch(/checks\/broken\.yaml checks\[0\]\.table/);
    } finally {
      rmSync(join(packDir, 'checks/broken.yaml'));
    }
  });
  it('enforces the register rules: a question claiming a check of another template is an error with file and path', async () => {
    const path = join(packDir, 'interview/01-test.yaml');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('claims: [ST-01]', 'claims: [ST-01, ST-03]'));
    try {
      const r = await cli(['content', 'check', '--json', '--pack', packDir]);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).errors).toEqual([
        { file: 'interview/01-test.yaml', path: 'questions[0].claims[1]', message: expect.stringContaining('must raise the same risk template') },
      ]);
    } finally {
      writeFileSync(path, original);
    }
  });
});

describe('demarc findings', () => {
  it('prints findings as JSON and as a table', async () => {
    const json = await cli(['findings', '--inventory', estate, '--json', '--pack', packDir]);
    expect(json.code).toBe(0);
    const findings = JSON.parse(json.stdout);
    expect(findings.filter((f: { status: string }) => f.status === 'fail')).toHaveLength(52);
    const table = await cli(['findings', '--inventory', estate, '--failed', '--pack', packDir]);
    expect(table.stdout).toMatch(/^STATUS\s+CHECK\s+SEVERITY\s+OWNER/);
    expect(table.stdout).toMatch(/FAIL\s+NW-01\s+critical\s+customer\s+nsg-rdp-range/);
    expect(table.stdout).toMatch(/52 findings: 52 fail/);
  });
  it('names the file and location of a bad inventory and exits 1', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[{"id": "a", "type": "b"},\n {"id": }]');
    const r = await cli(['findings', '--inventory', bad, '--pack', packDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: line 2, column \d+: invalid JSON/);
    expect((await cli(['findings', '--pack', packDir])).code).toBe(2);
  });
});

describe('demarc assess', () => {
  it('writes a valid bundle with findings, risks and the disagreement between answers and evidence', async () => {
    const answers = join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify({ 'SCOPE-MODELS': ['iaas', 'paas'], 'DAT-01': 'all', 'DAT-03': { choices: ['no'], note: 'not reviewed' } }));
    const out = join(dir, 'out.demarc.json');
    const r = await cli(['assess', '--inventory', estate, '--answers', answers, '-o', out, '--client', 'Contoso', '--pack', packDir]);
    expect(r.code, r.stderr).toBe(0);
    const parsed = parseBundle(JSON.parse(readFileSync(out, 'utf8')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const b = parsed.bundle;
    expect(b.assessment).toMatchObject({ client: 'Contoso', packId: 'azure-m365', matrixId: 'jan-2026', scope: { serviceModels: ['iaas', 'paas'] } });
    expect(b.inventory.resources).toHaveLength(65);
    const transit = b.risks.find((x) => x.templateId === 'RT-DATA-IN-TRANSIT')!;
    expect(transit.disagreements[0]).toMatchObject({ questionId: 'DAT-01', checkId: 'ST-01' });
    expect(b.risks.find((x) => x.templateId === 'RT-TEST-PHYSICAL')).toMatchObject({ owner: 'microsoft', action: 'verify' });
    expect(b.risks.map((x) => x.id)).toEqual(b.risks.map((_, i) => `R-${String(i + 1).padStart(3, '0')}`));
    // how each risk is known; without rating factors in the pack, the templates' ratings stand
    expect(transit.evidenceStatus).toBe('contradicted');
    expect(b.risks.find((x) => x.templateId === 'RT-TEST-PHYSICAL')!.evidenceStatus).toBe('reported');
    for (const x of b.risks) expect(x.rating).toMatchObject({ likelihood: x.likelihood, impact: x.impact, adjustments: [] });
  });

  it('lowers impact where the tags show every affected resource is non-production (bundled pack)', async () => {
    const rows = JSON.parse(readFileSync(join(repoRoot, 'assessments/azure-m365/checks/fixtures/ST-04.fail.json'), 'utf8')) as Record<string, unknown>[];
    const inventory = join(dir, 'dev-storage.json');
    writeFileSync(inventory, JSON.stringify(rows.map((r) => ({ ...r, tags: { Environment: 'Dev' } }))));
    const out = join(dir, 'dev.demarc.json');
    const r = await cli(['assess', '--inventory', inventory, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const risk = (JSON.parse(readFileSync(out, 'utf8')) as { risks: { evidence: { findings: { checkId: string }[] }; rating: { adjustments: { factor: string; reason: string }[] } }[] }).risks.find((x) =>
      x.evidence.findings.some((f) => f.checkId === 'ST-04'),
    )!;
    const lowered = risk.rating.adjustments.find((a) => a.factor === 'non-production');
    expect(lowered?.reason).toMatch(/non-production \(tag Environment=Dev\)$/);
  });
  it('writes through a temporary file of its own, never through a link planted at a guessable name', async () => {
    const out = join(dir, 'planted', 'out.demarc.json');
    mkdirSync(dirname(out));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    symlinkSync(victim, `${out}.tmp-${process.pid}`);
    const r = await cli(['assess', '--inventory', estate, '-o', out, '--pack', packDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(parseBundle(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);
    expect(readdirSync(dirname(out)).sort()).toEqual(['out.demarc.json', `out.demarc.json.tmp-${process.pid}`]);
  });
  it('rejects answers to unknown questions', async () => {
    const answers = join(dir, 'bad-answers.json');
    writeFileSync(answers, JSON.stringify({ 'NOPE-01': 'x' }));
    const r = await cli(['assess', '--inventory', estate, '--answers', answers, '-o', join(dir, 'x.json'), '--pack', packDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown question 'NOPE-01'/);
  });
});

describe('demarc as a real subprocess', () => {
  it('node cli/bin/demarc.mjs content check --json prints the summary and a matching exit code', async () => {
    const node = process.execPath;
    const ok = await run(node, ['cli/bin/demarc.mjs', 'content', 'check', '--json', '--pack', packDir], { cwd: repoRoot });
    expect(JSON.parse(ok.stdout).errors).toEqual([]);
    // the bundled pack: whatever its state, the exit code follows the error list
    let code = 0;
    let stdout: string;
    try {
      ({ stdout } = await run(node, ['cli/bin/demarc.mjs', 'content', 'check', '--json'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }));
    } catch (e) {
      const err = e as { code: number; stdout: string };
      code = err.code;
      stdout = err.stdout;
    }
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['questions', 'domains', 'checks', 'checksWithPassAndFailFixtures', 'playbooks', 'frameworks', 'errors']));
    expect(code).toBe(summary.errors.length === 0 ? 0 : 1);
  });
});
