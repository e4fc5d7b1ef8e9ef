import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../../core/bundle/schema';
import { buildReport } from '../../../../core/report/build';
import { lintDocx } from '../../../../core/report/docx-lint';
import { buildManualRisk, nextRiskId } from '../../../../core/risks/manual';
import { loadDemo } from './helpers';

describe('report: a risk added by hand', () => {
  const { bundle, pack, template } = loadDemo();
  const id = nextRiskId(bundle.risks.map((r) => r.id));
  const manual = buildManualRisk({
    id,
    input: {
      title: 'Break-glass password kept in a shared mailbox',
      threat: 'Anyone with access to the mailbox can take over the tenant.',
      category: 'privileged-access',
      area: 'identities-users',
      serviceModels: ['saas'],
      likelihood: 4,
      impact: 5,
      recommendation: 'Seal the credential and keep it in a vault with access reviews.',
      effort: 'low',
      userImpact: 'low',
      irPlaybooks: ['identity-compromise'],
    },
    matrix: pack.matrices.get(bundle.assessment.matrixId)!,
    riskMatrix: pack.riskMatrix,
    playbookIds: new Set(pack.playbooks.map((p) => p.id)),
    at: '2026-11-29T10:00:00.000Z',
    by: 'Dana',
  });

  it('travels in a bundle and is reported like the others, with no evidence, naming its playbook', async () => {
    const parsed = parseBundle({ ...bundle, risks: [...bundle.risks, manual] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { report, irPlan, model } = await buildReport({ bundle: parsed.bundle, pack, template });
    expect(await lintDocx(report)).toEqual([]);
    const doc = await (await JSZip.loadAsync(report)).file('word/document.xml')!.async('string');
    expect(doc).toContain(`w:anchor="risk_${id.replace('-', '_')}"`);
    expect(doc).toContain('Break-glass password kept in a shared mailbox');
    expect(doc).toContain('Seal the credential and keep it in a vault with access reviews.');
    // the IR plan (its own document) carries the playbook it names
    const playbook = model.irPlan.playbooks.find((p) => p.id === 'identity-compromise')!;
    expect(playbook.reasons.join(' ')).toMatch(/Named by \d+ register risks/);
    const plan = await (await JSZip.loadAsync(irPlan!)).file('word/document.xml')!.async('string');
    expect(plan).toContain('Compromised user or administrator identity');
  }, 60_000);
});
