import { describe, expect, it } from 'vitest';
import { loadTestPack } from '../pack-helper';

/*
 * Corrections from the senior review of the content pack (issue 10): each assertion here failed
 * on the pack before its correction. Behaviour of a check is tested by its fixtures
 * (check-fixtures.test.ts); this file pins remediation texts and fixture validity that fixtures
 * alone cannot show.
 */
const pack = loadTestPack();
const check = (id: string) => {
  const c = pack.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};

interface VmRow {
  type: string;
  name: string;
  properties?: { osProfile?: { windowsConfiguration?: { enableAutomaticUpdates?: boolean; provisionVMAgent?: boolean; patchSettings?: { patchMode?: string } } } };
}

describe('virtual machine remediation and fixtures', () => {
  it('VM-04 turns password sign-in off, not only adds a key', () => {
    const cli = check('VM-04').remediation.cli ?? '';
    expect(cli).toMatch(/PasswordAuthentication no/);
    expect(cli).toMatch(/--ssh-key-value/);
  });

  it('VM-06 remediates each OS through its own configuration block', () => {
    const cli = check('VM-06').remediation.cli ?? '';
    expect(cli).toMatch(/osProfile\.windowsConfiguration\.patchSettings\.patchMode=AutomaticByPlatform/);
    expect(cli).toMatch(/osProfile\.windowsConfiguration\.enableAutomaticUpdates=true/);
    expect(cli).toMatch(/osProfile\.linuxConfiguration\.patchSettings\.patchMode=AutomaticByPlatform/);
  });

  // ARM rejects these shapes: Manual needs enableAutomaticUpdates false; AutomaticByOS and
  // AutomaticByPlatform need it true (AutomaticByPlatform also needs provisionVMAgent true).
  it('every Windows VM in the check fixtures has a patch mode ARM accepts', () => {
    for (const [id, fx] of pack.fixtures) {
      for (const row of [...(fx.pass ?? []), ...(fx.fail ?? [])] as unknown as VmRow[]) {
        const win = row.type === 'microsoft.compute/virtualmachines' ? row.properties?.osProfile?.windowsConfiguration : undefined;
        const mode = win?.patchSettings?.patchMode;
        if (!win || !mode) continue;
        const where = `${id} fixture, VM ${row.name}`;
        if (mode === 'Manual') expect(win.enableAutomaticUpdates, where).toBe(false);
        else expect(win.enableAutomaticUpdates, where).not.toBe(false);
        if (mode === 'AutomaticByPlatform') expect(win.provisionVMAgent, where).not.toBe(false);
      }
    }
  });
});
