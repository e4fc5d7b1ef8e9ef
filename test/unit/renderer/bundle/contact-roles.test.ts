import { describe, expect, it } from 'vitest';
import { bundleToDump, dumpToBundle } from '../../../../renderer/bundle/bundle-mapping';
import { unassignedRequiredIrRoles } from '../../../../core/report/ir-roles';
import { loadDemo } from '../../core/report/helpers';

describe('bundle mapping: contacts keep their IR roles and deputy', () => {
  const { bundle, pack } = loadDemo();
  const dump = bundleToDump(bundle, pack);

  it('reads `IR role:` entries into the app rows, and writes them back with the deputy', () => {
    expect(dump.contacts[0]).toMatchObject({ name: 'Priya Natarajan', roles: ['incident-lead'], deputy: 'Aisha Rahman' });
    expect(dump.contacts.find((c) => c.name === 'Aisha Rahman')!.roles).toEqual(['incident-deputy', 'it-cloud-platform']);
    const exported = dumpToBundle(dump, bundle.exportedAt);
    expect(exported.contacts.map((c) => c.responsibilities)).toEqual(bundle.contacts.map((c) => c.responsibilities));
    expect(unassignedRequiredIrRoles(exported)).toEqual([]);
  });

  it('drops role ids the vocabulary does not know, and a row written before roles existed exports as before', () => {
    const rows = dump.contacts.map((c, i) => (i === 0 ? { ...c, roles: ['astronaut', 'mssp'] } : i === 1 ? (({ roles: _r, ...rest }) => rest)(c) : c));
    const exported = dumpToBundle({ ...dump, contacts: rows }, bundle.exportedAt);
    expect(exported.contacts[0]!.responsibilities).toEqual(['IR role: mssp', 'Deputy: Aisha Rahman']);
    expect(exported.contacts[1]!.responsibilities).toBeUndefined();
  });
});
