import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPackDir, readPackFiles, repoRoot } from '../../../../node/read-pack-files';
import type { Finding } from '../../../../core/checks/run-checks';
import { loadPack } from '../../../../core/content/loader';
import type { Answers } from '../../../../core/interview/answers';
import { deriveRisks } from '../../../../core/risks/derive';
import { environmentOfText, environmentsOf } from '../../../../core/risks/environment';
import { levelOrder } from '../../../../core/risks/scoring';

const { pack, errors } = loadPack(readPackFiles(defaultPackDir));
const rules = pack.ratingFactors!.impact.nonProduction;

// The demo estate (answers + findings of assessments/demo): the same estate at two stakes.
const demo = JSON.parse(readFileSync(join(repoRoot, 'assessments/demo/contoso-demo.demarc.json'), 'utf8')) as {
  answers: Answers;
  inventory: { findings: Finding[]; resources: { row: Record<string, unknown> }[] };
};
const atStakes = (criticality: string, regulated: string[]) =>
  deriveRisks({
    pack,
    answers: { ...demo.answers, 'SCOPE-CRITICALITY': { choices: [criticality] }, 'SCOPE-REGULATED': { choices: regulated } },
    findings: demo.inventory.findings,
  });

describe('ratings that follow the stakes', () => {
  it('loads the bundled rating factors without content errors', () => {
    expect(errors).toEqual([]);
    expect(pack.ratingFactors).toBeDefined();
  });

  it('rates the same estate lower at low stakes than at critical stakes with health data', () => {
    // ids are numbered by level, so pair the two registers by template
    const byTemplate = (rs: ReturnType<typeof atStakes>) => [...rs].sort((a, b) => (a.templateId < b.templateId ? -1 : 1));
    // criticality also shows or hides questions (disaster recovery): compare the risks both raise
    const lowAll = atStakes('low', ['none']);
    const highAll = atStakes('critical', ['personal-data', 'health']);
    const common = new Set(lowAll.map((r) => r.templateId).filter((t) => highAll.some((h) => h.templateId === t)));
    expect(common.size).toBeGreaterThan(50);
    const low = byTemplate(lowAll.filter((r) => common.has(r.templateId)));
    const high = byTemplate(highAll.filter((r) => common.has(r.templateId)));
    const total = (rs: typeof low) => rs.reduce((s, r) => s + r.likelihood * r.impact, 0);
    expect(total(low)).toBeLessThan(total(high));
    expect(low.filter((r) => r.inherentLevel === 'low').length).toBeGreaterThan(0);
    expect(high.filter((r) => r.inherentLevel === 'low').length).toBeLessThan(low.filter((r) => r.inherentLevel === 'low').length);
    high.forEach((r, i) => {
      expect(r.impact).toBeGreaterThanOrEqual(low[i]!.impact);
      expect(levelOrder(pack.riskMatrix, r.inherentLevel)).toBeGreaterThanOrEqual(levelOrder(pack.riskMatrix, low[i]!.inherentLevel));
    });
    expect(high.flatMap((r) => r.rating!.adjustments.map((a) => a.reason))).toContainEqual(expect.stringMatching(/^Impact \d → \d: critical workloads and health data/));
    expect(low.flatMap((r) => r.rating!.adjustments.map((a) => a.reason))).toContainEqual(expect.stringMatching(/^Impact \d → \d: low-criticality workloads/));
  });

  it('makes a minor weakness in a low-stakes estate Low', () => {
    // a template rated Medium at the baseline, raised by a partial answer only
    const q = [...pack.questions.values()].find((x) => {
      const t = x.risk ? pack.riskTemplates.get(x.risk) : undefined;
      return t && t.likelihood === 3 && t.impact === 3 && x.type === 'single' && x.choices.some((c) => c.result === 'partial') && !x.visibleWhen;
    })!;
    const partial = q.choices.find((c) => c.result === 'partial')!;
    const answers: Answers = { 'SCOPE-CRITICALITY': { choices: ['low'] }, 'SCOPE-REGULATED': { choices: ['none'] }, [q.id]: { choices: [partial.id] } };
    const risk = deriveRisks({ pack, answers, findings: [] }).find((r) => r.templateId === q.risk)!;
    expect(risk).toMatchObject({ likelihood: 2, impact: 2, inherentLevel: 'low', evidenceStatus: 'reported' });
    const critical = deriveRisks({ pack, answers: { ...answers, 'SCOPE-CRITICALITY': { choices: ['critical'] } }, findings: [] }).find((r) => r.templateId === q.risk)!;
    expect(critical).toMatchObject({ likelihood: 2, impact: 4, inherentLevel: 'medium' });
  });

  it('lowers impact when every affected resource is non-production, naming where that shows', () => {
    const storage = (name: string, sub: string): Finding => ({
      checkId: 'ST-04',
      title: 'ST-04',
      resourceId: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`,
      resourceName: name,
      resourceType: 'microsoft.storage/storageaccounts',
      subscriptionId: sub,
      status: 'fail',
      severity: 'medium',
      owner: 'customer',
      responsibilityArea: 'customer-data',
      serviceModel: 'paas',
      evidence: {},
    });
    const rows = [
      { id: '/subscriptions/s-dev', type: 'microsoft.resources/subscriptions', name: 'Contoso Dev-Test' },
      { id: '/subscriptions/s-prod', type: 'microsoft.resources/subscriptions', name: 'Contoso Production' },
      { id: storage('a', 's-dev').resourceId, type: 'microsoft.storage/storageaccounts', tags: {} },
      { id: storage('b', 's-prod').resourceId, type: 'microsoft.storage/storageaccounts', tags: { Environment: 'UAT' } },
      { id: storage('c', 's-prod').resourceId, type: 'microsoft.storage/storageaccounts' },
    ];
    const environments = environmentsOf(rows, rules);
    const template = pack.riskTemplates.get(pack.checks.find((c) => c.id === 'ST-04')!.risk)!;
    const [nonProd] = deriveRisks({ pack, answers: {}, findings: [storage('a', 's-dev'), storage('b', 's-prod')], environments });
    expect(nonProd!.impact).toBe(template.impact - 1);
    expect(nonProd!.rating!.adjustments.map((a) => a.reason)).toContain(
      `Impact ${template.impact} → ${template.impact - 1}: all 2 affected resources are non-production (subscription "Contoso Dev-Test"; tag Environment=UAT)`,
    );
    const [mixed] = deriveRisks({ pack, answers: {}, findings: [storage('a', 's-dev'), storage('c', 's-prod')], environments });
    expect(mixed!.impact).toBe(template.impact);
  });

  it('reads environments from whole words, non-production first', () => {
    expect(environmentOfText('Contoso Non-Prod', rules)).toBe('non-production');
    expect(environmentOfText('PRD', rules)).toBe('production');
    expect(environmentOfText('Product catalogue', rules)).toBeUndefined();
    expect(environmentOfText('Contoso Pharma Research', rules)).toBeUndefined();
  });

  it('raises likelihood for resources another check shows reachable from the Internet', () => {
    const sa = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/open';
    const f = (checkId: string): Finding => ({ ...demo.inventory.findings[0]!, checkId, resourceId: sa, subscriptionId: 's', status: 'fail', serviceModel: 'paas' });
    const withExposure = deriveRisks({ pack, answers: {}, findings: [f('ST-04'), f('ST-05')] });
    const alone = deriveRisks({ pack, answers: {}, findings: [f('ST-04')] });
    const shared = pack.checks.find((c) => c.id === 'ST-04')!.risk;
    const a = alone.find((r) => r.templateId === shared)!;
    const b = withExposure.find((r) => r.templateId === shared)!;
    expect(b.likelihood).toBe(Math.min(5, a.likelihood + 1));
    expect(b.rating!.adjustments.map((x) => x.reason)).toContain(`Likelihood ${a.likelihood} → ${a.likelihood + 1}: 1 resource open to public networks`);
    // the exposure check's own risk keeps its baseline: the template already assumes it
    const own = withExposure.find((r) => r.templateId === pack.checks.find((c) => c.id === 'ST-05')!.risk)!;
    expect(own.rating!.adjustments.filter((x) => x.factor === 'exposure')).toEqual([]);
  });
});
