/**
 * `demarc graph pull` in a subprocess (service principal from AZURE_*, the fake CA trusted
 * through NODE_EXTRA_CA_CERTS) and `demarc graph import` over saved responses.
 */
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from '../azure/run-cli';
import { graphCommandsForTest } from './cli-io';
import { parseGraphSnapshot, rowsOf } from '../../../core/graph/snapshot';
import { FakeEntra } from '../azure/fakes/fake-entra';
import { loopbackCertificate } from '../azure/fakes/tls';
import { canarySecret, CLIENT_ID } from '../azure/harness';
import { ADMIN2, BREAK_GLASS_UPNS, licenceGap, snapshotOf, TENANT, wellConfiguredTenant } from '../../fixtures/graph/tenant';
import { FakeGraph } from './fakes/fake-graph';

let entra: FakeEntra;
let graph: FakeGraph;
let secret: string;
let caFile: string;
let dir: string;

beforeAll(async () => {
  secret = canarySecret();
  ({ caFile } = await loopbackCertificate());
  entra = await new FakeEntra({ tenantId: TENANT, clientId: CLIENT_ID, clientSecret: secret }).start();
  graph = await new FakeGraph({
    entra,
    data: wellConfiguredTenant(),
    refuse: { roleAssignmentSchedules: { status: 400, code: 'AadPremiumLicenseRequired', message: 'The tenant needs an AAD Premium 2 license.' } },
  }).start();
  dir = await mkdtemp(path.join(os.tmpdir(), 'demarc-cli-graph-'));
});

afterAll(async () => {
  await graph?.stop();
  await entra?.stop();
});

function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCliProcess(args, { cwd: dir, caFile, env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT_ID, ...env } });
}

describe('demarc graph pull (subprocess)', () => {
  it('pulls with a service principal, prints progress per collection and the gaps, exits 0 and writes the snapshot', { timeout: 90_000 }, async () => {
    const result = await runCli(
      ['graph', 'pull', '--auth', 'service-principal', '--graph-endpoint', graph.endpoint, '--authority-host', entra.authorityHost, '-o', 'graph.json'],
      { AZURE_CLIENT_SECRET: secret },
    );
    expect(result.stderr).toContain('[9/14] users…');
    expect(result.stderr).toContain('users: 5 object(s) in 1 page(s)');
    expect(result.stderr).toMatch(/1 gap\(s\)[^\n]*\n {2}roleAssignmentSchedules \(licence\): 400 AadPremiumLicenseRequired: The tenant needs an AAD Premium 2 license\./);
    expect(result.code).toBe(0);
    const text = await readFile(path.join(dir, 'graph.json'), 'utf8');
    const snapshot = parseGraphSnapshot(JSON.parse(text));
    expect(snapshot.demarcGraphSnapshot).toMatchObject({ tenantId: TENANT, source: 'pull', cloud: 'custom' });
    expect(rowsOf(snapshot, 'conditionalAccessPolicies')).toHaveLength(3);
    for (const needle of [secret, ...entra.issuedTokens]) expect(`${result.stdout}${result.stderr}${text}`.includes(needle)).toBe(false);
    expect(graph.nonGetRequests).toEqual([]);
  });

  it('exits 4 on a wrong secret without echoing it, and 2 on usage errors', { timeout: 90_000 }, async () => {
    const wrong = 'canary-wrong-secret-5be0c1d2e3';
    const failed = await runCli(['graph', 'pull', '--auth', 'service-principal', '--graph-endpoint', graph.endpoint, '--authority-host', entra.authorityHost, '-o', 'x.json'], {
      AZURE_CLIENT_SECRET: wrong,
    });
    expect(failed.code).toBe(4);
    expect(failed.stderr).toMatch(/AADSTS7000215/);
    expect(failed.stderr.includes(wrong)).toBe(false);
    const usage = await runCli(['graph', 'pull', '--auth', 'service-principal', '--cloud', 'mars', '-o', 'x.json'], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--cloud must be one of public, usgov, usgov-dod, china');
  });
});

describe('demarc graph import', () => {
  it('builds a snapshot from saved pages and singletons, recording missing collections as gaps', async () => {
    const folder = path.join(dir, 'export');
    await mkdir(folder, { recursive: true });
    const data = wellConfiguredTenant();
    const users = data.users as unknown[];
    await writeFile(path.join(folder, 'organization.json'), `\uFEFF${JSON.stringify({ value: data.organization })}`);
    await writeFile(path.join(folder, 'users.json'), JSON.stringify({ value: users.slice(0, 3), '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users?$skiptoken=x' }));
    await writeFile(path.join(folder, 'users.2.json'), JSON.stringify({ value: users.slice(3) }));
    await writeFile(path.join(folder, 'authorizationPolicy.json'), JSON.stringify(data.authorizationPolicy));
    const { run, stderr } = graphCommandsForTest(dir);
    expect(await run(['graph', 'import', 'export', '-o', 'imported.json'])).toBe(0);
    const snapshot = parseGraphSnapshot(JSON.parse(await readFile(path.join(dir, 'imported.json'), 'utf8')));
    expect(snapshot.demarcGraphSnapshot).toMatchObject({ source: 'import', tenantId: TENANT, tenantName: 'Contoso' });
    expect(rowsOf(snapshot, 'users')).toHaveLength(5);
    expect(snapshot.demarcGraphSnapshot.gaps.map((g) => g.collection)).toContain('conditionalAccessPolicies');
    expect(stderr()).toContain('conditionalAccessPolicies (not-provided): - NotProvided');
  });

  it('refuses an incomplete export and writes nothing', async () => {
    const folder = path.join(dir, 'partial');
    await mkdir(folder, { recursive: true });
    const data = wellConfiguredTenant();
    await writeFile(path.join(folder, 'organization.json'), JSON.stringify({ value: data.organization }));
    await writeFile(path.join(folder, 'users.json'), JSON.stringify({ value: data.users, '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users?$skiptoken=x' }));
    const { run, stderr } = graphCommandsForTest(dir);
    expect(await run(['graph', 'import', 'partial', '-o', 'never.json'])).toBe(1);
    expect(stderr()).toMatch(/users\.json: 1 page file\(s\) of users, 1 of them with @odata\.nextLink: a page is missing/);
    await expect(readFile(path.join(dir, 'never.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('demarc findings over a Graph snapshot', () => {
  it('runs the Graph checks, names failing objects and lists not-assessed checks with the gap', async () => {
    const data = wellConfiguredTenant();
    (data.userRegistrationDetails as Record<string, unknown>[]).find((r) => r.id === ADMIN2)!.isMfaRegistered = false;
    await writeFile(path.join(dir, 'tenant-graph.json'), JSON.stringify(snapshotOf(data, [licenceGap('roleAssignmentSchedules')])));
    const table = graphCommandsForTest(dir);
    expect(await table.run(['findings', '--inventory', 'tenant-graph.json', '--failed', ...BREAK_GLASS_UPNS.flatMap((u) => ['--break-glass', u])])).toBe(0);
    expect(table.stdout()).toMatch(/FAIL\s+GR-01\s+critical\s+customer\s+sam\.secops@contoso\.example\s+microsoft\.graph\/users/);
    expect(table.stdout()).toContain('NOT ASSESSED  GR-08  Standing privileged assignment where PIM is available: roleAssignmentSchedules could not be read: HTTP 400 AadPremiumLicenseRequired');
    expect(table.stdout()).toMatch(/1 findings: 1 fail, 0 pass, 0 not applicable; 1 check\(s\) not assessed/);

    const json = graphCommandsForTest(dir);
    expect(await json.run(['findings', '--inventory', 'tenant-graph.json', '--json'])).toBe(0);
    const parsed = JSON.parse(json.stdout()) as { findings: { checkId: string; resourceId: string; status: string }[]; notAssessed: { checkId: string }[] };
    expect(parsed.findings.find((f) => f.checkId === 'GR-01' && f.resourceId === ADMIN2)?.status).toBe('fail');
    expect(parsed.notAssessed.map((n) => n.checkId)).toEqual(['GR-08', 'GR-09']);
  });

  it('says where a Graph snapshot is invalid', async () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotOf(wellConfiguredTenant()))) as { data: { type: string }[] };
    snapshot.data[0]!.type = 'users';
    await writeFile(path.join(dir, 'bad-graph.json'), JSON.stringify(snapshot));
    const cli = graphCommandsForTest(dir);
    expect(await cli.run(['findings', '--inventory', 'bad-graph.json'])).toBe(1);
    expect(cli.stderr()).toContain('bad-graph.json: not a valid Graph snapshot: data.0.type: a type such as microsoft.graph/users');
  });
});

describe('a Graph snapshot and a Resource Graph inventory together', () => {
  /** ST-01's failing fixture: storage accounts without secure transfer (Resource Graph rows). */
  const argRows = (): Promise<string> => readFile(path.join(import.meta.dirname, '../../../assessments/azure-m365/checks/fixtures/ST-01.fail.json'), 'utf8');
  const breakGlass = BREAK_GLASS_UPNS.flatMap((u) => ['--break-glass', u]);

  beforeAll(async () => {
    const data = wellConfiguredTenant();
    (data.userRegistrationDetails as Record<string, unknown>[]).find((r) => r.id === ADMIN2)!.isMfaRegistered = false;
    await writeFile(path.join(dir, 'mixed-graph.json'), JSON.stringify(snapshotOf(data, [licenceGap('roleAssignmentSchedules')])));
    await writeFile(path.join(dir, 'mixed-arg.json'), await argRows());
    await writeFile(path.join(dir, 'mixed-answers.json'), JSON.stringify({ 'SCOPE-MODELS': ['paas', 'saas'], 'SCOPE-M365': 'yes', 'PAM-01': 'all' }));
  });

  it('demarc findings tells the files apart and prints the findings of both kinds', async () => {
    const json = graphCommandsForTest(dir);
    expect(await json.run(['findings', '--inventory', 'mixed-graph.json', '--inventory', 'mixed-arg.json', '--failed', '--json', ...breakGlass])).toBe(0);
    const parsed = JSON.parse(json.stdout()) as { findings: { checkId: string; resourceId: string; subscriptionId: string }[]; notAssessed: { checkId: string }[] };
    expect(parsed.findings.filter((f) => f.checkId === 'GR-01').map((f) => f.resourceId)).toEqual([ADMIN2]);
    const storage = parsed.findings.filter((f) => f.checkId === 'ST-01');
    expect(storage.length).toBeGreaterThan(0);
    for (const f of storage) expect(f.resourceId).toMatch(/^\/subscriptions\/[^/]+\/resourceGroups\/.+\/providers\/Microsoft\.Storage\/storageAccounts\//i);
    expect(parsed.notAssessed.map((n) => n.checkId)).toEqual(['GR-08']);

    const table = graphCommandsForTest(dir);
    expect(await table.run(['findings', '--inventory', 'mixed-arg.json', '--inventory', 'mixed-graph.json', ...breakGlass])).toBe(0);
    expect(table.stdout()).toMatch(/FAIL\s+GR-01\s+critical/);
    expect(table.stdout()).toMatch(/FAIL\s+ST-01\s+/);
    expect(table.stdout()).toContain('NOT ASSESSED  GR-08');
    expect(table.stdout()).toMatch(/\d+ resources, 1 Graph snapshot\(s\), \d+ findings: .*; 1 check\(s\) not assessed/);
  });

  it('demarc assess stores both kinds of findings and raises one contradicted risk from the Graph evidence', async () => {
    const cli = graphCommandsForTest(dir);
    const args = ['assess', '--inventory', 'mixed-graph.json', '--inventory', 'mixed-arg.json', '--answers', 'mixed-answers.json', ...breakGlass, '-o', 'mixed.demarc.json'];
    expect(await cli.run(args)).toBe(0);
    expect(cli.stdout()).toMatch(/1 Graph snapshot\(s\) \(1 check\(s\) not assessed\)/);
    const bundle = JSON.parse(await readFile(path.join(dir, 'mixed.demarc.json'), 'utf8')) as {
      inventory: { snapshots: { id: string; source: string; tenantId?: string; notAssessed?: { checkId: string }[] }[]; resources: { snapshotId: string }[]; findings: { checkId: string; resourceId: string; status: string }[] };
      risks: { templateId: string; evidence: { findings: { checkId: string; resourceId: string }[]; answers: { questionId: string }[] }; disagreements?: { questionId: string; checkId: string; failingResources: string[] }[] }[];
    };
    const [graphSnapshot, argSnapshot] = bundle.inventory.snapshots;
    expect(graphSnapshot).toMatchObject({ source: 'graph-pull', tenantId: TENANT, notAssessed: [{ checkId: 'GR-08' }] });
    expect(argSnapshot).toMatchObject({ source: 'file-import', format: 'rows-array' });
    expect(new Set(bundle.inventory.resources.map((r) => r.snapshotId))).toEqual(new Set([argSnapshot!.id]));
    expect(bundle.inventory.findings.find((f) => f.checkId === 'GR-01' && f.resourceId === ADMIN2)?.status).toBe('fail');
    expect(bundle.inventory.findings.some((f) => f.checkId === 'ST-01' && f.status === 'fail')).toBe(true);

    const privileged = bundle.risks.filter((r) => r.templateId === 'RT-PAM-PRIV-MFA');
    expect(privileged).toHaveLength(1);
    expect(privileged[0]!.evidence.findings).toEqual([expect.objectContaining({ checkId: 'GR-01', resourceId: ADMIN2 })]);
    expect(privileged[0]!.disagreements).toEqual([expect.objectContaining({ questionId: 'PAM-01', checkId: 'GR-01', failingResources: [ADMIN2] })]);
    expect(bundle.risks.some((r) => r.evidence.findings.some((f) => f.checkId === 'ST-01'))).toBe(true);
  });

  it('demarc assess over two Graph snapshots keeps each finding with the snapshot that produced it', async () => {
    const later = { ...snapshotOf(wellConfiguredTenant()) };
    later.demarcGraphSnapshot = { ...later.demarcGraphSnapshot, capturedAt: '2099-01-01T00:00:00.000Z' };
    await writeFile(path.join(dir, 'later-graph.json'), JSON.stringify(later));
    const cli = graphCommandsForTest(dir);
    const args = ['assess', '--inventory', 'mixed-graph.json', '--inventory', 'later-graph.json', '--inventory', 'mixed-arg.json', ...breakGlass, '-o', 'two-graph.demarc.json'];
    expect(await cli.run(args)).toBe(0);
    const bundle = JSON.parse(await readFile(path.join(dir, 'two-graph.demarc.json'), 'utf8')) as {
      inventory: { snapshots: { id: string }[]; findings: { checkId: string; resourceId: string; status: string; snapshotId?: string }[] };
    };
    const [earlier, newest] = bundle.inventory.snapshots;
    const adminMfa = bundle.inventory.findings.filter((f) => f.checkId === 'GR-01' && f.resourceId === ADMIN2);
    // the failing finding is the earlier snapshot's, not the newest one's; Resource Graph findings name none
    expect(adminMfa.map((f) => [f.status, f.snapshotId])).toEqual([
      ['fail', earlier!.id],
      ['pass', newest!.id],
    ]);
    expect(bundle.inventory.findings.filter((f) => f.checkId === 'ST-01').every((f) => f.snapshotId === undefined)).toBe(true);
  });
});
