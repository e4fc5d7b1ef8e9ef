/**
 * The shared responsibility chapter's story: what the client said against what the inventory
 * shows, counts on the matrix, and which identity conclusions Microsoft Graph verifies (with
 * counts) against those only reported in interview.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentBundle } from '../../../../core/bundle/schema';
import { runGraphChecks } from '../../../../core/graph/checks/run-graph-checks';
import { buildReportModel } from '../../../../core/report/model';
import { deriveRisks } from '../../../../core/risks/derive';
import { byId } from '../../../fixtures/graph/fail-variants';
import { ADMIN1, ADMIN2, BREAK_GLASS_UPNS, licenceGap, snapshotOf, wellConfiguredTenant } from '../../../fixtures/graph/tenant';
import { loadDemo, riskIdOf, withoutGraph } from './helpers';

const { bundle: demo, pack, template } = loadDemo();

describe('what you believe and what we found', () => {
  const rows = buildReportModel(demo, pack, template).sharedResponsibility.believeVsFound;

  it('has one row per contradicted answer, with the answer, the failing resources counted and named, and the risk', () => {
    const questions = new Set(demo.risks.flatMap((r) => r.disagreements.map((d) => d.questionId)));
    expect(rows.map((r) => r.questionId).sort()).toEqual([...questions].sort());
    expect(rows.find((r) => r.questionId === 'DAT-09')).toMatchObject({
      said: 'Yes, on all data stores',
      failing: 2,
      checkIds: ['ST-03'],
      riskIds: [riskIdOf(demo, 'RT-ST-ANONYMOUS-ACCESS')],
      found: '2 resources fail ST-03 (Storage account allows anonymous (public) blob access): sto8596, stpublicblob.',
    });
  });

  it('puts every check contradicting one answer in its row, and names at most six resources', () => {
    const pam = rows.find((r) => r.questionId === 'PAM-05')!;
    expect(pam.checkIds).toEqual(['ID-02', 'ID-04']);
    expect(pam.found.split('\n')).toHaveLength(2);
    const vm = rows.find((r) => r.questionId === 'DAT-05')!;
    expect(vm.found).toMatch(/^6 resources fail VM-02 .*: (?:[^,]+, ){5}[^,]+\.$/); // six: every one named
    // a seventh failing VM is counted, not named
    const seven = structuredClone(demo);
    const vm02 = seven.risks.flatMap((r) => r.disagreements).find((d) => d.questionId === 'DAT-05' && d.checkId === 'VM-02')!;
    vm02.failingResources.push(`${vm02.failingResources[0]!.replace(/[^/]+$/, '')}vm-seventh`);
    const row = buildReportModel(seven, pack, template).sharedResponsibility.believeVsFound.find((r) => r.questionId === 'DAT-05')!;
    expect(row.found).toMatch(/^7 resources fail VM-02 .*: (?:[^,]+, ){5}[^,]+ and 1 more\.$/);
  });

  it('leads with the most serious risk by current rating', () => {
    const model = buildReportModel(demo, pack, template);
    const order = new Map(model.risks.map((r) => [r.id, r]));
    const first = order.get(rows[0]!.riskIds[0]!)!;
    const level = (id: string): number => model.levels.find((l) => l.id === id)!.order;
    for (const row of rows) expect(level(order.get(row.riskIds[0]!)!.inherent.level)).toBeLessThanOrEqual(level(first.inherent.level));
  });

  it('counts risks per matrix cell instead of listing their ids', () => {
    const cells = buildReportModel(demo, pack, template).sharedResponsibility.clientRisks.flatMap((r) => r.cells);
    for (const c of cells) expect(c.serious).toBeLessThanOrEqual(c.riskIds.length);
    expect(cells.some((c) => c.serious > 0)).toBe(true);
  });
});

/** The demo without its own Graph evidence, so each test brings the Graph snapshot it describes. */
const noGraph = withoutGraph(demo, pack);

/** The demo with a Graph snapshot's findings (two of four privileged holders without MFA: an eligible Global Administrator and a Security Administrator) and, optionally, a gap. */
function withGraph(gap?: 'userRegistrationDetails'): AssessmentBundle {
  const data = wellConfiguredTenant();
  byId(data, 'userRegistrationDetails', ADMIN2).isMfaRegistered = false;
  byId(data, 'userRegistrationDetails', ADMIN1).isMfaRegistered = false;
  const matrix = pack.matrices.get(demo.assessment.matrixId)!;
  const run = runGraphChecks(snapshotOf(data, gap ? [licenceGap(gap)] : []), { matrix, settings: { breakGlassAccounts: BREAK_GLASS_UPNS } });
  const findings = [...noGraph.inventory.findings, ...run.findings];
  const snapshot = { id: 'graph-1', takenAt: '2026-12-02T01:01:00Z', source: 'graph-pull' as const, rowCount: 40, subscriptions: [], tenantId: 'tenant', notAssessed: run.notAssessed.map((n) => ({ checkId: n.checkId, reason: n.reason })) };
  return {
    ...noGraph,
    inventory: { ...noGraph.inventory, snapshots: [...noGraph.inventory.snapshots, snapshot], findings },
    risks: deriveRisks({ pack, answers: noGraph.answers, findings, matrixId: matrix.id }),
  };
}

describe('identity and Microsoft 365: verified by Graph or reported in interview', () => {
  it('counts what Graph verified, per role, for a bundle with Graph findings', () => {
    const e = buildReportModel(withGraph(), pack, template).sharedResponsibility.identityEvidence;
    expect(e.graphCollected).toBe(true);
    const gr01 = e.rows.find((r) => r.checkId === 'GR-01')!;
    expect(gr01.basis).toBe('graph');
    expect(gr01.graph).toBe('2 of 4 accounts checked fail (by role: Global Administrator: 1 of 3; Security Administrator: 1 of 1).');
    expect(gr01.interview).toMatch(/^PAM-01: “/);
    expect(e.rows.find((r) => r.checkId === 'GR-02')!.graph).toBe('Passes for the tenant.');
    expect(e.statement).toBe(`Of ${e.rows.length} identity and Microsoft 365 conclusions, ${e.rows.length} are verified by Microsoft Graph evidence.`);
  });

  it('says which checks Graph could not assess and why, leaving the interview as the evidence', () => {
    const e = buildReportModel(withGraph('userRegistrationDetails'), pack, template).sharedResponsibility.identityEvidence;
    const gr01 = e.rows.find((r) => r.checkId === 'GR-01')!;
    expect(gr01.basis).toBe('not-assessed');
    expect(gr01.graph).toMatch(/^Not assessed: .*licen[cs]e/i);
    const gaps = e.rows.filter((r) => r.basis === 'not-assessed').length;
    expect(gaps).toBeGreaterThan(0);
    expect(e.statement).toContain(`${gaps} could not be assessed by Graph`);
  });

  it('says Graph evidence was not collected, and invents no count, for a bundle without Graph', () => {
    const e = buildReportModel(noGraph, pack, template).sharedResponsibility.identityEvidence;
    expect(e.graphCollected).toBe(false);
    expect(e.statement).toMatch(/^Microsoft Graph evidence was not collected/);
    for (const r of e.rows) {
      expect(r.basis).toBe('interview');
      expect(r.graph).toBe('Graph evidence not collected.');
      expect(r.graph).not.toMatch(/\d/);
    }
    expect(e.rows.map((r) => r.checkId)).toEqual(pack.checks.filter((c) => c.evidenceSource === 'graph').map((c) => c.id));
    // the demo itself carries a Graph snapshot: there the evidence counts as collected
    expect(buildReportModel(demo, pack, template).sharedResponsibility.identityEvidence.graphCollected).toBe(true);
  });

  it('escalates a privileged account without MFA to act now, naming it by pseudonym', () => {
    const items = buildReportModel(withGraph(), pack, template).actNow;
    const admin = items.find((i) => i.issue === 'Administrator without MFA')!;
    expect(admin.subjectTotal).toBe(2);
    for (const s of admin.subjects) expect(s).toMatch(/^user-[0-9a-f]{6}@contoso\.example$/);
  });
});
