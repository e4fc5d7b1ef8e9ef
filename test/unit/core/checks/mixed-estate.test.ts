import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../core/content/loader';
import { runChecks } from '../../../../core/checks/run-checks';
import { readInventory, serviceModelLookup } from '../../../../core/inventory/normalise';
import { repoRoot } from '../../../../node/read-pack-files';
import { engineFiles, playbookFiles } from '../pack-helper';

/*
 * A realistic two-subscription estate built from the real ARM example shapes, with the edge
 * cases real estates have: NSG port ranges ("3380-3390"), Deny rules that shadow Allows,
 * outbound rules, platform defaultSecurityRules, a storage account with public network access
 * Disabled but firewall defaultAction Allow, an AKS cluster with authorised IP ranges, a
 * flow log whose target id differs in case, Defender plans that are deprecated, and a type
 * Demarc does not know. The expected failures below were reviewed one by one.
 */
const A = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b'; // production
const B = '9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f6a'; // development

const expectedFailures: [checkId: string, resourceName: string, subscription: string][] = [
  // storage: legacy account sto8596 fails the lot; sto4445 has public access off (ST-05 passes) but keys, no PE, legacy nulls
  ['ST-01', 'sto8596', A],
  ['ST-02', 'sto8596', A],
  ['ST-03', 'sto8596', A],
  ['ST-04', 'sto4445', A],
  ['ST-04', 'sto8596', A],
  ['ST-04', 'stselectednets', A],
  ['ST-05', 'sto8596', A],
  ['ST-06', 'sto4445', A],
  ['ST-06', 'sto8596', A],
  ['ST-06', 'stselectednets', A],
  ['ST-07', 'sto4445', A],
  ['ST-07', 'sto8596', A],
  ['ST-07', 'stselectednets', A],
  ['ST-08', 'sto4445', A],
  ['ST-08', 'sto8596', A],
  ['ST-08', 'stselectednets', A],
  // key vault with Deny + private endpoint but access policies and no purge protection
  ['KV-01', 'sample-vault', A],
  ['KV-02', 'sample-vault', A],
  // network
  ['NW-01', 'nsg-rdp-range', A], // 3380-3390 from 0.0.0.0/0
  ['NW-10', 'testnsg', A], // protocol * on port 80 from * admits UDP/80
  ['NW-11', 'testnsg', A], // port 80 from *
  ['NW-02', 'vnet-spoke', A], // snet-data has no NSG
  ['NW-03', 'nic-jump01', A],
  ['NW-04', 'vnet-spoke', A],
  ['NW-04', 'vnet-dev', B],
  ['NW-05', 'Contoso Dev/Test', B], // vnet in northeurope, no Network Watcher in B
  ['NW-06', 'vnet-hub', A], // subscription A has public IPs
  ['NW-06', 'vnet-spoke', A],
  ['NW-09', 'Contoso Dev/Test', B], // VM, no Bastion
  // compute
  ['VM-02', 'myVM', A], // no encryption at host, OS disk without ADE
  ['VM-03', 'myVM', A],
  ['VM-03', 'vm-win-manual', B],
  ['VM-05', 'vm-linux01', A],
  ['VM-05', 'vm-win-manual', B],
  ['VM-06', 'myVM', A], // Windows, enableAutomaticUpdates false, no patchMode
  ['VM-06', 'vm-win-manual', B],
  // app service, data, containers
  ['AP-01', 'sitef6141', B],
  ['AP-02', 'web', B],
  ['AP-03', 'web', B],
  ['AK-01', 'clustername1', A],
  ['AK-02', 'clustername1', A],
  ['DB-01', 'ddb1', B],
  ['DB-02', 'ddb1', B],
  // identity, governance, monitoring
  ['ID-01', 'Contoso Dev/Test', B],
  ['ID-04', 'Contoso Dev/Test', B],
  ['GV-01', 'Contoso Dev/Test', B],
  ['MO-01', 'Contoso Dev/Test', B],
  ['MO-02', 'Contoso Dev/Test', B],
  // Defender for Cloud
  ['DF-01', 'AppServices', A],
  ['DF-01', 'CloudPosture', A],
  ['DF-02', 'ascScore', A],
  ['DF-06', '2517563212345678901_a3', A],
];

describe('mixed estate', () => {
  const { pack } = loadPack([...engineFiles(), ...playbookFiles()]);
  const text = readFileSync(join(repoRoot, 'test/fixtures/estates/mixed-estate.json'), 'utf8');
  const { resources } = readInventory(text, serviceModelLookup(pack.serviceModels));
  const findings = runChecks(resources, pack.checks, { matrix: pack.matrices.get('jan-2026')! });
  const key = (c: string, n: string, s: string) => `${c} | ${n} | ${s}`;

  it('reports exactly the reviewed failures - no more, no less', () => {
    const actual = findings.filter((f) => f.status === 'fail').map((f) => key(f.checkId, f.resourceName, f.subscriptionId)).sort();
    expect(actual).toEqual(expectedFailures.map(([c, n, s]) => key(c, n, s)).sort());
  });

  it('passes the edge cases a naive reading would flag', () => {
    const status = (checkId: string, name: string) => findings.find((f) => f.checkId === checkId && f.resourceName === name)?.status;
    expect(status('ST-05', 'sto4445')).toBe('pass'); // public network access Disabled, defaultAction Allow
    expect(status('NW-01', 'nsg-admin-restricted')).toBe('pass'); // deny shadows allow-ssh-any; RDP only from a corporate range; outbound 22
    expect(status('NW-01', 'testnsg')).toBe('pass'); // defaultSecurityRules only allow VNet / load balancer
    expect(status('AK-02', 'aks-hardened')).toBe('pass'); // authorised IP ranges
    expect(status('NW-04', 'vnet-hub')).toBe('pass'); // flow log target id in lower case
    expect(status('DF-01', 'KubernetesService')).toBe('not-applicable'); // deprecated plan
    expect(status('DF-06', '2517563212345678901_a2')).toBe('not-applicable'); // medium alert
    expect(status('NW-03', 'nic-app01')).toBe('pass');
  });

  it('classifies the unknown type as unknown and raises nothing on it', () => {
    const widget = resources.find((r) => r.type === 'contoso.widgets/widgets')!;
    expect(widget.serviceModel).toBe('unknown');
    expect(findings.filter((f) => f.resourceId === widget.id)).toEqual([]);
  });

  it('gives owners from the January 2026 matrix and subscription-level ids for aggregates', () => {
    const st05 = findings.find((f) => f.checkId === 'ST-05' && f.status === 'fail')!;
    expect(st05).toMatchObject({ owner: 'shared', serviceModel: 'paas', responsibilityArea: 'network-controls' });
    const nw01 = findings.find((f) => f.checkId === 'NW-01' && f.status === 'fail')!;
    expect(nw01).toMatchObject({ owner: 'customer', serviceModel: 'iaas' });
    const id01 = findings.find((f) => f.checkId === 'ID-01' && f.status === 'fail')!;
    expect(id01).toMatchObject({ resourceId: `/subscriptions/${B}`, resourceType: 'microsoft.resources/subscriptions', serviceModel: 'paas', owner: 'customer' });
  });

  it('records the evidence read, with matching elements for arrays', () => {
    const nw01 = findings.find((f) => f.checkId === 'NW-01' && f.resourceName === 'nsg-rdp-range')!;
    const rules = nw01.evidence['properties.securityRules'] as { name: string }[];
    expect(rules.map((r) => r.name)).toEqual(['allow-mgmt-range']);
    const st01 = findings.find((f) => f.checkId === 'ST-01' && f.resourceName === 'sto8596')!;
    expect(st01.evidence).toEqual({ 'properties.supportsHttpsTrafficOnly': false });
    const mo01 = findings.find((f) => f.checkId === 'MO-01' && f.subscriptionId === A)!;
    expect((mo01.evidence.alertedOperations as string[]).length).toBe(10);
  });
});
