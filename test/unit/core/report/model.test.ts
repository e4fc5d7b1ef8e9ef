import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../core/report/model';
import { loadDemo } from './helpers';

describe('report model', () => {
  const { bundle, pack, template } = loadDemo();
  const model = buildReportModel(bundle, pack, template);

  it('counts every risk once on each heat map', () => {
    const sum = (m: number[][]): number => m.flat().reduce((s, x) => s + x, 0);
    expect(sum(model.heatmaps.inherent.counts)).toBe(bundle.risks.length);
    expect(sum(model.heatmaps.residual.counts)).toBe(bundle.risks.length);
    const r = bundle.risks[0]!;
    expect(model.heatmaps.inherent.ids[r.likelihood - 1]![r.impact - 1]).toContain(r.id);
  });

  it('splits responsibility and fills the 30/60/90 priorities from the register', () => {
    const c = model.responsibility.counts;
    expect(c.customer + c.shared + c.microsoft + c.unknown).toBe(bundle.risks.length);
    expect(model.responsibility.customerMustOwn.every((r) => r.owner !== 'microsoft')).toBe(true);
    const all = [...model.priorities['30'], ...model.priorities['60'], ...model.priorities['90'], ...model.priorities.later];
    expect(all).toHaveLength(bundle.risks.length);
    expect(model.priorities['30'].length).toBeGreaterThan(0);
  });

  it('gives every risk a short, unique bookmark', () => {
    const marks = model.risks.map((r) => r.bookmark);
    expect(new Set(marks).size).toBe(marks.length);
    expect(marks.every((m) => m.length <= 40 && /^[A-Za-z][A-Za-z0-9_]*$/.test(m))).toBe(true);
  });

  it('masks tenant and subscription ids by default and shows them with mask off', () => {
    const guid = bundle.assessment.scope.subscriptions[0]!;
    expect(JSON.stringify(model)).not.toContain(guid);
    const open = buildReportModel(bundle, pack, template, { mask: false });
    expect(JSON.stringify(open)).toContain(guid);
  });

  it('tailors the IR plan: readiness gaps cite register ids, playbooks are selected and linked', () => {
    const ids = new Set(model.risks.map((r) => r.id));
    expect(model.irPlan.readinessGaps.length).toBeGreaterThan(0);
    expect(model.irPlan.readinessGaps.every((g) => ids.has(g.riskId))).toBe(true);
    const pb = model.irPlan.playbooks.map((p) => p.id);
    expect(pb).toContain('identity-compromise');
    expect(model.irPlan.playbooks.every((p) => p.riskIds.every((id) => ids.has(id)))).toBe(true);
    expect(model.irPlan.detectionSources.length).toBeGreaterThan(3);
    expect(model.irPlan.tabletop.length).toBeGreaterThan(0);
    expect(model.irPlan.contacts.length).toBe(bundle.contacts.length);
  });

  it('cites the matrix used and shows where Microsoft’s two matrices disagree', () => {
    expect(model.sharedResponsibility.matrix.id).toBe(bundle.assessment.matrixId);
    expect(model.sharedResponsibility.disagreements.length).toBeGreaterThan(0);
    expect(model.sharedResponsibility.greyAreas.some((g) => g.riskIds.length > 0)).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildReportModel(bundle, pack, template))).toBe(JSON.stringify(model));
  });
});
