import { describe, expect, it } from 'vitest';
import { COMMITMENT_FILES, loadCommitments } from '../../../../core/commitments/load';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';

const files = readPackFiles(defaultPackDir).filter((f) => f.path.startsWith('commitments/'));
const withSla = (edit: (text: string) => string) => files.map((f) => (f.path === COMMITMENT_FILES.sla ? { ...f, text: edit(f.text) } : f));

describe('provider commitment data', () => {
  it('the bundled SLA table and support plans load with every source resolved', () => {
    const { commitments, errors } = loadCommitments(files);
    expect(errors).toEqual([]);
    const sources = new Set(commitments!.sla.sources.map((s) => s.id));
    for (const service of commitments!.sla.services) for (const tier of service.tiers) expect(sources.has(tier.source)).toBe(true);
  });

  it('refuses a tier citing a source that is not listed, naming file and path', () => {
    const { errors } = loadCommitments(withSla((t) => t.replace('source: AKS-TIERS', 'source: NOWHERE')));
    expect(errors).toContainEqual(expect.objectContaining({ file: COMMITMENT_FILES.sla, message: "unknown source 'NOWHERE'" }));
  });

  it('refuses a guessed shape: an uptime that is neither a percentage, none nor unknown', () => {
    const { errors, commitments } = loadCommitments(withSla((t) => t.replace('uptime: 99.95\n', 'uptime: about 99.9\n')));
    expect(commitments).toBeUndefined();
    expect(errors[0]).toMatchObject({ file: COMMITMENT_FILES.sla, path: expect.stringMatching(/^services\[\d+\]\.tiers\[\d+\]\.uptime$/) });
  });

  it('refuses a table missing a tier the inventory classifier can choose', () => {
    const { errors } = loadCommitments(withSla((t) => t.replace('id: aks-free', 'id: aks-gratis')));
    expect(errors).toContainEqual(expect.objectContaining({ message: "no tier 'aks-free': the inventory classifier needs it" }));
  });

  it('refuses credit tiers that do not start at the committed figure', () => {
    const { errors } = loadCommitments(withSla((t) => t.replace('credits: [{ below: 99.95, credit: 10 }', 'credits: [{ below: 99.9, credit: 10 }')));
    expect(errors.some((e) => e.path.endsWith('credits[0].below'))).toBe(true);
  });
});

describe('other providers', () => {
  const withOthers = (edit: (text: string) => string) => files.map((f) => (f.path === COMMITMENT_FILES.otherProviders ? { ...f, text: edit(f.text) } : f));

  it('every row names an owner for exactly the provider columns, on a canonical area', () => {
    const missingColumn = loadCommitments(withOthers((t) => t.replace('{ area: customer-data, owners: { infrastructure: customer, container: customer, abstracted: customer }', '{ area: customer-data, owners: { infrastructure: customer, container: customer }')));
    expect(missingColumn.errors).toContainEqual(expect.objectContaining({ path: 'providers[0].rows[0].owners', message: 'owners must name exactly the columns abstracted, container, infrastructure' }));
    const badArea = loadCommitments(withOthers((t) => t.replace('{ area: physical-network, owners: { infrastructure', '{ area: cables, owners: { infrastructure')));
    expect(badArea.errors).toContainEqual(expect.objectContaining({ message: "'cables' is not a canonical responsibility area" }));
  });

  it('keeps an unknown cell unknown', () => {
    const gcp = loadCommitments(files).commitments!.otherProviders.providers.find((p) => p.id === 'gcp')!;
    expect(gcp.rows.find((r) => r.area === 'network-controls')!.owners.iaas).toBe('unknown');
  });
});
