/**
 * The executive summary's ranking (current rating, meaningful ties, one row per finding) and the
 * act-now box (live issues from the pack's `actNow` checks, whatever the target rating).
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentBundle } from '../../../../core/bundle/schema';
import type { ContentPack } from '../../../../core/content/types';
import { buildReportModel } from '../../../../core/report/model';
import type { Risk } from '../../../../core/risks/schema';
import { loadDemo } from './helpers';

const { bundle: demo, pack, template } = loadDemo();
const risk = (id: string): Risk => structuredClone(demo.risks.find((r) => r.id === id)!);

/** A copy of a demo risk under a new id and template, rated as given (residual set apart). */
function rated(from: string, id: string, likelihood: number, impact: number, level: string, residual: Risk['residual'] = null): Risk {
  return { ...risk(from), id, templateId: `RT-TEST-${id}`, likelihood, impact, inherentLevel: level, residual };
}

const withRisks = (risks: Risk[]): AssessmentBundle => ({ ...demo, risks });
const topIds = (bundle: AssessmentBundle): string[] => buildReportModel(bundle, pack, template).summary.topRisks.map((t) => t.risk.id);

describe('top risks of the executive summary', () => {
  it('ranks by the current (inherent) rating, not the target: a 5×5 with a low target comes before a 4×5 kept very high', () => {
    const bundle = withRisks([
      rated('R-001', 'R-001', 4, 5, 'very-high', { likelihood: 4, impact: 5, level: 'very-high' }),
      rated('R-003', 'R-002', 5, 5, 'very-high', { likelihood: 1, impact: 2, level: 'low' }),
    ]);
    expect(topIds(bundle)).toEqual(['R-002', 'R-001']);
  });

  it('breaks ties by what is known and what it touches, not by the lowest id', () => {
    // reported in interview only, though it names LIMS resources (as a consultant's note might)
    const reported = rated('R-004', 'R-001', 5, 5, 'very-high');
    reported.evidence.affectedResources = risk('R-017').evidence.affectedResources;
    const bundle = withRisks([
      reported,
      rated('R-003', 'R-002', 5, 5, 'very-high'), // verified, Clinical data platform (high), 16 resources
      rated('R-016', 'R-003', 5, 5, 'very-high'), // verified, LIMS (critical), 12 resources
      rated('R-012', 'R-004', 5, 5, 'very-high'), // verified, no business service, 2 resources
      rated('R-006', 'R-005', 5, 5, 'very-high'), // verified, no business service, 13 resources
    ]);
    expect(topIds(bundle)).toEqual(['R-003', 'R-002', 'R-005', 'R-004', 'R-001']);
  });

  it('shows risks that are the same finding once, naming the others', () => {
    const twin = rated('R-001', 'R-010', 4, 4, 'high'); // the same failing checks
    const sameResources = { ...rated('R-004', 'R-011', 3, 4, 'high'), evidence: { ...risk('R-004').evidence, affectedResources: risk('R-001').evidence.affectedResources } };
    const bundle = withRisks([risk('R-001'), twin, sameResources, risk('R-002')]);
    const top = buildReportModel(bundle, pack, template).summary.topRisks;
    expect(top.map((t) => t.risk.id)).toEqual(['R-001', 'R-002']);
    expect(top[0]!.sameFinding).toEqual(['R-010', 'R-011']);
  });

  it('does not merge distinct weaknesses that only share a subscription', () => {
    // attack paths, excess owners and access hygiene are all found on the subscription itself
    expect(topIds(withRisks([risk('R-009'), risk('R-036'), risk('R-050')]))).toEqual(['R-009', 'R-036', 'R-050']);
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
  it('escalates every risk with a failing act-now check, whatever its target rating, by current rating', () => {
    const alerts = { ...risk('R-008'), residual: { likelihood: 1, impact: 1, level: 'low' } };
    const bundle = withRisks(demo.risks.map((r) => (r.id === 'R-008' ? alerts : r)));
    const items = buildReportModel(bundle, pack, template).actNow;
    expect(items.map((i) => i.riskId)).toEqual(['R-002', 'R-008', 'R-009']);
    expect(items[0]).toMatchObject({ issue: 'Management port open to the Internet', subjects: ['nsg-rdp-range', 'nsg-ssh-list', 'nsg-udp-open'], subjectTotal: 3 });
    expect(items[0]!.firstAction).toMatch(/^Delete or restrict/);
    expect(items[1]!.subjects).toEqual(['Successful brute force attack on vm-jump01']);
    expect(items[2]!.subjects).toEqual(['Internet exposed VM with high severity vulnerabilities has permissions to a storage account']);
  });

  it('ranks by current rating: raising the attack path above the alert moves it up', () => {
    const bundle = withRisks(demo.risks.map((r) => (r.id === 'R-009' ? { ...r, likelihood: 5, impact: 5 } : r)));
    expect(buildReportModel(bundle, pack, template).actNow.map((i) => i.riskId)).toEqual(['R-002', 'R-009', 'R-008']);
  });

  it('takes membership from the pack, not from the code', () => {
    expect(buildReportModel(demo, withoutActNow('DF-06'), template).actNow.map((i) => i.riskId)).toEqual(['R-002', 'R-009']);
  });

  it('ignores passing findings of an act-now check', () => {
    const findings = demo.inventory.findings.map((f) => (f.checkId === 'DF-06' ? { ...f, status: 'pass' as const } : f));
    const bundle = { ...demo, inventory: { ...demo.inventory, findings } };
    expect(buildReportModel(bundle, pack, template).actNow.map((i) => i.riskId)).not.toContain('R-008');
  });
});
