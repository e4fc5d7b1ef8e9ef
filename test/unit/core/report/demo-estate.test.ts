import { describe, expect, it } from 'vitest';
import { loadDemo } from './helpers';

/**
 * The demo is what a prospective client reads first: its estate must look like one company's
 * Azure, not like the check fixtures it is built from (placeholder regions, sample subscriptions).
 */
const { bundle } = loadDemo();

/**
 * Azure's location names the demo may use ("" and "global" are what Resource Graph gives for
 * resources that live in no region). A subset of `az account list-locations`, enough for the demo.
 */
const AZURE_LOCATIONS = new Set(['', 'global', 'westeurope', 'northeurope', 'uksouth', 'ukwest', 'eastus', 'eastus2', 'westus', 'westus2', 'centralus', 'japaneast', 'francecentral', 'germanywestcentral', 'swedencentral']);

/**
 * Resource group names of the public samples the check fixtures were copied from (ARM and SDK
 * documentation examples): a client reading "res9101" or "testrg123" in the evidence sees samples.
 */
const FIXTURE_RESOURCE_GROUPS = [
  'myResourceGroup', 'ResourceGroupName', 'myRg', 'res9101', 'res9407', 'rg1', 'MC_rg1', 'rg',
  'sample-resource-group', 'sqlcrudtest-7398', 'testrg123', 'eu2cgroup', 'peerTest', 'Default-Network',
  'myresourceGroupName2', 'myresourceGroupName3',
];

/** Every resource group name the bundle spells: in ids (any case), resourceGroup columns, services' `<subscription>/<group>`. */
function resourceGroupNames(text: string): Set<string> {
  const inIds = [...text.matchAll(/\/resourceGroups\/([^/"]+)/gi)].map((m) => m[1]!);
  const inColumns = [...text.matchAll(/"resourceGroup":"([^"]*)"/g)].map((m) => m[1]!);
  const nodeGroups = [...text.matchAll(/"nodeResourceGroup":"(MC_[^_"]+(?:_[^_"]+)*?)_[^_"]+_[a-z0-9]+"/gi)].map((m) => m[1]!);
  return new Set([...inIds, ...inColumns, ...nodeGroups].map((g) => g.toLowerCase()));
}

describe('the demo estate', () => {
  const inScope = new Set(bundle.assessment.scope.subscriptions);

  it('keeps every resource, and every subscription a resource refers to, inside the agreed scope', () => {
    expect(inScope.size).toBe(3);
    const outside = bundle.inventory.resources.filter((r) => !inScope.has(r.subscriptionId)).map((r) => r.id);
    expect(outside).toEqual([]);
    // ids inside a resource's properties (a plan, an identity, a peer network) show in the evidence too
    const referenced = new Set([...JSON.stringify(bundle.inventory).matchAll(/\/subscriptions\/([0-9a-z-]{36})/gi)].map((m) => m[1]!.toLowerCase()));
    expect([...referenced].filter((id) => !inScope.has(id))).toEqual([]);
  });

  it('names each in-scope subscription', () => {
    const named = bundle.inventory.resources.filter((r) => r.type === 'microsoft.resources/subscriptions');
    expect(named.map((r) => r.subscriptionId).sort()).toEqual([...inScope].sort());
    for (const s of named) expect(s.name).toMatch(/^Contoso Pharma /);
  });

  it('places every resource in a real Azure location', () => {
    const odd = bundle.inventory.resources.filter((r) => !AZURE_LOCATIONS.has(r.location ?? '')).map((r) => `${r.name}: ${r.location}`);
    expect(odd).toEqual([]);
    expect(JSON.stringify(bundle.inventory)).not.toMatch(/location1\b/);
  });

  it('has interview notes written for their question, never one sentence repeated', () => {
    const notes = Object.values(bundle.answers).flatMap((a) => (a.note ? [a.note] : []));
    expect(notes.length).toBeGreaterThan(10);
    expect(notes.length).toBeLessThan(Object.keys(bundle.answers).length / 2); // most answers carry no note
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('names no resource group after the public samples it was built from', () => {
    const text = JSON.stringify(bundle);
    const groups = resourceGroupNames(text);
    expect(groups.size).toBeGreaterThan(10); // the reader found the groups
    const left = FIXTURE_RESOURCE_GROUPS.filter((g) => groups.has(g.toLowerCase()));
    expect(left).toEqual([]);
    // anywhere else (a backup item's name, a note, a service's `<subscription>/<group>`), as a whole name;
    // "rg" alone is also the remediation commands' placeholder (`--resource-group <rg>`)
    const wholeName = (g: string) => new RegExp(`(?<![A-Za-z0-9_.<-])${g.replace(/[.-]/g, '\\$&')}(?![A-Za-z0-9.>-])`, 'i');
    const anywhere = FIXTURE_RESOURCE_GROUPS.filter((g) => wholeName(g).test(text));
    expect(anywhere).toEqual([]);
  });

  it('runs AKS only in the Research subscription, as the PAS-04 interview note says', () => {
    const research = bundle.inventory.resources.find((r) => r.type === 'microsoft.resources/subscriptions' && r.name === 'Contoso Pharma Research')!;
    const clusters = bundle.inventory.resources.filter((r) => r.type === 'microsoft.containerservice/managedclusters');
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.filter((c) => c.subscriptionId !== research.subscriptionId || c.resourceGroup !== 'rg-research-sandbox').map((c) => c.name)).toEqual([]);
    expect(bundle.answers['PAS-04']?.note).toMatch(/rg-research-sandbox/);
  });
});
