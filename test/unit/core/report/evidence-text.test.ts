import { describe, expect, it } from 'vitest';
import { verifyFixtures } from '../../../../core/checks/fixtures';
import { evidenceFullText, evidenceLines, evidenceTable, readableEvidence, type ReadableEvidence } from '../../../../core/report/evidence-text';
import { softBreaks } from '../../../../core/report/render/text-metrics';
import { loadTestPack } from '../pack-helper';

// Real rows: each check's fail fixture (assessments/azure-m365/checks/fixtures/<ID>.fail.json),
// run through the check engine, then rendered for people.
const pack = loadTestPack();
const { outcomes } = verifyFixtures(pack);

/** The readable evidence of a failing finding of a check's fail fixture (the first, or the named resource). */
function evidenceOf(checkId: string, resourceName?: string): ReadableEvidence {
  const outcome = outcomes.find((o) => o.checkId === checkId)!;
  const rows = (pack.fixtures.get(checkId)?.fail ?? []) as Record<string, unknown>[];
  const byId = new Map(rows.filter((r) => typeof r.id === 'string').map((r) => [String(r.id).toLowerCase(), { name: String(r.name), type: String(r.type), row: r }]));
  const f = outcome.failFindings.find((x) => x.status === 'fail' && (resourceName === undefined || x.resourceName === resourceName))!;
  expect(f, `${checkId} ${resourceName ?? ''}`).toBeDefined();
  return readableEvidence(pack.checks.find((c) => c.id === checkId), f, byId.get(f.resourceId.toLowerCase())?.row, (id) => byId.get(id.toLowerCase()));
}

describe('readable evidence', () => {
  it('NSG findings: a rule table (rule, priority, protocol, exposed ports, source, action) and a count of the rules', () => {
    const e = evidenceOf('NW-01', 'nsg-rdp-range');
    expect(e.kind).toBe('nsg');
    expect(e.rules).toEqual([{ rule: 'allow-mgmt-range', priority: '120', protocol: 'TCP', ports: '3380-3390', exposed: '3389', source: 'Any (0.0.0.0/0)', action: 'Allow' }]);
    expect(e.summary).toBe('1 security rule; 1 allows TCP 22, 3389 from the Internet: allow-mgmt-range (3389).');
    const udp = evidenceOf('NW-10', 'nsg-udp-open');
    expect(udp.rules[0]).toMatchObject({ rule: 'allow-any-any', protocol: 'Any', exposed: 'all', source: 'Any' });
    expect(evidenceFullText(e)).toContain('allow-mgmt-range: priority 120, TCP, ports 3380-3390 (exposed 3389), from Any (0.0.0.0/0), Allow');
  });

  it('Defender alerts by display name, severity, status and affected resource, not by id', () => {
    const e = evidenceOf('DF-06');
    expect(e.kind).toBe('items');
    expect(e.items).toEqual([{ name: 'Successful brute force attack', severity: 'High', status: 'Active since 2026-11-20', resource: 'vm-jump01', detail: 'Successful RDP brute force attack detected.' }]);
    expect(e.summary).toBe('Successful brute force attack (severity High, Active since 2026-11-20) on vm-jump01');
    expect(e.summary).not.toContain('2517563212345678901');
  });

  it('attack paths (an aggregate naming their ids) by display name and risk level, read from their stored rows', () => {
    const e = evidenceOf('DF-07');
    expect(e.kind).toBe('items');
    expect(e.items[0]).toMatchObject({ name: 'Internet exposed VM with high severity vulnerabilities has permissions to a storage account', severity: 'High' });
    expect(e.items[0]!.detail).toContain('Risk: Data exposure');
  });

  it('Defender recommendations, compliance controls and secure score controls by name', () => {
    expect(evidenceOf('DF-04').items[0]).toMatchObject({ name: 'Install endpoint protection solution on virtual machine scale sets', severity: 'High', status: 'Unhealthy', resource: 'vmss2' });
    expect(evidenceOf('DF-05').items[0]).toMatchObject({ name: 'Storage accounts should restrict network access', status: 'Failed', resource: 'Microsoft-cloud-security-benchmark control NS.1' });
    expect(evidenceOf('DF-03').items[0]).toMatchObject({ name: 'Restrict unauthorized network access', status: '1 unhealthy, 2 healthy' });
  });

  it('settings as "setting: value (expected: value)", the expectation from the check condition', () => {
    expect(evidenceOf('ST-04').summary).toBe('allowSharedKeyAccess: true (expected: false)');
    expect(evidenceOf('AP-02').summary).toBe('minTlsVersion: 1.0 (expected: 1.2 or 1.3)');
    // the plan's name is the resource's name: not repeated after its settings
    expect(evidenceOf('DF-01', 'AppServices').summary).toBe('pricingTier: Free (expected: Standard)');
    // a missing boolean passes a test for the opposite value
    expect(evidenceOf('CR-01').summary).toBe('adminUserEnabled: true (expected: false (or not set))');
    // an existence guard that repeats the scope is left out; the value tests stay
    expect(evidenceOf('VM-06').settings.map((s) => s.setting)).toEqual(['osProfile.windowsConfiguration.patchSettings.patchMode', 'osProfile.windowsConfiguration.enableAutomaticUpdates']);
    expect(evidenceOf('ST-09').settings[0]).toEqual({ setting: 'sku.name', value: 'Standard_LRS', expected: 'neither Standard_LRS nor Premium_LRS' });
    // a fraction Azure stores for a percentage reads as the percentage the check's title names
    expect(evidenceOf('DF-02').summary).toMatch(/^score\.percentage: \d+(\.\d+)? % \(expected: 70 % or more\)$/);
    // role assignments by role and principal type: a principal id (masked in the report) tells a reader nothing
    expect(evidenceOf('ID-01').summary).toBe('owners: Owner to 1 user (expected: at least 2 and at most 3)');
  });

  it('long lists are summarised by count, never cut; the whole list stays for the spreadsheet', () => {
    const e = evidenceOf('GR-03');
    const roles = e.settings.find((s) => s.setting === 'rolesNotCovered')!;
    expect(roles.value).toMatch(/^14: Global Administrator, .* and 6 more$/);
    expect(roles.fullValue!.split(', ')).toHaveLength(14);
    expect(evidenceFullText(e)).toContain('Helpdesk Administrator');
  });

  it('Graph findings: the expected value of each rule, guest roles by name', () => {
    expect(evidenceOf('GR-11').summary).toBe('allowInvitesFrom: everyone (expected: adminsAndGuestInviters or none)');
    expect(evidenceOf('GR-17').summary).toBe('guestUserRoleId: User (same access as members) (expected: Guest User (limited access) or Restricted Guest User)');
    expect(evidenceOf('GR-02').settings[0]).toEqual({ setting: 'globalAdministrators', value: '5', expected: '2-4' });
    expect(evidenceOf('GR-01').summary).toContain('isMfaRegistered: not set (expected: true)');
  });

  it('no failing fixture renders JSON or a cut: every summary is words', () => {
    for (const o of outcomes) {
      const e = evidenceOf(o.checkId);
      expect(e.summary, o.checkId).not.toMatch(/[{}"]|truncated|\[object/);
      expect(e.summary.length, o.checkId).toBeGreaterThan(0);
      expect(JSON.parse(e.raw), o.checkId).toBeTypeOf('object');
    }
  });
});

describe('a risk’s evidence for the report', () => {
  const group = (checkId: string, names: string[]) => ({
    checkId,
    checkTitle: pack.checks.find((c) => c.id === checkId)!.title,
    total: names.length,
    resources: names.map((n) => {
      const detail = evidenceOf(checkId, n);
      return { name: n, evidence: detail.summary, detail };
    }),
  });

  it('evidenceTable: the NSG rule table, a row per exposing rule', () => {
    const t = evidenceTable(group('NW-01', ['nsg-rdp-range', 'nsg-ssh-list']));
    expect(t.header).toEqual(['NSG', 'Rule', 'Priority', 'Protocol', 'Ports open', 'Source', 'Action']);
    expect(t.rows[0]).toEqual(['nsg-rdp-range', 'allow-mgmt-range', '120', 'TCP', '3389', 'Any (0.0.0.0/0)', 'Allow']);
    expect(t.weights).toHaveLength(t.header.length);
  });

  it('evidenceTable: settings with the resource named once', () => {
    const t = evidenceTable(group('VM-06', ['myVM']));
    expect(t.header).toEqual(['Resource', 'Setting', 'Value', 'Expected']);
    expect(t.rows.map((r) => r[0])).toEqual(['myVM', '']);
    // long property paths may wrap between segments (zero-width spaces), never inside a word
    expect(t.rows[0]![1]).toBe(softBreaks('osProfile.windowsConfiguration.patchSettings.patchMode'));
    expect(t.rows[0]![1]).toContain('patchSettings.\u200BpatchMode');
  });

  it('evidenceTable: resources with the same settings and values share their rows', () => {
    const a = group('ST-04', ['sto4445'])!.resources[0]!;
    const t = evidenceTable({ checkId: 'ST-04', checkTitle: 'x', total: 3, resources: [a, { ...a, name: 'sto-copy' }, { name: 'sto-gone', evidence: '' }] });
    expect(t.rows).toEqual([
      ['sto4445, sto-copy', 'allowSharedKeyAccess', 'true', 'false'],
      ['sto-gone', '', '', ''],
    ]);
  });

  it('evidenceLines: one sentence per check, resources beyond the first three counted', () => {
    const g = { ...group('NW-01', ['nsg-rdp-range', 'nsg-ssh-list']), total: 5 };
    const [line] = evidenceLines([g]);
    expect(line).toBe(
      'NW-01 NSG allows RDP or SSH from the Internet (5 resources): nsg-rdp-range: 1 security rule; 1 allows TCP 22, 3389 from the Internet: allow-mgmt-range (3389). ' +
        `nsg-ssh-list: ${g.resources[1]!.evidence.replace(/\.$/, '')}; and 3 more.`,
    );
  });
});
