/**
 * The named emergency access accounts in the CLI: `demarc assess` writes the accounts it used
 * into the bundle (graphSettings), `--break-glass-from` reads them back from a bundle (as the
 * app exports them) and each `--break-glass` adds to them; a bad name is refused and named.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { byId } from '../../fixtures/graph/fail-variants';
import { BG2, BREAK_GLASS_UPNS, snapshotOf, wellConfiguredTenant } from '../../fixtures/graph/tenant';
import { graphCommandsForTest } from './cli-io';

interface Written {
  graphSettings?: { breakGlassAccounts: string[] };
  inventory: { findings: { checkId: string; status: string; evidence: Record<string, unknown> }[]; snapshots: { notAssessed?: { checkId: string }[] }[] };
}

let dir: string;
const read = async (file: string) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Written;
const gr09 = (b: Written) => b.inventory.findings.find((f) => f.checkId === 'GR-09');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'demarc-cli-break-glass-'));
  const data = wellConfiguredTenant();
  // the second account is synchronised from on-premises: only one is usable
  byId(data, 'users', BG2).onPremisesSyncEnabled = true;
  await writeFile(path.join(dir, 'graph.json'), JSON.stringify(snapshotOf(data)));
});

describe('demarc assess and the named emergency access accounts', () => {
  it('writes the accounts it checked with into the bundle', async () => {
    const cli = graphCommandsForTest(dir);
    expect(await cli.run(['assess', '--inventory', 'graph.json', '--break-glass', BREAK_GLASS_UPNS[0]!, '-o', 'first.demarc.json'])).toBe(0);
    const bundle = await read('first.demarc.json');
    expect(bundle.graphSettings).toEqual({ breakGlassAccounts: [BREAK_GLASS_UPNS[0]] });
    expect(gr09(bundle)).toMatchObject({ status: 'fail', evidence: { named: 1, usable: 1 } });
  });

  it('reads them back from a bundle and adds --break-glass to them (a name already there counts once)', async () => {
    const cli = graphCommandsForTest(dir);
    const args = ['assess', '--inventory', 'graph.json', '--break-glass-from', 'first.demarc.json', '--break-glass', BREAK_GLASS_UPNS[1]!, '--break-glass', BREAK_GLASS_UPNS[0]!.toUpperCase(), '-o', 'second.demarc.json'];
    expect(await cli.run(args)).toBe(0);
    const bundle = await read('second.demarc.json');
    expect(bundle.graphSettings).toEqual({ breakGlassAccounts: BREAK_GLASS_UPNS });
    expect(gr09(bundle)).toMatchObject({ status: 'fail', evidence: { named: 2, usable: 1, problems: ['breakglass2@contoso.onmicrosoft.com: synchronised from on-premises'] } });
  });

  it('writes no graphSettings and leaves GR-09 not assessed without names', async () => {
    const cli = graphCommandsForTest(dir);
    expect(await cli.run(['assess', '--inventory', 'graph.json', '-o', 'none.demarc.json'])).toBe(0);
    const bundle = await read('none.demarc.json');
    expect(bundle.graphSettings).toBeUndefined();
    expect(gr09(bundle)).toBeUndefined();
    expect(bundle.inventory.snapshots[0]!.notAssessed?.map((n) => n.checkId)).toContain('GR-09');
  });

  it('refuses a name that is neither a sign-in name nor an object id, and warns of a bundle that names none', async () => {
    const bad = graphCommandsForTest(dir);
    expect(await bad.run(['findings', '--inventory', 'graph.json', '--break-glass', 'breakglass'])).toBe(1);
    expect(bad.stderr()).toContain("--break-glass: 'breakglass' is neither a user principal name (name@domain) nor an object id (a GUID)");
    const empty = graphCommandsForTest(dir);
    expect(await empty.run(['findings', '--inventory', 'graph.json', '--break-glass-from', 'none.demarc.json', '--json'])).toBe(0);
    expect(empty.stderr()).toContain('warning: none.demarc.json names no emergency access accounts.');
  });
});
