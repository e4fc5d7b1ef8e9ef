import { describe, expect, it } from 'vitest';
import { modelContext } from '../../../../core/report/model-builders/context';
import { riskView } from '../../../../core/report/model-builders/risks';
import { registerTable } from '../../../../core/report/register';
import { buildReportModel } from '../../../../core/report/model';
import { howKnownSummary } from '../../../../core/report/render/risks';
import { deriveRisks } from '../../../../core/risks/derive';
import { loadDemo } from './helpers';

/** How each risk is known and why it is rated so, in the report's risk pages and register summary. */
describe('report: how each risk is known', () => {
  const { bundle, pack, template } = loadDemo();
  // the demo estate derived by this engine: statuses and rating reasons on every risk
  const risks = deriveRisks({ pack, answers: bundle.answers, findings: bundle.inventory.findings, matrixId: bundle.assessment.matrixId });
  const derived = { ...bundle, risks };
  const ctx = modelContext(derived, pack, template, { date: '2026-12-01' });

  it('gives every risk view its status and its rating basis, the consultant score named', () => {
    const contradicted = risks.find((r) => r.disagreements.length > 0)!;
    expect(riskView(ctx, contradicted)).toMatchObject({ evidenceStatus: 'contradicted', evidenceStatusLabel: 'Contradicted' });
    const adjusted = risks.find((r) => r.rating!.adjustments.length > 0)!;
    const view = riskView(ctx, adjusted);
    expect(view.ratingBasis[0]).toBe(`Template baseline: likelihood ${adjusted.rating!.baseline.likelihood}, impact ${adjusted.rating!.baseline.impact}.`);
    expect(view.ratingBasis.slice(1)).toEqual(adjusted.rating!.adjustments.map((a) => `${a.reason}.`));
    const edited = riskView(ctx, { ...adjusted, likelihood: adjusted.likelihood === 5 ? 4 : 5 });
    expect(edited.ratingBasis.at(-1)).toMatch(/^Set by the consultant: likelihood \d \(engine: \d\)\.$/);
  });

  it('computes the status of risks from a bundle made before it existed', () => {
    const old = bundle.risks.map(({ evidenceStatus: _s, evidenceNotes: _n, rating: _r, ...r }) => r);
    const views = old.map((r) => riskView(ctx, r));
    expect(new Set(views.map((v) => v.evidenceStatus))).toEqual(new Set(['verified', 'reported', 'contradicted']));
    expect(views[0]!.ratingBasis).toEqual(["The risk template's rating (assessed before rating adjustments were recorded)."]);
  });

  it('summarises the register by status and adds the columns to the register export', () => {
    const model = buildReportModel(derived, pack, template, { date: '2026-12-01' });
    const count = (s: string) => model.risks.filter((r) => r.evidenceStatus === s).length;
    expect(howKnownSummary(model.risks)).toBe(
      `How each risk is known: of ${model.risks.length}, ${count('verified')} verified by failing resources in the inventory; ${count('reported')} reported in the interview only, ${model.risks.filter((r) => r.toVerify).length} of which rest only on a “Don't know” answer and are to verify, not established weaknesses; ${count('contradicted')} contradicted (the interview said the control is in place; the inventory shows otherwise).`,
    );
    const table = registerTable(model);
    const known = table.columns.indexOf('How known');
    expect(known).toBeGreaterThan(0);
    expect(new Set(table.rows.map((row) => row[known]))).toEqual(new Set(['Verified', 'Reported', 'Contradicted', 'To verify']));
  });
});
