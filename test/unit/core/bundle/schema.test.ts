import { describe, expect, it } from 'vitest';
import { AssessmentBundleSchema, fromBundleResource, parseBundle, toBundleResource, type AssessmentBundle } from '../../../../core/bundle/schema';
import { normaliseRows, serviceModelLookup } from '../../../../core/inventory/normalise';

const resource = normaliseRows(
  [{ id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a', type: 'Microsoft.Storage/storageAccounts', name: 'a', properties: { x: 1 } }],
  serviceModelLookup(new Map([['microsoft.storage/storageaccounts', 'paas']])),
)[0]!;

function bundle(): AssessmentBundle {
  return {
    format: 'demarc-assessment',
    schemaVersion: 1,
    exportedAt: '2026-11-29T10:00:00.000Z',
    assessment: {
      id: 'a1',
      name: 'Contoso 2026',
      client: 'Contoso',
      status: 'draft',
      createdAt: '2026-11-29T09:00:00.000Z',
      updatedAt: '2026-11-29T10:00:00.000Z',
      packId: 'azure-m365',
      packVersion: '1.0.0',
      matrixId: 'jan-2026',
      matrixVersion: '2026-01-12',
      riskMatrixId: 'iso27005-5x5',
      riskMatrixVersion: '1.0.0',
      scope: { serviceModels: ['paas'], subscriptions: ['s1'] },
    },
    answers: { 'SCOPE-MODELS': { choices: ['paas'] } },
    contacts: [{ id: 'c1', name: 'Alex', role: 'CISO' }],
    inventory: { snapshots: [{ id: 'snap1', takenAt: '2026-11-29T09:30:00Z', source: 'file-import', rowCount: 1, subscriptions: ['s1'] }], resources: [toBundleResource(resource, 'snap1')], findings: [] },
    risks: [],
    contentPack: { id: 'azure-m365', version: '1.0.0' },
  };
}

describe('assessment bundle schema', () => {
  it('accepts a complete bundle and round-trips resources', () => {
    expect(AssessmentBundleSchema.safeParse(bundle()).success).toBe(true);
    expect(fromBundleResource(toBundleResource(resource, 'snap1'))).toEqual(resource);
  });
  it('rejects unknown keys, bad versions and dangling references with JSON paths, returning no data', () => {
    const b = bundle() as unknown as Record<string, unknown>;
    (b.assessment as Record<string, unknown>).colour = 'red';
    (b.inventory as { resources: { snapshotId: string }[] }).resources[0]!.snapshotId = 'nope';
    (b.contentPack as Record<string, unknown>).version = '9.9.9';
    const r = parseBundle(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['assessment', 'contentPack', 'inventory.resources[0].snapshotId']));
    expect(parseBundle({ ...bundle(), schemaVersion: 2 }).ok).toBe(false);
  });
  it('checks business services, provider worksheets and report settings, naming each bad field by its path', () => {
    const service = { id: 'lims', name: 'LIMS', resourceIds: [], resourceGroups: [] };
    const good = { ...bundle(), businessServices: [service], providerWorksheets: [{ provider: 'aws', answers: [{ itemId: 'sla-read', status: 'yes' }] }], deliverable: { depth: 'standard', status: 'draft' } };
    expect(parseBundle(good).ok).toBe(true);
    const r = parseBundle({
      ...good,
      businessServices: [service, { ...service, rtoMinutes: -5 }],
      providerWorksheets: [{ provider: 'aws', answers: [{ itemId: 'sla-read', status: 'maybe' }] }],
      deliverable: { depth: 'everything' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['businessServices[1].rtoMinutes', 'providerWorksheets[0].answers[0].status', 'deliverable.depth']));
    // cross-item rules run once every field is valid
    const dup = parseBundle({ ...good, businessServices: [service, { ...service, name: 'LIMS again' }] });
    expect(dup.ok ? [] : dup.errors).toEqual([{ path: 'businessServices[1]', message: "duplicate business service id 'lims'" }]);
  });
});
