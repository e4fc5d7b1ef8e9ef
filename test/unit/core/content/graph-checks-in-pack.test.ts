/**
 * Microsoft Graph checks in the content pack: each entry of checks/graph-identity.yaml names
 * an evaluator of core/graph/checks/ (and every evaluator has an entry), agrees with it on what
 * its findings say, and is verified over its own pass and fail fixtures like a Resource Graph
 * check; Resource Graph runs leave Graph checks out.
 */
import { describe, expect, it } from 'vitest';
import { verifyFixtures } from '../../../../core/checks/fixtures';
import { runChecks } from '../../../../core/checks/run-checks';
import { loadPack } from '../../../../core/content/loader';
import { isGraphCheck } from '../../../../core/content/schemas';
import type { PackFile } from '../../../../core/content/types';
import { GRAPH_CHECKS } from '../../../../core/graph/checks/catalogue';
import { normaliseRows, serviceModelLookup } from '../../../../core/inventory/normalise';
import { loadTestPack, testPackFiles } from '../pack-helper';

const GRAPH_FILE = 'checks/graph-identity.yaml';

function withFile(path: string, edit: (text: string) => string, files: PackFile[] = testPackFiles()): PackFile[] {
  return files.map((f) => {
    if (f.path !== path) return f;
    const text = edit(f.text);
    if (text === f.text) throw new Error(`edit of ${path} changed nothing`);
    return { path, text };
  });
}

const entryOf = (text: string, id: string): string => {
  const start = text.indexOf(`  - id: ${id}\n`);
  const next = text.indexOf('\n  - id: ', start + 1);
  return text.slice(start, next === -1 ? undefined : next + 1);
};

describe('Graph checks in the pack', () => {
  it('registers every evaluator once, with its risk template, and nothing else', () => {
    const pack = loadTestPack();
    const graph = pack.checks.filter(isGraphCheck);
    expect(graph.map((c) => c.id).sort()).toEqual(GRAPH_CHECKS.map((c) => c.id).sort());
    for (const c of graph) expect(pack.riskTemplates.has(c.risk), c.id).toBe(true);
  });

  it('refuses a graph check with no evaluator', () => {
    const files = withFile(GRAPH_FILE, (t) => `${t}${entryOf(t, 'GR-17').replace('GR-17', 'GR-99')}`);
    const errors = loadPack(files).errors.filter((e) => !e.file.startsWith('checks/fixtures/'));
    expect(errors).toEqual([{ file: GRAPH_FILE, path: 'checks[17].id', message: expect.stringMatching(/^graph check 'GR-99' has no evaluator in core\/graph\/checks\//) }]);
  });

  it('refuses an evaluator the pack does not register', () => {
    const files = withFile(GRAPH_FILE, (t) => t.replace(entryOf(t, 'GR-17'), '')).filter((f) => !f.path.startsWith('checks/fixtures/GR-17.'));
    expect(loadPack(files).errors).toEqual([{ file: GRAPH_FILE, path: 'checks', message: expect.stringContaining("the Graph evaluator 'GR-17' has no check in the pack") }]);
  });

  it('refuses a title, severity or area the evaluator does not give its findings', () => {
    const files = withFile(GRAPH_FILE, (t) => t.replace(entryOf(t, 'GR-11'), entryOf(t, 'GR-11').replace('severity: medium', 'severity: low')));
    expect(loadPack(files).errors).toEqual([{ file: GRAPH_FILE, path: 'checks[10].severity', message: "'low' differs from the evaluator's 'medium' (its findings carry the evaluator's)" }]);
  });

  it('a graph check keeps the Resource Graph fields out, and a Resource Graph check still needs its query', () => {
    let files = withFile(GRAPH_FILE, (t) => t.replace('    evidenceSource: graph\n', '    evidenceSource: graph\n    query: resources\n'));
    expect(loadPack(files).errors[0]).toMatchObject({ file: GRAPH_FILE, path: 'checks[0]', message: expect.stringContaining('query') });
    files = withFile('checks/storage.yaml', (t) => t.replace('\n    query: ', '\n    queryText: '));
    expect(loadPack(files).errors).toContainEqual(expect.objectContaining({ file: 'checks/storage.yaml', path: 'checks[0].query' }));
  });

  it('runs each graph check over its own pass and fail fixture', () => {
    const pack = loadTestPack();
    const { outcomes, errors } = verifyFixtures(pack);
    expect(errors).toEqual([]);
    for (const id of GRAPH_CHECKS.map((c) => c.id)) expect(outcomes.find((o) => o.checkId === id), id).toMatchObject({ passOk: true, failOk: true });
    const fx = pack.fixtures.get('GR-11')!;
    pack.fixtures.set('GR-11', { pass: fx.fail!, fail: fx.pass! });
    expect(verifyFixtures(pack).errors.map((e) => e.file)).toEqual(['checks/fixtures/GR-11.pass.json', 'checks/fixtures/GR-11.fail.json']);
  });

  it('a graph fixture that is not Graph snapshot rows is an error naming the place', () => {
    const pack = loadTestPack();
    pack.fixtures.set('GR-14', { ...pack.fixtures.get('GR-14'), pass: [{ type: 'microsoft.storage/storageaccounts', id: 'x', object: {} }] });
    expect(verifyFixtures(pack).errors).toContainEqual({ file: 'checks/fixtures/GR-14.pass.json', path: '', message: expect.stringMatching(/^0(\.type)?: /) });
  });

  it('Resource Graph runs leave the graph checks out', () => {
    const pack = loadTestPack();
    const rows = pack.fixtures.get('ST-01')!.fail!;
    const findings = runChecks(normaliseRows(rows, serviceModelLookup(pack.serviceModels)), pack.checks, { matrix: pack.matrices.get('jan-2026')! });
    expect(findings.some((f) => f.checkId === 'ST-01')).toBe(true);
    expect(findings.filter((f) => f.checkId.startsWith('GR-'))).toEqual([]);
  });
});
