/**
 * The real `demarc inventory pull` in a subprocess, signing in as a service principal
 * (AZURE_* variables) against the loopback fakes; the fake CA is trusted through
 * NODE_EXTRA_CA_CERTS, exactly as a consultant behind TLS inspection would.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from './run-cli';
import { inventoryFileSchema } from '../../../core/azure/snapshot';
import { FakeEntra } from './fakes/fake-entra';
import { defaultRows, FakeResourceGraph } from './fakes/fake-resource-graph';
import { loopbackCertificate } from './fakes/tls';
import { canarySecret, CLIENT_ID, subscriptionIds, TENANT_ID } from './harness';

let entra: FakeEntra;
let graph: FakeResourceGraph;
let secret: string;
let caFile: string;
let dir: string;

beforeAll(async () => {
  secret = canarySecret();
  ({ caFile } = await loopbackCertificate());
  entra = await new FakeEntra({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: secret }).start();
  graph = await new FakeResourceGraph({ entra, rows: defaultRows(1500) }).start();
  dir = await mkdtemp(path.join(os.tmpdir(), 'demarc-cli-pull-'));
});

afterAll(async () => {
  await graph?.stop();
  await entra?.stop();
});

function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCliProcess(args, { cwd: dir, caFile, env: { AZURE_TENANT_ID: TENANT_ID, AZURE_CLIENT_ID: CLIENT_ID, ...env } });
}

describe('demarc inventory pull (subprocess)', () => {
  it('pulls with a service principal and writes a complete inventory file', { timeout: 90_000 }, async () => {
    const subs = subscriptionIds(3);
    const out = path.join(dir, 'inventory.json');
    const result = await runCli(
      ['inventory', 'pull', ...subs.flatMap((s) => ['--subscription', s]), '--arm-endpoint', graph.armEndpoint, '--authority-host', entra.authorityHost, '-o', 'inventory.json'],
      { AZURE_CLIENT_SECRET: secret },
    );
    expect(result.stderr).toContain('resources: page 1, +1000 rows');
    expect(result.stderr).toContain('finished: complete');
    expect(result.code).toBe(0);
    const file = inventoryFileSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    // 3 × 1500 resources + 1 row per subscription for each of the 9 other queries
    expect(file.data).toHaveLength(3 * 1500 + 3 * 9);
    expect(new Set(file.data.map((r) => String(r.id).toLowerCase())).size).toBe(file.data.length);
    expect(file.demarcSnapshot.status).toBe('complete');
    expect(file.demarcSnapshot.scope.subscriptions).toEqual(subs);
    const everything = `${result.stdout}${result.stderr}${await readFile(out, 'utf8')}`;
    for (const needle of [secret, ...entra.issuedTokens]) expect(everything.includes(needle)).toBe(false);
  });

  it('exits 4 with a clear message on a wrong client secret and keeps the previous file', { timeout: 90_000 }, async () => {
    const out = path.join(dir, 'previous.json');
    await writeFile(out, '{"data":[],"previous":true}\n');
    const wrong = 'canary-wrong-secret-8d1e5c0b77';
    const result = await runCli(
      ['inventory', 'pull', '--subscription', subscriptionIds(1)[0]!, '--arm-endpoint', graph.armEndpoint, '--authority-host', entra.authorityHost, '-o', out],
      { AZURE_CLIENT_SECRET: wrong },
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/Sign-in failed \(service-principal\): the client secret is wrong or expired\..*AADSTS7000215/);
    expect(`${result.stdout}${result.stderr}`.includes(wrong)).toBe(false);
    expect(await readFile(out, 'utf8')).toBe('{"data":[],"previous":true}\n');
    expect(existsSync(path.join(dir, 'previous.partial.json'))).toBe(false);
  });

  it('rejects usage errors with exit code 2', { timeout: 90_000 }, async () => {
    const result = await runCli(['inventory', 'pull', '--cloud', 'mars', '-o', 'x.json'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--cloud must be public, china or usgov');
  });
});
