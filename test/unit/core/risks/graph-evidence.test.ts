/**
 * Microsoft Graph findings raise risks and contradict interview answers exactly like Resource
 * Graph findings: "MFA is enforced for every privileged account" (PAM-01) contradicted by Graph
 * evidence is one risk, carrying the answer, the failing objects and the disagreement.
 */
import { describe, expect, it } from 'vitest';
import { loadPackOrThrow } from '../../../../core/content/loader';
import { runGraphChecks } from '../../../../core/graph/checks/run-graph-checks';
import { deriveRisks } from '../../../../core/risks/derive';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';
import { byId, policy } from '../../../fixtures/graph/fail-variants';
import { ADMIN2, BREAK_GLASS_UPNS, snapshotOf, TENANT, wellConfiguredTenant } from '../../../fixtures/graph/tenant';

const pack = loadPackOrThrow(readPackFiles(defaultPackDir));
const matrix = pack.matrices.get(pack.header.defaultMatrix)!;
const scope = { 'SCOPE-MODELS': { choices: ['saas'] }, 'SCOPE-M365': { choices: ['yes'] } };

function graphFindings(mutate: (d: ReturnType<typeof wellConfiguredTenant>) => void) {
  const data = wellConfiguredTenant();
  mutate(data);
  return runGraphChecks(snapshotOf(data), { matrix, settings: { breakGlassAccounts: BREAK_GLASS_UPNS } }).findings;
}

describe('risks from Microsoft Graph evidence', () => {
  it('a compliant "MFA for all admins" answer contradicted by Graph is one risk with a disagreement', () => {
    const findings = graphFindings((d) => {
      byId(d, 'userRegistrationDetails', ADMIN2).isMfaRegistered = false;
      policy(d, 1).state = 'enabledForReportingButNotEnforced';
      policy(d, 2).state = 'enabledForReportingButNotEnforced';
    });
    const risks = deriveRisks({ pack, answers: { ...scope, 'PAM-01': { choices: ['all'] } }, findings });
    const privileged = risks.filter((r) => r.templateId === 'RT-PAM-PRIV-MFA');
    expect(privileged).toHaveLength(1);
    const [risk] = privileged;
    expect(new Set(risk!.evidence.answers.map((a) => `${a.questionId} ${a.result}`))).toEqual(new Set(['PAM-01 compliant']));
    expect(risk!.evidence.findings.map((f) => `${f.checkId} ${f.resourceId}`).sort()).toEqual([`GR-01 ${ADMIN2}`, `GR-03 ${TENANT}`]);
    expect(risk!.disagreements.map((d) => `${d.questionId} ${d.checkId} ${d.failingResources.join()}`)).toEqual([`PAM-01 GR-01 ${ADMIN2}`, `PAM-01 GR-03 ${TENANT}`]);
    expect(risk!.disagreements[0]!.message).toContain('GR-01 (Privileged role holder has no MFA method registered)');
  });

  it('the same answer with passing Graph evidence raises nothing; a non-compliant one raises the same template without a disagreement', () => {
    const passing = graphFindings(() => {});
    expect(deriveRisks({ pack, answers: { ...scope, 'PAM-01': { choices: ['all'] } }, findings: passing }).filter((r) => r.templateId === 'RT-PAM-PRIV-MFA')).toEqual([]);
    const failing = graphFindings((d) => (byId(d, 'userRegistrationDetails', ADMIN2).isMfaRegistered = false));
    const [risk, ...more] = deriveRisks({ pack, answers: { ...scope, 'PAM-01': { choices: ['none'] } }, findings: failing }).filter((r) => r.templateId === 'RT-PAM-PRIV-MFA');
    expect(more).toEqual([]);
    expect(risk!.disagreements).toEqual([]);
    expect(risk!.evidence.findings.map((f) => f.checkId)).toEqual(['GR-01']);
    expect(risk!.evidence.answers.map((a) => a.questionId)).toEqual(['PAM-01']);
  });

  it('every Graph check but GR-02 is claimed by the question on its weakness', () => {
    const claimedBy = new Map<string, string[]>();
    for (const q of pack.questions.values()) for (const c of q.claims ?? []) claimedBy.set(c, [...(claimedBy.get(c) ?? []), q.id]);
    const unclaimed = pack.checks.filter((c) => c.id.startsWith('GR-') && !claimedBy.has(c.id)).map((c) => c.id);
    expect(unclaimed).toEqual(['GR-02']); // PAM-03 counts without the emergency access accounts (docs/register-rules.md)
  });
});
