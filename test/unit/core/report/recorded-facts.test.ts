import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../core/report/model';
import { loadDemo } from './helpers';

/** The report never contradicts itself: a "Don't know" risk is to verify, and a fact the IR setup records is stated, not called unknown. */
describe('report: recorded facts and "Don\'t know" risks', () => {
  const { bundle, pack, template } = loadDemo();
  const model = (b = bundle) => buildReportModel(b, pack, template, { date: '2026-12-01' });
  const bySupportQuestion = (m: ReturnType<typeof model>) => m.risks.find((r) => r.answers.some((a) => a.questionId === 'IRP-05'))!;
  const byPartnerQuestion = (m: ReturnType<typeof model>) => m.risks.find((r) => r.answers.some((a) => a.questionId === 'TPR-01'))!;

  it('the support risk states the recorded Unified Support plan and leaves only the case-opening steps to verify', () => {
    const r = bySupportQuestion(model());
    expect(r.evidenceStatusLabel).toBe('To verify');
    expect(r.answers[0]!.result).toBe('To verify');
    expect(r.recordedFacts[0]).toMatch(/^The incident response setup records the Microsoft support plan as Unified Support \(Enterprise\), a plan that offers severity A cases around the clock \(Support scope and responsiveness, Microsoft/);
    expect(r.toVerify?.step).toBe('Confirm that responders know how to open a severity A case and who is authorised to.');
    // and the IR plan does not call the recorded plan a gap
    expect(model().irPlan.supportGapRiskIds).toEqual([]);
  });

  it('the partner risk quotes the MSSP retainer from the escalation notes', () => {
    const r = byPartnerQuestion(model());
    expect(r.recordedFacts[0]).toContain('Incident response > Escalation notes names a security partner: “The MSSP (Fabrikam Security, retainer FS-2291)');
    expect(r.toVerify?.step).toMatch(/^Confirm that the contract covers 24x7 monitoring/);

  });

  it('without the record, the same risks say nothing recorded and ask the question again', () => {
    const bare = model({ ...bundle, incidentResponse: undefined });
    expect(bySupportQuestion(bare).recordedFacts).toEqual([]);
    expect(bySupportQuestion(bare).toVerify?.step).toMatch(/^Ask again \(IRP-05\): “Does the organisation's Microsoft support plan allow severity A/);
    expect(bare.irPlan.supportGapRiskIds).toEqual([bySupportQuestion(bare).id]);
  });

  it('a risk backed by failing resources is not "to verify", even with a "Don\'t know" among its answers; the interview log says "To verify" too', () => {
    const m = model();
    const verified = m.risks.find((r) => r.findings.length > 0 && r.answers.some((a) => a.answer === "Don't know"))!;
    expect(verified.toVerify).toBeUndefined();
    expect(verified.evidenceStatusLabel).toBe('Verified');
    // the IR plan's readiness gaps do not assert a "Don't know" gap either
    const toVerify = new Map(m.risks.filter((x) => x.toVerify).map((x) => [x.id, x.toVerify!.step]));
    const gaps = m.irPlan.readinessGaps.filter((g) => toVerify.has(g.riskId));
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect(g.action).toBe(`To verify: ${toVerify.get(g.riskId)}`);
    const logged = m.interviewLog.flatMap((d) => d.rows).find((row) => row.questionId === 'IRP-05')!;
    expect(logged.result).toBe('To verify');
  });
});
