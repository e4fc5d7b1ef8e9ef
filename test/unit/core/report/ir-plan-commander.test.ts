import { describe, expect, it } from 'vitest';
import type { AssessmentBundle } from '../../../../core/bundle/schema';
import { loadPack } from '../../../../core/content/loader';
import { NOTIFICATION_CLOCKS_FILE } from '../../../../core/content/notification-clocks';
import { assignIrRoles, irSetupGaps, isFilled, responsibilitiesWith, taggedRoles, unassignedRequiredIrRoles } from '../../../../core/report/ir-roles';
import { buildReportModel } from '../../../../core/report/model';
import { minimumColumnWidths } from '../../../../core/report/render/context';
import { textWidthTwips } from '../../../../core/report/render/text-metrics';
import { selectNotificationClocks } from '../../../../core/report/notification-clocks';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';
import { loadDemo } from './helpers';

type Contact = AssessmentBundle['contacts'][number];
const person = (name: string, role: string, responsibilities?: string[]): Contact => ({ id: name, name, role, ...(responsibilities ? { responsibilities } : {}) });

describe('IR roles and gaps', () => {
  it('fills roles from tagged contacts, else from job titles, and the deputy from the lead’s Deputy entry', () => {
    const contacts = [
      person('Priya', 'Incident commander', ['Deputy: Tom']),
      person('Tom', 'Service manager'),
      person('Dana', 'Data protection officer'),
      person('Sam', 'Engineer', responsibilitiesWith(['communications', 'it-cloud-platform'], '')),
    ];
    const byId = new Map(assignIrRoles(contacts).map((a) => [a.role.id, a]));
    expect(byId.get('incident-lead')!.contacts.map((c) => c.name)).toEqual(['Priya']);
    expect(byId.get('incident-lead')!.basis).toBe('title');
    expect(byId.get('incident-deputy')!.contacts.map((c) => c.name)).toEqual(['Tom']);
    expect(byId.get('incident-deputy')!.basis).toBe('deputy');
    expect(byId.get('legal-dpo')!.contacts.map((c) => c.name)).toEqual(['Dana']);
    expect(byId.get('communications')!.basis).toBe('tagged');
    expect(isFilled(byId.get('ciso-sponsor')!)).toBe(false);
    expect(unassignedRequiredIrRoles({ contacts }).map((r) => r.id)).toEqual(['ciso-sponsor', 'microsoft-support']);
  });

  it('a tag wins over a matching title, and a tagged contact is not matched by title for other roles', () => {
    const contacts = [person('A', 'Head of security'), person('B', 'Cloud platform lead', ['IR role: Incident lead'])];
    const byId = new Map(assignIrRoles(contacts).map((a) => [a.role.id, a]));
    expect(byId.get('incident-lead')!.contacts.map((c) => c.name)).toEqual(['B']);
    expect(isFilled(byId.get('it-cloud-platform')!)).toBe(false);
  });

  it('reads role entries by id or label and ignores unknown ones; writes them back with the deputy', () => {
    expect(taggedRoles(['IR role: mssp', 'IR role: Cyber insurer', 'IR role: astronaut', 'Deputy: X'])).toEqual(['mssp', 'insurer']);
    expect(responsibilitiesWith(['mssp'], 'Jo', ['IR role: insurer', 'Deputy: old', 'On call weekends'])).toEqual(['IR role: mssp', 'Deputy: Jo', 'On call weekends']);
  });

  it('lists the setup gaps the pre-flight check needs: roles, approver, out-of-band channel, decision rights', () => {
    const ids = irSetupGaps({ contacts: [], incidentResponse: {} }).map((g) => g.id);
    expect(ids).toEqual(expect.arrayContaining(['ir-role:incident-lead', 'ir-role:microsoft-ir', 'ir:plan-approver', 'ir:out-of-band', 'ir:decision-rights']));
    const { bundle } = loadDemo();
    expect(irSetupGaps(bundle).filter((g) => g.required)).toEqual([]);
  });
});

describe('notification clocks', () => {
  const { bundle, pack } = loadDemo();
  const clocks = pack.notificationClocks;
  const select = (answers: Record<string, string[]>, contractual: NonNullable<AssessmentBundle['incidentResponse']>['contractualClocks'] = []) =>
    selectNotificationClocks(clocks, { answers: Object.fromEntries(Object.entries(answers).map(([q, choices]) => [q, { choices }])), incidentResponse: { contractualClocks: contractual } }, pack.questions);
  const regimes = (s: ReturnType<typeof select>): string[] => s.regulatory.map((r) => r.regime.split(' ')[0]!);

  it('is pack data with a dated source for every deadline', () => {
    expect(clocks).toBeDefined();
    const sources = new Map(clocks!.sources.map((s) => [s.id, s]));
    for (const r of clocks!.regimes) for (const d of r.deadlines) expect(sources.get(d.source)?.date, `${r.id} ${d.step}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('selects by regulated data and jurisdiction', () => {
    expect(regimes(select({ 'SCOPE-REGULATED': ['personal-data', 'health'], 'SCOPE-JURISDICTIONS': ['uk', 'eu'] }))).toEqual(['GDPR', 'UK']);
    expect(regimes(select({ 'SCOPE-REGULATED': ['health'], 'SCOPE-JURISDICTIONS': ['us'] }))).toEqual(['HIPAA']);
    expect(regimes(select({ 'SCOPE-REGULATED': ['none'], 'SCOPE-JURISDICTIONS': ['us-listed'] }))).toEqual(['SEC']);
    expect(regimes(select({ 'SCOPE-REGULATED': ['financial'], 'SCOPE-JURISDICTIONS': ['eu'] }))).toEqual(['DORA']);
    expect(regimes(select({ 'SCOPE-SECTOR': ['life-sciences'], 'SCOPE-REGULATED': ['none'], 'SCOPE-JURISDICTIONS': ['eu'] }))).toEqual(['NIS2']);
    expect(regimes(select({ 'SCOPE-SECTOR': ['retail'], 'SCOPE-REGULATED': ['none'], 'SCOPE-JURISDICTIONS': ['eu'] }))).toEqual([]);
  });

  it('states the HIPAA, NIS2 and SEC deadlines and says PCI DSS sets none of its own', () => {
    const hipaa = select({ 'SCOPE-REGULATED': ['health'], 'SCOPE-JURISDICTIONS': ['us'] }).regulatory[0]!;
    expect(hipaa.deadlines[0]!.deadline).toMatch(/no later than 60 calendar days/);
    expect(hipaa.deadlines[0]!.citation).toMatch(/164\.404\(b\)/);
    const nis2 = select({ 'SCOPE-SECTOR': ['healthcare-provider'], 'SCOPE-JURISDICTIONS': ['eu'] }).regulatory.find((r) => r.regime.startsWith('NIS2'))!;
    expect(nis2.deadlines.map((d) => d.deadline)).toEqual([expect.stringMatching(/24 hours/), expect.stringMatching(/72 hours/), expect.stringMatching(/one month/)]);
    expect(select({ 'SCOPE-JURISDICTIONS': ['us-listed'] }).regulatory[0]!.deadlines[0]!.deadline).toMatch(/four business days/);
    const pci = select({ 'SCOPE-REGULATED': ['payment-cards'], 'SCOPE-JURISDICTIONS': ['uk'] }).regulatory[0]!;
    expect(pci.deadlines[0]!.deadline).toMatch(/^Not set by this regime/);
    expect(pci.note).toMatch(/card brand/);
  });

  it('lists every data-type regime, with a caveat, when the jurisdictions are not recorded; contractual clocks follow', () => {
    const s = select({ 'SCOPE-REGULATED': ['health'] }, [{ counterparty: 'Trial sponsor', deadline: '24 hours', source: 'CTA 14.3' }]);
    expect(regimes(s)).toEqual(['GDPR', 'UK', 'HIPAA']);
    expect(s.caveats.join(' ')).toMatch(/SCOPE-JURISDICTIONS/);
    expect(s.contractual).toEqual([{ counterparty: 'Trial sponsor', deadline: '24 hours', source: 'CTA 14.3' }]);
  });

  it('the demo (health and personal data, UK and EU, life sciences) lists GDPR, UK GDPR and NIS2 and its contractual clocks', () => {
    const s = selectNotificationClocks(clocks, bundle, pack.questions);
    expect(regimes(s)).toEqual(['GDPR', 'UK', 'NIS2']);
    expect(s.contractual.length).toBe(bundle.incidentResponse!.contractualClocks!.length);
  });

  it('the pack check rejects a regime naming a scoping choice that does not exist', () => {
    const files = readPackFiles(defaultPackDir).map((f) => (f.path === NOTIFICATION_CLOCKS_FILE ? { ...f, text: f.text.replace('regulated: [payment-cards]', 'regulated: [payment-card]') } : f));
    const { errors } = loadPack(files);
    expect(errors).toEqual([expect.objectContaining({ file: NOTIFICATION_CLOCKS_FILE, message: "SCOPE-REGULATED has no choice 'payment-card'" })]);
  });
});

describe('IR plan model for a commander', () => {
  const { bundle, pack, template } = loadDemo();
  const model = buildReportModel(bundle, pack, template);
  const ir = model.irPlan;

  it('selects the life-sciences playbooks by sector, and drops them for another sector', () => {
    expect(ir.playbooks.map((p) => p.id)).toEqual(expect.arrayContaining(['research-ip-theft', 'gxp-data-integrity']));
    const retail = { ...bundle, answers: { ...bundle.answers, 'SCOPE-SECTOR': { choices: ['retail'] } } };
    const ids = buildReportModel(retail, pack, template).irPlan.playbooks.map((p) => p.id);
    expect(ids).not.toContain('research-ip-theft');
    expect(ids).not.toContain('gxp-data-integrity');
  });

  it('keeps each playbook’s risk list short, most severe first, and counts the rest', () => {
    const byId = new Map(model.risks.map((r) => [r.id, r]));
    const score = (id: string): number => byId.get(id)!.inherent.likelihood * byId.get(id)!.inherent.impact;
    for (const p of ir.playbooks) {
      expect(p.riskIds.length).toBeLessThanOrEqual(5);
      const scores = p.riskIds.map(score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    expect(ir.playbooks.some((p) => p.moreRiskCount > 0)).toBe(true);
  });

  it('draws distinct tabletop scenarios from the top risks: no inject repeats, each names its risk', () => {
    expect(ir.tabletop.length).toBeGreaterThanOrEqual(2);
    const injects = ir.tabletop.flatMap((t) => t.injects);
    expect(new Set(injects).size).toBe(injects.length);
    expect(new Set(ir.tabletop.map((t) => t.title)).size).toBe(ir.tabletop.length);
    for (const t of ir.tabletop) expect(t.injects.some((i) => i.includes(t.riskIds[0]!))).toBe(true);
    expect(ir.tabletop.some((t) => t.businessServices.length > 0)).toBe(true);
  });

  it('fills the quick card and contact sheet from the contacts, flags gaps, and records approver and decision rights', () => {
    const lead = ir.quickCard.callList.find((c) => c.role === 'Incident lead')!;
    // kept on one line in narrow cells: non-breaking spaces
    expect(lead.phone.replace(/\u00A0/g, ' ')).toBe(bundle.contacts[0]!.phone);
    expect(ir.contactSheet.find((r) => r.role === 'Microsoft Incident Response')!.gap).toBe(true);
    expect(ir.contactSheet.filter((r) => r.gap && r.required)).toEqual([]);
    expect(ir.planControl.approver).toBe(bundle.incidentResponse!.planApprover);
    expect(ir.outOfBandChannel).toBe(bundle.incidentResponse!.outOfBandChannel);
    expect(ir.decisionRights.some((d) => /LIMS/.test(d.decision) && !d.gap)).toBe(true);
    expect(ir.notificationClocks.regulatory.length).toBe(3);
  });

  it('shows unheld roles and standard decisions as gaps when the setup is empty', () => {
    const bare = { ...bundle, contacts: [], incidentResponse: {} };
    const m = buildReportModel(bare, pack, template).irPlan;
    expect(m.contactSheet.every((r) => r.gap)).toBe(true);
    expect(m.quickCard.outOfBand).toMatch(/gap/);
    expect(m.decisionRights.map((d) => d.decision)).toEqual(expect.arrayContaining([expect.stringMatching(/Isolate the LIMS/), expect.stringMatching(/disaster recovery/)]));
    expect(m.decisionRights.every((d) => d.gap)).toBe(true);
    expect(m.planControl.approver).toBe('To be assigned');
  });
});

describe('contact sheet layout', () => {
  it('keeps a phone number on one line: the column is at least as wide as the whole number', () => {
    const { bundle, pack, template } = loadDemo();
    const phone = buildReportModel(bundle, pack, template).irPlan.contactSheet[0]!.phone;
    expect(phone).toContain('\u00A0');
    const [min] = minimumColumnWidths(['Phone'], [[phone]], 1, 9638);
    expect(min!).toBeGreaterThan(textWidthTwips(phone.replace(/\u00A0/g, ' '), 8.5));
  });
});

