import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/checks/run-checks';
import { deriveRisks, VERIFY_TEXT } from '../../../../core/risks/derive';
import { ownerAcross, ownerFor } from '../../../../core/risks/owner';
import { riskLevel } from '../../../../core/risks/scoring';
import { loadTestPack } from '../pack-helper';

const pack = loadTestPack();
const jan = pack.matrices.get('jan-2026')!;
const classic = pack.matrices.get('classic')!;

const finding = (checkId: string, resourceId: string, serviceModel: Finding['serviceModel'], status: Finding['status'] = 'fail'): Finding => ({
  checkId,
  title: checkId,
  resourceId,
  resourceName: resourceId.split('/').pop()!,
  resourceType: 't',
  subscriptionId: resourceId.split('/')[2]!,
  status,
  severity: 'high',
  owner: 'customer',
  responsibilityArea: 'configurations-settings',
  serviceModel,
  evidence: {},
});

describe('owner lookup', () => {
  it('follows docs/DOMAIN.md §1a and §1b through the area maps', () => {
    expect(ownerFor(jan, 'network-controls', 'paas')).toBe('shared');
    expect(ownerFor(jan, 'network-controls', 'saas')).toBe('microsoft');
    expect(ownerFor(jan, 'operating-system', 'iaas')).toBe('customer');
    expect(ownerFor(jan, 'client-devices', 'saas')).toBe('shared');
    expect(ownerFor(classic, 'client-devices', 'saas')).toBe('customer');
    expect(ownerFor(classic, 'configurations-settings', 'saas')).toBe('customer'); // answered by Information and data since pack 1.1.0
    expect(ownerFor(classic, 'physical-network', 'iaas')).toBe('microsoft');
  });
  it('is shared when the models involved have different owners; area-wide when no model is known', () => {
    expect(ownerAcross(jan, 'network-controls', ['iaas', 'paas'])).toBe('shared');
    expect(ownerAcross(jan, 'network-controls', ['iaas', 'iaas'])).toBe('customer');
    expect(ownerAcross(jan, 'customer-data', ['unknown'])).toBe('customer');
    expect(ownerAcross(jan, 'applications', ['unknown'])).toBe('unknown');
  });
});

describe('deriveRisks', () => {
  it('raises one risk per template assessment-wide, linking every failing finding, resource and subscription', () => {
    const findings = [
      finding('ST-01', '/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s1', 'paas'),
      finding('AP-01', '/subscriptions/sub-b/resourceGroups/r/providers/Microsoft.Web/sites/w1', 'paas'),
      finding('ST-01', '/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s2', 'paas', 'pass'),
    ];
    const risks = deriveRisks({ pack, answers: {}, findings });
    expect(risks).toHaveLength(1);
    const [r] = risks;
    expect(r).toMatchObject({ id: 'R-001', templateId: 'RT-DATA-IN-TRANSIT', owner: 'customer', action: 'remediate', inherentLevel: riskLevel(pack.riskMatrix, 3, 3) });
    expect(r!.evidence.affectedResources).toHaveLength(2);
    expect(r!.evidence.subscriptions).toEqual(['sub-a', 'sub-b']);
    expect(r!.evidence.findings.map((f) => f.checkId)).toEqual(['ST-01', 'AP-01']);
  });

  it('makes a risk shared when its findings span models with different owners', () => {
    const findings = [
      finding('NW-01', '/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/n1', 'iaas'),
      finding('ST-05', '/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s1', 'paas'),
    ];
    const risks = deriveRisks({ pack, answers: {}, findings });
    const mgmt = risks.find((x) => x.templateId === 'RT-NW-MGMT-EXPOSED')!;
    const paas = risks.find((x) => x.templateId === 'RT-PAAS-PUBLIC-NETWORK')!;
    expect(mgmt.owner).toBe('customer');
    expect(paas.owner).toBe('shared');
    expect(paas.verification).toBe(VERIFY_TEXT);
    // one template, findings from IaaS and PaaS: network controls are customer in IaaS, shared in PaaS
    const mixed = deriveRisks({
      pack,
      answers: {},
      findings: [
        finding('NW-03', '/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Network/networkInterfaces/nic1', 'iaas'),
        finding('NW-10', '/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/n2', 'iaas'),
      ],
    });
    expect(mixed[0]!.owner).toBe('customer');
    expect(mixed[0]!.ownerBasis).toEqual([{ serviceModel: 'iaas', owner: 'customer' }]);
  });

  it('flags an answer contradicted by the inventory', () => {
    const findings = [finding('ST-01', '/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/legacy', 'paas')];
    const answers = { 'SCOPE-MODELS': { choices: ['paas'] }, 'DAT-01': { choices: ['all'] } };
    const [r] = deriveRisks({ pack, answers, findings });
    expect(r!.disagreements).toHaveLength(1);
    expect(r!.disagreements[0]).toMatchObject({ questionId: 'DAT-01', checkId: 'ST-01', failingResources: [findings[0]!.resourceId] });
    expect(r!.disagreements[0]!.message).toMatch(/says this is in place, but the inventory shows 1 resource failing ST-01 \(/);
    expect(r!.evidence.answers).toEqual([{ questionId: 'DAT-01', choices: ['all'], result: 'compliant', score: 100 }]);
  });

  it('says the number of failing resources in the right number: "1 resource", "3 resources", never "(s)"', () => {
    const answers = { 'SCOPE-MODELS': { choices: ['paas'] }, 'DAT-01': { choices: ['all'] } };
    const storage = (name: string) => finding('ST-01', `/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/${name}`, 'paas');
    const messageFor = (findings: Finding[]) => deriveRisks({ pack, answers, findings })[0]!.disagreements[0]!.message;
    expect(messageFor([storage('a')])).toContain('the inventory shows 1 resource failing ST-01');
    const many = messageFor([storage('a'), storage('b'), storage('c')]);
    expect(many).toContain('the inventory shows 3 resources failing ST-01');
    expect(many).not.toContain('(s)');
  });

  it('raises interview risks from partial and non-compliant answers, with models from the scope', () => {
    const answers = { 'SCOPE-MODELS': { choices: ['iaas', 'paas'] }, 'DAT-01': { choices: ['some'] }, 'DAT-02': { choices: ['vm'] } };
    const risks = deriveRisks({ pack, answers, findings: [] });
    expect(risks.map((r) => r.templateId).sort()).toEqual(['RT-DATA-IN-TRANSIT', 'RT-VM-NO-BACKUP']);
    const backup = risks.find((r) => r.templateId === 'RT-VM-NO-BACKUP')!;
    expect(backup.serviceModels).toEqual(['iaas']); // question concerns iaas+saas, scope is iaas+paas
    expect(backup.evidence.answers[0]).toMatchObject({ questionId: 'DAT-02', result: 'partial', score: 50 });
  });

  it('gives provider-owned risks a verify action', () => {
    const risks = deriveRisks({ pack, answers: { 'SCOPE-MODELS': { choices: ['paas'] }, 'DAT-03': { choices: ['no'] } }, findings: [] });
    expect(risks[0]).toMatchObject({ templateId: 'RT-TEST-PHYSICAL', owner: 'microsoft', action: 'verify', verification: VERIFY_TEXT });
  });

  it('ignores answers to hidden questions', () => {
    const risks = deriveRisks({ pack, answers: { 'SCOPE-M365': { choices: ['no'] }, 'DAT-04': { choices: ['no'] } }, findings: [] });
    expect(risks).toEqual([]);
  });

  it('numbers risks deterministically by level and keeps previous ids stable', () => {
    const findings = [
      finding('ST-01', '/subscriptions/a/x/s1', 'paas'),
      finding('NW-01', '/subscriptions/a/x/n1', 'iaas'),
      finding('KV-01', '/subscriptions/a/x/k1', 'paas'),
    ];
    const first = deriveRisks({ pack, answers: {}, findings });
    const again = deriveRisks({ pack, answers: {}, findings: [...findings].reverse() });
    expect(again.map((r) => [r.id, r.templateId])).toEqual(first.map((r) => [r.id, r.templateId]));
    expect(first[0]!.templateId).toBe('RT-NW-MGMT-EXPOSED'); // likelihood 5 x impact 4: the highest level
    const later = deriveRisks({ pack, answers: {}, findings: [...findings, finding('VM-05', '/subscriptions/a/x/vm', 'iaas')], previous: first });
    for (const r of first) expect(later.find((x) => x.templateId === r.templateId)!.id).toBe(r.id);
    expect(later.find((x) => x.templateId === 'RT-VM-NO-BACKUP')!.id).toBe('R-004');
  });

  it('uses the selected matrix', () => {
    // client devices in SaaS: Shared in the 2026 table, the customer's in the classic diagram
    const answers = { 'SCOPE-MODELS': { choices: ['saas'] }, 'SCOPE-M365': { choices: ['yes'] }, 'DAT-04': { choices: ['no'] } };
    expect(deriveRisks({ pack, answers, findings: [], matrixId: 'classic' })[0]!.owner).toBe('customer');
    expect(deriveRisks({ pack, answers, findings: [] })[0]!.owner).toBe('shared');
  });
});
