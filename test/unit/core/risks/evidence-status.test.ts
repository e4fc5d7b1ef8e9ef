import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPackDir, readPackFiles, repoRoot } from '../../../../node/read-pack-files';
import { loadPack } from '../../../../core/content/loader';
import type { Finding } from '../../../../core/checks/run-checks';
import { deriveRisks } from '../../../../core/risks/derive';
import { evidenceStatusOf } from '../../../../core/risks/evidence-status';
import { RiskSchema } from '../../../../core/risks/schema';
import { loadTestPack } from '../pack-helper';

const pack = loadTestPack();

const finding = (checkId: string, name: string, status: Finding['status'] = 'fail'): Finding => ({
  checkId,
  title: checkId,
  resourceId: `/subscriptions/sub-a/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/${name}`,
  resourceName: name,
  resourceType: 'microsoft.storage/storageaccounts',
  subscriptionId: 'sub-a',
  status,
  severity: 'high',
  owner: 'customer',
  responsibilityArea: 'configurations-settings',
  serviceModel: 'paas',
  evidence: {},
});

// DAT-01 (test interview) asks whether storage enforces HTTPS; it claims ST-01 and raises RT-DATA-IN-TRANSIT
const answered = (choice: string) => ({ 'SCOPE-MODELS': { choices: ['paas'] }, 'DAT-01': { choices: [choice] } });
const only = (findings: Finding[], choice?: string) => {
  const risks = deriveRisks({ pack, answers: choice ? answered(choice) : {}, findings });
  expect(risks).toHaveLength(1);
  return risks[0]!;
};

describe('how each risk is known', () => {
  it('is verified when failing inventory evidence backs it', () => {
    expect(only([finding('ST-01', 's1')]).evidenceStatus).toBe('verified');
    expect(only([finding('ST-01', 's1')], 'some').evidenceStatus).toBe('verified');
  });

  it('is reported when only the answers raise it', () => {
    const r = only([], 'some');
    expect(r.evidenceStatus).toBe('reported');
    expect(r.evidenceNotes).toEqual([]);
  });

  it('is contradicted when a compliant answer meets failing resources; the details stay in disagreements', () => {
    const r = only([finding('ST-01', 'legacy'), finding('ST-01', 'ok', 'pass')], 'all');
    expect(r.evidenceStatus).toBe('contradicted');
    expect(r.disagreements).toHaveLength(1);
    expect(r.disagreements[0]).toMatchObject({ questionId: 'DAT-01', checkId: 'ST-01', failingResources: [finding('ST-01', 'legacy').resourceId] });
  });

  it('notes the reverse case: the answer says weak, every evidenced resource for the claimed checks passes', () => {
    const r = only([finding('ST-01', 's1', 'pass'), finding('ST-01', 's2', 'pass'), finding('ST-01', 's3', 'not-applicable')], 'none');
    expect(r.evidenceStatus).toBe('reported');
    expect(r.evidenceNotes).toHaveLength(1);
    expect(r.evidenceNotes![0]).toMatch(/^The answer to DAT-01 \("No"\) says this is weak, but all 2 resources checked by ST-01 pass: /);
  });

  it('says one passing resource in the singular', () => {
    const r = only([finding('ST-01', 's1', 'pass')], 'none');
    expect(r.evidenceNotes![0]).toMatch(/says this is weak, but the 1 resource checked by ST-01 passes: /);
    expect(r.evidenceNotes![0]).not.toContain('(s)');
  });

  it('makes no such note when any claimed resource fails, or none was checked', () => {
    expect(only([finding('ST-01', 's1', 'pass'), finding('ST-01', 's2')], 'none').evidenceNotes).toEqual([]);
    expect(only([finding('ST-01', 's3', 'not-applicable')], 'none').evidenceNotes).toEqual([]);
  });
});

describe('a compliant answer claiming several checks of one risk (bundled pack)', () => {
  const { pack: full } = loadPack(readPackFiles(defaultPackDir));
  const checkRisk = new Map(full.checks.map((c) => [c.id, c.risk]));
  const q = [...full.questions.values()].find(
    (x) => !x.visibleWhen && x.type === 'single' && x.choices.some((c) => c.result === 'compliant') && (x.claims ?? []).filter((c) => checkRisk.get(c) === checkRisk.get(x.claims![0]!)).length >= 2,
  )!;
  const [a, b] = q.claims!.filter((c) => checkRisk.get(c) === checkRisk.get(q.claims![0]!));

  it('is listed once under the risk, with a disagreement per failing check', () => {
    const answers = { [q.id]: { choices: [q.choices.find((c) => c.result === 'compliant')!.id] } };
    const risks = deriveRisks({ pack: full, answers, findings: [{ ...finding(a!, 'x'), checkId: a! }, { ...finding(b!, 'y'), checkId: b! }] });
    const risk = risks.find((r) => r.templateId === checkRisk.get(a!))!;
    expect(risk.evidenceStatus).toBe('contradicted');
    expect(risk.evidence.answers.filter((x) => x.questionId === q.id)).toHaveLength(1);
    expect(risk.disagreements.map((d) => d.checkId).sort()).toEqual([a, b].sort());
  });
});

describe('risks stored before the status existed', () => {
  // the demo's risks as an older app wrote them: without the fields added since
  const demo = JSON.parse(readFileSync(join(repoRoot, 'assessments/demo/contoso-demo.demarc.json'), 'utf8')) as { risks: Record<string, unknown>[] };
  const bundle = { risks: demo.risks.map(({ evidenceStatus: _s, evidenceNotes: _n, rating: _r, ...r }) => r) };

  it('still validate, and get their status computed from their evidence', () => {
    const risks = bundle.risks.map((r) => RiskSchema.parse(r));
    expect(risks.length).toBeGreaterThan(0);
    for (const r of risks) {
      expect(r.evidenceStatus).toBeUndefined();
      const expected = r.disagreements.length > 0 ? 'contradicted' : r.evidence.findings.length > 0 ? 'verified' : 'reported';
      expect(evidenceStatusOf(r)).toBe(expected);
    }
    expect(new Set(risks.map(evidenceStatusOf))).toEqual(new Set(['verified', 'reported', 'contradicted']));
  });

  it('keeps a stored status, and calls hand-added risks manual', () => {
    const r = RiskSchema.parse(bundle.risks[0]);
    expect(evidenceStatusOf({ ...r, evidenceStatus: 'reported' })).toBe('reported');
    expect(evidenceStatusOf({ ...r, templateId: 'MANUAL-R-200' })).toBe('manual');
  });

  it('rejects an unknown status with its path', () => {
    const bad = RiskSchema.safeParse({ ...(bundle.risks[0] as object), evidenceStatus: 'guessed' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['evidenceStatus']);
  });
});
