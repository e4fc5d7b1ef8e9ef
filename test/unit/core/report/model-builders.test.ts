import { describe, expect, it } from 'vitest';
import { modelContext } from '../../../../core/report/model-builders/context';
import { environment, NO_REGION } from '../../../../core/report/model-builders/scope';
import { heatMap, posture, postureRating, priorities } from '../../../../core/report/model-builders/posture';
import { byRoadmap, horizonOf, riskView } from '../../../../core/report/model-builders/risks';
import { matrixDisagreements } from '../../../../core/report/model-builders/shared-responsibility';
import { engagementDates } from '../../../../core/report/model-builders/engagement';
import { documentControl, documentIdentity } from '../../../../core/report/model-builders/meta';
import { loadDemo } from './helpers';

/** Each builder of the report model, called alone on the demo assessment. */
describe('report model builders', () => {
  const { bundle, pack, template } = loadDemo();
  const ctx = modelContext(bundle, pack, template, { date: '2026-12-01' });
  const risks = bundle.risks.map((r) => riskView(ctx, r));

  it('riskView: one risk with its findings grouped by check, at most 20 resources each', () => {
    const withFindings = bundle.risks.find((r) => r.evidence.findings.length > 0)!;
    const view = riskView(ctx, withFindings);
    expect(view.findings.reduce((n, f) => n + f.total, 0)).toBe(withFindings.evidence.findings.length);
    expect(view.findings.every((f) => f.resources.length <= 20 && f.resources.length <= f.total)).toBe(true);
    expect(view.ownerJustification).toContain(ctx.matrix.title);
  });

  it('horizonOf: a due date decides the horizon; without one, the top level goes first', () => {
    const r = bundle.risks[0]!;
    const residual = ctx.rating(r.likelihood, r.impact, r.inherentLevel);
    expect(horizonOf(ctx, { ...r, dueDate: '2026-12-20' }, residual)).toBe('30');
    expect(horizonOf(ctx, { ...r, dueDate: '2027-02-15' }, residual)).toBe('90');
    expect(horizonOf(ctx, { ...r, dueDate: '2027-06-01' }, residual)).toBe('later');
    const top = ctx.levels[ctx.levels.length - 1]!.id;
    expect(horizonOf(ctx, { ...r, dueDate: null, treatment: null, inherentLevel: top }, residual)).toBe('30');
    expect(horizonOf(ctx, { ...r, dueDate: null, treatment: 'accept', inherentLevel: top }, residual)).toBe('later');
  });

  it('postureRating: three top-level risks make the posture weak, none at the top two levels good', () => {
    const [low, high, top] = [ctx.levels[0], ctx.levels.at(-2), ctx.levels.at(-1)];
    const by = (t: number, h: number) => [{ level: top!, inherent: t }, { level: high!, inherent: h }, { level: low!, inherent: 40 }];
    expect(postureRating(by(3, 0), ctx.levels)).toBe('Weak');
    expect(postureRating(by(1, 0), ctx.levels)).toBe('Needs improvement');
    expect(postureRating(by(0, 1), ctx.levels)).toBe('Fair');
    expect(postureRating(by(0, 0), ctx.levels)).toBe('Good');
    expect(posture(ctx, risks).byLevel.reduce((n, b) => n + b.inherent, 0)).toBe(risks.length);
  });

  it('heatMap and priorities place every risk once', () => {
    const map = heatMap(risks, (r) => r.inherent);
    expect(map.ids.flat(2).sort()).toEqual(risks.map((r) => r.id).sort());
    const p = priorities([...risks].sort(byRoadmap(ctx)));
    expect(Object.values(p).flat()).toHaveLength(risks.length);
  });

  it('matrixDisagreements: cells the other matrix assigns differently, none without another matrix', () => {
    expect(matrixDisagreements(ctx.matrix, undefined)).toEqual([]);
    const found = matrixDisagreements(ctx.matrix, ctx.otherMatrix);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.used !== d.other)).toBe(true);
  });

  it('environment: check totals add up to the findings', () => {
    const e = environment(ctx);
    const t = e.findingTotals;
    expect(t.pass + t.fail + t.notApplicable).toBe(bundle.inventory.findings.length);
    expect(e.exposure.reduce((n, x) => n + x.failing, 0)).toBe(t.fail);
  });

  it('environment: resources without a location are counted apart from Azure\'s "global" location, after the regions', () => {
    const e = environment(ctx);
    const without = bundle.inventory.resources.filter((r) => !r.location).length;
    const global = bundle.inventory.resources.filter((r) => r.location === 'global').length;
    expect(without).toBeGreaterThan(0);
    expect(global).toBeGreaterThan(0);
    expect(e.byRegion.find((x) => x.region === 'global')?.count).toBe(global);
    expect(e.byRegion.at(-1)).toEqual({ region: NO_REGION, count: without });
  });

  it('meta: engagement dates and the draft/final change note', () => {
    const one = modelContext({ ...bundle, assessment: { ...bundle.assessment, engagement: { startDate: '2026-11-23', endDate: '2026-11-23' } } }, pack, template, {});
    expect(engagementDates(one)).toBe('23 November 2026');
    // without report settings, a final assessment makes a final document
    const final = modelContext({ ...bundle, deliverable: undefined, assessment: { ...bundle.assessment, status: 'final' } }, pack, template, {});
    expect(documentControl(final, documentIdentity(final), 'X').versions.at(-1)?.change).toBe('Final: issued to the client');
  });
});
