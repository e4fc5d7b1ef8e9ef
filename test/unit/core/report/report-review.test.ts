import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { membersOf } from '../../../../core/bundle/business-services';
import { buildReport } from '../../../../core/report/build';
import { buildReportModel } from '../../../../core/report/model';
import { evidenceLines } from '../../../../core/report/evidence-text';
import { evidenceSummary } from '../../../../core/report/render/evidence-summary';
import { compositeText } from '../../../../core/report/model-builders/provider-commitments';
import { loadDemo, riskIdOf } from './helpers';

// Defects found reading the demo deliverable as the client's CISO and the signing partner would:
// each test fails on the text the report printed before the fix.

const { bundle, pack, template } = loadDemo();
const model = buildReportModel(bundle, pack, template, {});
const riskView = (templateId: string) => model.risks.find((r) => r.id === riskIdOf(bundle, templateId))!;

/** The paragraphs of a .docx, as text. */
async function paragraphs(docx: Uint8Array | ArrayBuffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return Array.from(xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g), ([p]) => Array.from(p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]).join(''));
}

const built = await buildReport({ bundle, pack, template });
const report = await paragraphs(built.report);
const irPlan = await paragraphs(built.irPlan!);
const para = (doc: readonly string[], start: string): string => doc.find((p) => p.startsWith(start)) ?? '';

describe('the demo deliverable reads as written, not assembled', () => {
  it('counts take the right number: no "resource(s)", "risk(s)", "subscription(s)" anywhere', () => {
    for (const [name, doc] of [['report', report], ['IR plan', irPlan]] as const) {
      const hits = doc.filter((p) => /\w\(s\)/.test(p));
      expect(hits, name).toEqual([]);
    }
    expect(report.some((p) => p.includes('172 resources in 3 subscriptions as read'))).toBe(true);
  });

  it('one more failing check "fails"', () => {
    expect(report.some((p) => p.includes('1 more check fail ('))).toBe(false);
    expect(report.some((p) => p.includes('1 more check fails (see the register workbook).'))).toBe(true);
  });

  it('a contradiction does not repeat the title of the check the inventory line has just named', () => {
    const lines = evidenceSummary(riskView('RT-PAS-APP-PUBLISHING'));
    expect(lines[0]).toContain('AP-03 App Service allows unencrypted FTP deployment (1 resource)');
    expect(lines[1]).toMatch(/^Contradiction: The answer to PAS-01 .* the inventory shows 1 resource failing AP-03\.$/);
  });

  it('a contradiction with one failing resource says "1 resource"', () => {
    const r = riskView('RT-PAS-APP-PUBLISHING');
    expect(r.disagreements[0]).toMatch(/the inventory shows 1 resource failing AP-03 \(/);
  });

  it('the summary does not present the counts of unagreed targets as what the treatments achieve', () => {
    const posture = para(report, 'By current (inherent) rating:');
    const total = bundle.risks.length;
    const set = bundle.risks.filter((r) => r.residual !== null).length;
    expect(set).toBeGreaterThan(0);
    expect(set).toBeLessThan(total);
    expect(posture).not.toContain('After the treatments proposed');
    expect(posture).toContain(`A target (residual) rating is agreed for ${set} of ${total} risks; counting the others at their current rating`);
    const none = buildReport({ bundle: { ...bundle, risks: bundle.risks.map((r) => ({ ...r, residual: null })) }, pack, template });
    return none.then(async (b) => expect(para(await paragraphs(b.report), 'By current (inherent) rating:')).toContain('No target (residual) rating has been agreed yet'));
  });

  it('a question marked not applicable is not counted as an applicable question left unanswered', () => {
    const na = Object.values(bundle.answers).filter((a) => a.notApplicable === true).length;
    expect(na).toBeGreaterThan(0);
    const row = report.find((p) => p.includes('applicable questions answered'))!;
    expect(row).toContain(`${model.scope.questionsAnswered} of ${model.scope.questionsAnswered} applicable questions answered`);
    expect(row).toContain(`(${na} more marked not applicable)`);
  });

  it('the business framing does not nest brackets, and one risk "touches" a service', () => {
    const framing = model.summary.framing.join(' ');
    expect(framing).toContain('holds personal data and health data — Clinical trial data (GxP) and staff personal data — in the cloud');
    expect(framing).not.toMatch(/\([^)]*\(/);
    // a service holding one resource that a single risk names: "1 touches", not "1 touch"
    const counts = new Map<string, number>();
    for (const r of bundle.risks) for (const id of new Set(r.evidence.affectedResources)) counts.set(id, (counts.get(id) ?? 0) + 1);
    const lone = [...counts].find(([, n]) => n === 1)![0];
    const service = { id: 'assay', name: 'Assay portal', criticality: 'high' as const, resourceIds: [lone], resourceGroups: [] };
    const framing1 = buildReportModel({ ...bundle, businessServices: [service] }, pack, template, {}).summary.framing.join(' ');
    expect(framing1).toContain('1 touches the Assay portal');
  });

  it('themes that touch no business service are counted once for the chapter, not each with the same sentence', () => {
    const untied = model.themes.filter((t) => t.services.length === 0).length;
    expect(untied).toBeGreaterThan(1);
    expect(report.filter((p) => p.includes('ties none of these risks'))).toEqual([]);
    const intro = para(report, `The ${bundle.risks.length} risks of the register are grouped into`);
    expect(intro).toContain(`${untied} of the ${model.themes.length} themes have no risk the inventory ties to the LIMS or the Clinical data platform;`);
  });

  it('the report’s acceptance is signed by the sponsor and the partner named in the deliverable settings', () => {
    const i = report.indexOf('Acceptance of this report');
    const rows = report.slice(i, i + 14).join(' | ');
    expect(rows).toContain(bundle.deliverable!.sponsor!);
    expect(rows).toContain(bundle.deliverable!.partner!);
  });

  it('the sign-off appendix marks a top-level risk with no agreed target as at its current rating', () => {
    const i = report.findIndex((p) => p.endsWith('Risk acceptance sign-off'));
    const table = report.slice(i, i + 80);
    expect(table.some((p) => p.includes('no agreed target yet is shown at its current rating'))).toBe(true);
    expect(table).toContain('Very high (current)');
  });
});

describe('evidence names what people know', () => {
  it('role assignments by role and principal type, not by masked principal ids', () => {
    const owners = riskView('RT-PAM-EXCESS-AZURE-OWNERS').findings.find((f) => f.checkId === 'ID-01')!;
    const text = owners.resources[0]!.evidence;
    expect(text).toMatch(/^owners: 11: Owner to \d+ users and \d+ groups \(expected: at least 2 and at most 3\)$/);
    expect(text).not.toMatch(/x{8}-x{4}/);
    const direct = riskView('RT-ID-ACCESS-HYGIENE').findings.find((f) => f.checkId === 'ID-03')!;
    expect(direct.resources[0]!.evidence).toMatch(/^userAssignments: 15: Owner to \d+ users; Reader to \d+ users; Contributor to \d+ users/);
  });

  it('a custom role by its role name, a subscription with its name in the scope', () => {
    const wildcard = riskView('RT-PAM-OVERPRIVILEGED-ROLES').findings.find((f) => f.checkId === 'ID-02')!;
    expect(wildcard.resources[0]!.name).toBe('Subscription Admin (custom)');
    expect(model.scope.subscriptions).toContain('Contoso Pharma Production (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx5e6f)');
    const fileSnapshot = model.evidence.snapshots.find((s) => s.rows > 100)!;
    expect(fileSnapshot.subscriptions).toBe('Contoso Pharma Production, Contoso Pharma Research, Contoso Pharma Shared Services');
    // two subscriptions end in the same characters: masked alone they would print as one id twice
    expect(new Set(model.scope.subscriptions).size).toBe(model.scope.subscriptions.length);
  });

  it('a check Graph could not assess says why in words, not as the raw HTTP refusal', () => {
    const gr08 = model.sharedResponsibility.identityEvidence.rows.find((r) => r.checkId === 'GR-08')!;
    expect(gr08.basis).toBe('not-assessed');
    expect(gr08.graph).toContain('roleAssignmentSchedules could not be read: the tenant does not have the licence Microsoft requires for it');
    expect(gr08.graph).not.toMatch(/HTTP 400|AadPremiumLicenseRequired/);
  });

  it('a provider-side risk quotes the scoping answer by its choices’ short names, not three lines of descriptions', () => {
    const lines = evidenceSummary(riskView('RT-PROVIDER-PLATFORM-VULNERABILITY'));
    expect(lines[0]).toBe('Interview: SCOPE-MODELS “IaaS; PaaS; SaaS”.');
  });

  it('a check’s evidence names a resource by its name before one known only by its id', () => {
    // the demo names its three subscriptions: make the first one MO-02 fails known only by its id,
    // as Resource Graph reports a subscription it has no display name for
    const unnamed = bundle.inventory.findings.find((f) => f.checkId === 'MO-02' && f.status === 'fail')!;
    const altered = structuredClone(bundle);
    for (const f of altered.inventory.findings) if (f.checkId === 'MO-02' && f.resourceId === unnamed.resourceId) f.resourceName = unnamed.subscriptionId;
    const view = buildReportModel(altered, pack, template, {}).risks.find((r) => r.id === riskIdOf(altered, 'RT-PROVIDER-INCIDENT-AWARENESS'))!;
    const mo02 = view.findings.find((f) => f.checkId === 'MO-02')!;
    expect(mo02.resources).toHaveLength(2);
    expect(mo02.resources[0]!.name).toMatch(/^Contoso Pharma /);
    expect(mo02.resources.at(-1)!.name).toMatch(/^x{8}-/);
  });

  it('Conditional Access states read as the admin center says them, and the expectation has no nested brackets', () => {
    const mfa = riskView('RT-IDN-USER-MFA').findings.find((f) => f.checkId === 'GR-06')!.resources[0]!.evidence;
    expect(mfa).toContain('countedPolicies: none (expected: at least one, or security defaults on)');
    expect(mfa).toContain('Require MFA for administrators (report-only)');
    expect(mfa).not.toContain('enabledForReportingButNotEnforced');
  });

  it('a masked report does not print the snapshots’ masked ids as a column of x’s', () => {
    const i = report.indexOf('Inventory snapshots');
    const table = report.slice(i, i + 12);
    expect(table.some((p) => /^x{8}-x{4}-x{4}-x{4}-x{12}$/.test(p) || /^x{8}-x{4}-x{4}-x{4}-x{8}[0-9a-f]{4}$/.test(p))).toBe(false);
    expect(table).toContain('Taken');
  });

  it('a Defender alert by its name, without its id before it', () => {
    const alert = riskView('RT-DF-ACTIVE-ALERTS').findings.filter((f) => f.checkId === 'DF-06');
    const line = evidenceLines(alert, 1)[0]!;
    expect(line).toContain('(1 resource): Successful brute force attack (severity High');
    expect(line).not.toMatch(/\d{19}_a\d/);
  });
});

describe('the shared responsibility chapter links what it says', () => {
  it('the sign-in grey area links sign-in risks, not Azure role sprawl', () => {
    const area = model.sharedResponsibility.greyAreas.find((g) => g.assumption.includes('defaults protect our sign-ins'))!;
    expect(area.riskIds).toContain(riskIdOf(bundle, 'RT-IDN-USER-MFA'));
    expect(area.riskIds).toContain(riskIdOf(bundle, 'RT-PAM-PRIV-MFA'));
    expect(area.riskIds).not.toContain(riskIdOf(bundle, 'RT-PAM-EXCESS-AZURE-OWNERS'));
    expect(area.riskIds).not.toContain(riskIdOf(bundle, 'RT-PAM-OVERPRIVILEGED-ROLES'));
  });
});

describe('the rating scale agrees with the roadmap', () => {
  it('the meaning of High does not promise 90 days when the roadmap plans High programmes beyond 90 days', () => {
    const high = model.levels.find((l) => l.label === 'High')!.id;
    const later = model.plan.phases.find((p) => p.phase === 'later')!.workstreams.flatMap((w) => w.items).filter((i) => i.risk.inherent.level === high);
    expect(later.length).toBeGreaterThan(0);
    expect(report.some((p) => p.includes('Treat within 60–90 days'))).toBe(false);
    expect(report.some((p) => p.includes('a programme of work over 20 person-days is planned beyond 90 days'))).toBe(true);
  });
});

describe('figures carry the precision they have', () => {
  it('a composite SLA is shown to three decimals, rounded down, not to six', () => {
    const rows = model.providerCommitments!.workloads;
    expect(rows.length).toBeGreaterThan(0);
    for (const w of rows) {
      expect(w.composite, w.name).toMatch(/^\d+(\.\d{1,3})? %/);
      if (w.afterFixes) expect(w.afterFixes, w.name).toMatch(/^\d+(\.\d{1,3})? %$/);
    }
    expect(compositeText(90.159773)).toBe('90.159 %');
    expect(compositeText(99.93)).toBe('99.93 %');
  });
});

describe('the IR plan says only what holds', () => {
  it('a step is labelled "Together with Microsoft" only when Microsoft takes part in it', () => {
    for (const p of pack.playbooks.values())
      for (const s of p.steps.filter((x) => x.actor === 'shared')) expect(s.text, `${p.id}: ${s.text}`).toMatch(/Microsoft/);
    const gxp = irPlan.filter((p) => p.includes('Quality assurance judges the GxP impact'));
    expect(gxp.length).toBe(1);
    expect(gxp[0]).not.toMatch(/^Together with Microsoft/);
  });

  it('a playbook does not say why it is in the plan twice', () => {
    for (const p of model.irPlan.playbooks) {
      for (const reason of p.reasons) expect(p.summary, `${p.id}`).not.toContain(reason);
      expect(p.summary, p.id).not.toMatch(/Selected for life-sciences clients/);
    }
  });

  it('the linked-risk line gives the total, so it agrees with the counts of the reasons', () => {
    const linked = irPlan.filter((p) => p.startsWith('Linked risks: '));
    expect(linked.length).toBeGreaterThan(0);
    for (const p of model.irPlan.playbooks.filter((x) => x.moreRiskCount > 0)) {
      const total = p.riskIds.length + p.moreRiskCount;
      expect(linked.some((l) => l.startsWith(`Linked risks: ${total} in all; the most severe are ${p.riskIds[0]}`)), p.id).toBe(true);
    }
    expect(irPlan.some((p) => p.startsWith('Most severe linked risks'))).toBe(false);
  });

  it('communication points to the out-of-band channel where the plan records it, not to the contact sheet', () => {
    expect(irPlan.some((p) => p.includes('out-of-band channel agreed in the contact sheet'))).toBe(false);
    expect(irPlan.some((p) => p.includes('section “Out-of-band channel”'))).toBe(true);
  });

  it('a tabletop that touches a business service names that service’s resources, not the risk’s others', () => {
    const services = bundle.businessServices ?? [];
    const withService = model.irPlan.tabletop.filter((x) => x.businessServices.length > 0);
    expect(withService.length).toBeGreaterThan(0);
    for (const t of withService) {
      const members = new Set(services.filter((s) => t.businessServices.includes(s.name)).flatMap((s) => membersOf(s, bundle.inventory.resources).map((r) => r.name)));
      const named = /\(([^)]*)\)\. Who receives it/.exec(t.injects[0]!)?.[1]?.split(', ') ?? [];
      expect(named.length, t.title).toBeGreaterThan(0);
      for (const n of named) expect(members.has(n), `${t.title}: ${n}`).toBe(true);
    }
  });
});
