import { describe, expect, it } from 'vitest';
import { loadPack, loadPackOrThrow } from '../../../../core/content/loader';
import type { PackFile } from '../../../../core/content/types';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';
import { testPackFiles } from '../pack-helper';

function withFile(files: PackFile[], path: string, edit: (text: string) => string): PackFile[] {
  let found = false;
  const out = files.map((f) => {
    if (f.path !== path) return f;
    found = true;
    return { path, text: edit(f.text) };
  });
  if (!found) throw new Error(`no file ${path}`);
  return out;
}

describe('loadPack', () => {
  it('loads the engine files with the test interview without errors', () => {
    const { pack, errors } = loadPack(testPackFiles());
    expect(errors).toEqual([]);
    expect(pack.header.id).toBe('azure-m365');
    expect(pack.matrices.has('jan-2026')).toBe(true);
    expect(pack.matrices.has('classic')).toBe(true);
    expect(pack.serviceModels.size).toBeGreaterThanOrEqual(60);
    expect(pack.frameworks.mcsb?.controls.length).toBe(85);
    expect(pack.frameworks.nistCsf?.controls.filter((c) => c.parent).length).toBe(106);
    expect(pack.frameworks.nistCsf?.controls.filter((c) => c.kind === 'category').length).toBe(22);
  });

  it('the bundled pack (interview, playbooks and all) loads without errors', () => {
    const { pack, errors } = loadPack(readPackFiles(defaultPackDir));
    expect(errors).toEqual([]);
    expect(pack.checks.length).toBeGreaterThanOrEqual(40);
  });

  it('reports a duplicate check id with file and path', () => {
    const files = withFile(testPackFiles(), 'checks/keyvault.yaml', (t) => t.replace('id: KV-02', 'id: KV-01'));
    const { errors } = loadPack(files);
    expect(errors).toContainEqual(expect.objectContaining({ file: 'checks/keyvault.yaml', path: 'checks[1].id', message: expect.stringContaining("duplicate check id 'KV-01'") }));
  });

  it('reports a duplicate question id across files', () => {
    const files = withFile(testPackFiles(), 'interview/01-test.yaml', (t) => t.replace('id: DAT-02', 'id: DAT-01'));
    const { errors } = loadPack(files);
    expect(errors).toContainEqual(expect.objectContaining({ file: 'interview/01-test.yaml', path: 'questions[1].id', message: expect.stringContaining("duplicate question id 'DAT-01'") }));
  });

  it('reports a dangling visibleWhen question and an unknown choice', () => {
    let files = withFile(testPackFiles(), 'interview/01-test.yaml', (t) => t.replace('visibleWhen: { question: DAT-01, anyOf: [all, some] }', 'visibleWhen: { question: DAT-99, anyOf: [all] }'));
    expect(loadPack(files).errors).toContainEqual({ file: 'interview/01-test.yaml', path: 'questions[1].visibleWhen.question', message: "unknown question 'DAT-99'" });
    files = withFile(testPackFiles(), 'interview/01-test.yaml', (t) => t.replace('anyOf: [all, some]', 'anyOf: [all, most]'));
    expect(loadPack(files).errors).toContainEqual({ file: 'interview/01-test.yaml', path: 'questions[1].visibleWhen.anyOf[1]', message: "question 'DAT-01' has no choice 'most'" });
  });

  it('reports a dependency on a later question', () => {
    const files = withFile(testPackFiles(), 'interview/01-test.yaml', (t) =>
      t.replace('    risk: RT-DATA-IN-TRANSIT\n    claims', '    visibleWhen: { question: DAT-03, anyOf: ["yes"] }\n    risk: RT-DATA-IN-TRANSIT\n    claims'),
    );
    expect(loadPack(files).errors).toContainEqual(
      expect.objectContaining({ file: 'interview/01-test.yaml', path: 'questions[0].visibleWhen.question', message: expect.stringContaining('must come earlier') }),
    );
  });

  it('reports unknown mapping ids for each framework', () => {
    const files = withFile(testPackFiles(), 'checks/storage.yaml', (t) =>
      t.replace('mappings: { mcsb: [DP-3], cis: ["9.3.4"], nistCsf: [PR.DS-02] }', 'mappings: { mcsb: [DP-9], cis: ["9.9.9"], nistCsf: [PR.DS-03] }'),
    );
    const { errors } = loadPack(files);
    expect(errors).toContainEqual({ file: 'checks/storage.yaml', path: 'checks[0].mappings.mcsb[0]', message: "unknown mcsb id 'DP-9'" });
    expect(errors).toContainEqual({ file: 'checks/storage.yaml', path: 'checks[0].mappings.cis[0]', message: "unknown cis id '9.9.9'" });
    expect(errors).toContainEqual({ file: 'checks/storage.yaml', path: 'checks[0].mappings.nistCsf[0]', message: "unknown nistCsf id 'PR.DS-03'" });
  });

  it('reports a missing risk template on a check and on a question', () => {
    let files = withFile(testPackFiles(), 'checks/keyvault.yaml', (t) => t.replace('risk: RT-KV-RECOVERY', 'risk: RT-NOPE'));
    expect(loadPack(files).errors).toContainEqual({ file: 'checks/keyvault.yaml', path: 'checks[0].risk', message: "missing risk template 'RT-NOPE'" });
    files = withFile(testPackFiles(), 'interview/01-test.yaml', (t) => t.replace('risk: RT-TEST-DEVICES', 'risk: RT-GONE'));
    expect(loadPack(files).errors).toContainEqual({ file: 'interview/01-test.yaml', path: 'questions[3].risk', message: "missing risk template 'RT-GONE'" });
  });

  it('reports a bad enum value with file, path and line', () => {
    const files = withFile(testPackFiles(), 'checks/keyvault.yaml', (t) => t.replace('severity: medium', 'severity: severe'));
    const e = loadPack(files).errors.find((x) => x.path === 'checks[0].severity');
    expect(e?.file).toBe('checks/keyvault.yaml');
    expect(e?.message).toMatch(/low.*medium.*high.*critical/);
    expect(e?.message).toMatch(/\(line \d+\)/);
  });

  it('reports YAML syntax errors with line and column', () => {
    const files = withFile(testPackFiles(), 'pack.yaml', (t) => `${t}bad: [unclosed\n`);
    const e = loadPack(files).errors.find((x) => x.file === 'pack.yaml');
    expect(e?.path).toMatch(/^line \d+, column \d+$/);
    expect(e?.message).toMatch(/YAML syntax error/);
  });

  it('reports a bad condition operator inside a check', () => {
    const files = withFile(testPackFiles(), 'checks/keyvault.yaml', (t) =>
      t.replace('failWhen: { field: properties.enablePurgeProtection, notEquals: true }', 'failWhen: { field: properties.enablePurgeProtection, isNot: true }'),
    );
    const errors = loadPack(files).errors.filter((x) => x.file === 'checks/keyvault.yaml');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.path).toMatch(/^checks\[0\]\.failWhen/);
  });

  it('reports a check without fixtures, a fixture for an unknown check, and unknown files', () => {
    const files = testPackFiles().filter((f) => f.path !== 'checks/fixtures/KV-01.pass.json');
    files.push({ path: 'checks/fixtures/ZZ-01.fail.json', text: '[{"id":"x","type":"y"}]' }, { path: 'notes/random.yaml', text: 'a: 1' });
    const { errors } = loadPack(files);
    expect(errors).toContainEqual({ file: 'checks/fixtures/KV-01.pass.json', path: '', message: "check 'KV-01' has no passing fixture" });
    expect(errors).toContainEqual({ file: 'checks/fixtures/ZZ-01.fail.json', path: '', message: "fixture for unknown check 'ZZ-01'" });
    expect(errors).toContainEqual(expect.objectContaining({ file: 'notes/random.yaml' }));
  });

  it('reports an unknown playbook named by a risk template and a bad default matrix', () => {
    let files = withFile(testPackFiles(), 'risk-templates/checks-network.yaml', (t) => t.replace('irPlaybooks: [cryptomining]', 'irPlaybooks: [alien-invasion]'));
    expect(loadPack(files).errors).toContainEqual({ file: 'risk-templates/checks-network.yaml', path: 'templates[1].irPlaybooks[0]', message: "unknown playbook 'alien-invasion'" });
    files = withFile(testPackFiles(), 'pack.yaml', (t) => t.replace('defaultMatrix: jan-2026', 'defaultMatrix: jan-2099'));
    expect(loadPack(files).errors).toContainEqual(expect.objectContaining({ file: 'pack.yaml', path: 'defaultMatrix' }));
  });

  it('collects every error instead of stopping at the first, and loadPackOrThrow lists them', () => {
    let files = withFile(testPackFiles(), 'checks/keyvault.yaml', (t) => t.replace('risk: RT-KV-RECOVERY', 'risk: RT-A').replace('risk: RT-KV-ACCESS-MODEL', 'risk: RT-B'));
    files = withFile(files, 'checks/storage.yaml', (t) => t.replace('risk: RT-ST-ANONYMOUS-ACCESS', 'risk: RT-C'));
    const { errors } = loadPack(files);
    expect(errors.length).toBe(3);
    expect(() => loadPackOrThrow(files)).toThrow(/3 error\(s\)[\s\S]*RT-A[\s\S]*RT-B/);
  });
});
