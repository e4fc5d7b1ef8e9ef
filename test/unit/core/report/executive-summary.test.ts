/**
 * The executive summary's ranking (current rating, meaningful ties, one row per finding) and the
 * act-now box (live issues from the pack's `actNow` checks, whatever the target rating).
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentBundle } from '../../../../core/bundle/schema';
import type { ContentPack } from '../../../../core/content/types';
import { buildReportModel } from '../../../../core/report/model';
import type { ActNowItem } from '../../../../core/report/types';
import type { Risk } from '../../../../core/risks/schema';
import { loadDemo, riskIdOf } from './helpers';

const { bundle: demo, pack, template } = loadDemo();
/** A copy of the demo risk raised from a template (demo risk ids shift as the demo grows). */
const risk = (templateId: string): Risk => structuredClone(demo.risks.find((r) => r.id === riskIdOf(demo, templateId))!);
/** The demo ids of risks raised from these templates. */
const idsOf = (...templateIds: string[]): string[] => templateIds.map((t) => riskIdOf(demo, t));

/** A copy of a demo risk under a new id and template, rated as given (residual set apart). */
function rated(from: string, id: string, likelihood: number, impact: number, level: string, residual: Risk['residual'] = null): Risk {
  return { ...risk(from), id, templateId: `RT-TEST-${id}`, likelihood, impact, inherentLevel: level, residual };
}

const withRisks = (risks: Risk[]): AssessmentBundle => ({ ...demo, risks });
const topIds = (bundle: AssessmentBundle): string[] => buildReportModel(bundle, pack, template).summary.topRisks.map((t) => t.risk.id);

describe('top risks of the executive summary', () => {
  it('ranks by the current (inherent) rating, not the target: a 5×5 with a low target comes before a 4×5 kept very high', () => {
    const bundle = withRisks([
      rated('RT-LOCAL-AUTH', 'R-001', 4, 5, 'very-high', { likelihood: 4, impact: 5, level: 'very-high' }),
      rated('RT-PAAS-PUBLIC-NETWORK', 'R-002', 5, 5, 'very-high', { likelihood: 1, impact: 2, level: 'low' }),
    ]);
    expect(topIds(bundle)).toEqual(['R-002', 'R-001']);
  });

  it('breaks ties by what is known and what it touches, not by the lowest id', () => {
    // reported in interview only, though it names LIMS resources (as a consultant's note might)
    const reported = rated('RT-DAT-NO-CLASSIFICATION', 'R-001', 5, 5, 'very-high');
    reported.evidence.affectedResources = risk('RT-VM-PATCHING').evidence.affectedResources;
    const bundle = withRisks([
      reported,
      rated('RT-PAAS-PUBLIC-NETWORK', 'R-002', 5, 5, 'very-high'), // verified, Clinical data platform (high), 16 resources
      rated('RT-VM-NO-BACKUP', 'R-003', 5, 5, 'very-high'), // verified, LIMS (critical), 12 resources
      rated('RT-KV-ACCESS-MODEL', 'R-004', 5, 5, 'very-high'), // verified, no business service, 2 resources
      rated('RT-DATA-IN-TRANSIT', 'R-005', 5, 5, 'very-high'), // verified, no business service, 13 resources
    ]);
    expect(topIds(bundle)).toEqual(['R-003', 'R-002', 'R-005', 'R-004', 'R-001']);
  });

  it('shows risks that are the same finding once, naming the others', () => {
    const twin = rated('RT-LOCAL-AUTH', 'R-010', 4, 4, 'high'); // the same failing checks
    const sameResources = { ...rated('RT-DAT-NO-CLASSIFICATION', 'R-011', 3, 4, 'high'), evidence: { ...risk('RT-DAT-NO-CLASSIFICATION').evidence, affectedResources: risk('RT-LOCAL-AUTH').evidence.affectedResources } };
    const bundle = withRisks([risk('RT-LOCAL-AUTH'), twin, sameResources, risk('RT-NW-MGMT-EXPOSED')]);
    const top = buildReportModel(bundle, pack, template).summary.topRisks;
    expect(top.map((t) => t.risk.id)).toEqual(idsOf('RT-LOCAL-AUTH', 'RT-NW-MGMT-EXPOSED'));
    expect(top[0]!.sameFinding).toEqual(['R-010', 'R-011']);
  });

  it('does not merge distinct weaknesses that only share a subscription', () => {
    // attack paths, excess owners and access hygiene are all found on the subscription itself
    expect(topIds(withRisks([risk('RT-DF-ATTACK-PATHS'), risk('RT-PAM-EXCESS-AZURE-OWNERS'), risk('RT-ID-ACCESS-HYGIENE')]))).toEqual(idsOf('RT-DF-ATTACK-PATHS', 'RT-PAM-EXCESS-AZURE-OWNERS', 'RT-ID-ACCESS-HYGIENE'));
  });

  it('frames the posture with what the assessment recorded of the business, nothing more', () => {
    const framing = buildReportModel(demo, pack, template).summary.framing.join(' ');
    expect(framing).toContain('health data');
    expect(framing).toContain('LIMS (critical)');
    expect(framing).toMatch(/\d+ touch the LIMS/);
    const bare = { ...demo, businessServices: [], answers: Object.fromEntries(Object.entries(demo.answers).filter(([k]) => !k.startsWith('SCOPE-'))) };
    expect(buildReportModel(bare, pack, template).summary.framing).toEqual([]);
  });

  it('names the sector when the scoping asked it, and only then', () => {
    const answers = { ...demo.answers, 'SCOPE-SECTOR': { choices: ['life-sciences'] } };
    const withAnswer = { ...demo, answers } as AssessmentBundle;
    const packWithoutSector = { ...pack, questions: new Map([...pack.questions].filter(([id]) => id !== 'SCOPE-SECTOR')) } as ContentPack;
    expect(buildReportModel(withAnswer, packWithoutSector, template).summary.framing[0]).not.toContain('life');
    const sector = { ...pack.questions.get('SCOPE-CRITICALITY')!, id: 'SCOPE-SECTOR', choices: [{ id: 'life-sciences', label: 'Life sciences: pharmaceuticals and GxP manufacturing' }] };
    const withQuestion = { ...pack, questions: new Map([...packWithoutSector.questions, ['SCOPE-SECTOR', sector]]) } as ContentPack;
    expect(buildReportModel(withAnswer, withQuestion, template).summary.framing[0]).toMatch(/^Contoso Pharma Ltd \(fictional\) works in life sciences and holds personal data and health data/);
  });
});

/** The pack with the `actNow` flag taken off one check. */
function withoutActNow(checkId: string): ContentPack {
  return { ...pack, checks: pack.checks.map((c) => (c.id === checkId ? { ...c, actNow: undefined } : c)) };
}

describe('act now (this week)', () => {
  // the demo's live act-now issues: a management port open (NW-01), privileged holders without MFA
  // (GR-01, from its Graph snapshot), an active alert (DF-06) and an attack path (DF-07)
  const [mgmt, adminMfa, alerts, attackPath] = idsOf('RT-NW-MGMT-EXPOSED', 'RT-PAM-PRIV-MFA', 'RT-DF-ACTIVE-ALERTS', 'RT-DF-ATTACK-PATHS') as [string, string, string, string];
  const itemOf = (items: ActNowItem[], id: string): ActNowItem | undefined => items.find((i) => i.riskId === id);

  it('escalates every risk with a failing act-now check, whatever its target rating, by current rating', () => {
    const lowTarget = { ...risk('RT-DF-ACTIVE-ALERTS'), residual: { likelihood: 1, impact: 1, level: 'low' } };
    const bundle = withRisks(demo.risks.map((r) => (r.id === alerts ? lowTarget : r)));
    const items = buildReportModel(bundle, pack, template).actNow;
    expect(items.map((i) => i.riskId)).toEqual([mgmt, adminMfa, alerts, attackPath]);
    expect(items[0]).toMatchObject({ issue: 'Management port open to the Internet', subjects: ['nsg-rdp-range', 'nsg-ssh-list', 'nsg-udp-open'], subjectTotal: 3 });
    expect(items[0]!.firstAction).toMatch(/^Delete or restrict/);
    expect(itemOf(items, adminMfa)).toMatchObject({ issue: 'Administrator without MFA' });
    expect(itemOf(items, alerts)!.subjects).toEqual(['Successful brute force attack on vm-jump01']);
    expect(itemOf(items, attackPath)!.subjects).toEqual(['Internet exposed VM with high severity vulnerabilities has permissions to a storage account']);
  });

  it('ranks by current rating: raising the attack path above the alert moves it up', () => {
    const bundle = withRisks(demo.risks.map((r) => (r.id === attackPath ? { ...r, likelihood: 5, impact: 5 } : r)));
    expect(buildReportModel(bundle, pack, template).actNow.map((i) => i.riskId)).toEqual([mgmt, attackPath, adminMfa, alerts]);
  });

  it('takes membership from the pack, not from the code', () => {
    expect(buildReportModel(demo, withoutActNow('DF-06'), template).actNow.map((i) => i.riskId)).toEqual([mgmt, adminMfa, attackPath]);
  });

  it('ignores passing findings of an act-now check', () => {
    const findings = demo.inventory.findings.map((f) => (f.checkId === 'DF-06' ? { ...f, status: 'pass' as const } : f));
    const bundle = { ...demo, inventory: { ...demo.inventory, findings } };
    expect(buildReportModel(bundle, pack, template).actNow.map((i) => i.riskId)).not.toContain(alerts);
  });
});
