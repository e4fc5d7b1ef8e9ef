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
});
