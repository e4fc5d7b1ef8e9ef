import { describe, expect, it } from 'vitest';
import type { AssessmentBundle } from '../../../../core/bundle/schema';
import { preflight, unassignedIrRoles, type PreflightItem } from '../../../../core/report/preflight';
import type { Risk } from '../../../../core/risks/schema';
import { loadDemo, riskIdOf } from './helpers';

/** The pre-flight check, rule by rule, each on a small bundle that trips it and one that does not. */
describe('report pre-flight check', () => {
  const { bundle: demo, pack, template } = loadDemo();
  /** The demo risk raised from a template (demo risk ids shift as the demo grows). */
  const riskOf = (templateId: string): Risk => demo.risks.find((r) => r.id === riskIdOf(demo, templateId))!;
  /** The demo's risk raised by these interview answers (ids follow the demo as regenerated). */
  const raisedBy = (...questionIds: string[]): Risk => demo.risks.find((r) => r.evidence.answers.map((a) => a.questionId).join() === questionIds.join())!;
  const commander = demo.contacts.find((c) => /incident commander/i.test(c.role))!;

  /** A small bundle: the demo's assessment, no inventory, an owned risk-free register, a named commander, a full document control. */
  function small(patch: Partial<AssessmentBundle> = {}): AssessmentBundle {
    return {
      ...demo,
      answers: { 'SCOPE-CRITICALITY': { choices: ['high'] }, 'IRP-05': { choices: ['yes'] } },
      contacts: [commander],
      incidentResponse: undefined,
      inventory: { snapshots: demo.inventory.snapshots, resources: [], findings: [] },
      risks: [],
      deliverable: { status: 'draft', version: '0.9', partner: 'Jo Partner', qaReviewer: 'Sam Review', sponsor: 'Marcus Lindqvist' },
      ...patch,
    };
  }
  const ids = (b: AssessmentBundle, withTemplate = false): string[] => preflight({ bundle: b, pack, ...(withTemplate ? { template } : {}) }).items.map((i) => i.id);
  const item = (b: AssessmentBundle, id: string): PreflightItem | undefined => preflight({ bundle: b, pack, template }).items.find((i) => i.id === id);

  it('a complete small bundle has no item', () => {
    expect(preflight({ bundle: small(), pack, template }).items).toEqual([]);
  });

  it('a Graph check left unassessed for want of named break-glass accounts is a warning leading to the Inventory; a licence gap is not', () => {
    const graph = demo.inventory.snapshots.find((s) => s.source === 'graph-pull' || s.source === 'graph-import')!;
    const withGaps = (notAssessed: { checkId: string; reason: string }[]) =>
      small({ inventory: { snapshots: [{ ...graph, notAssessed }], resources: [], findings: [] } });
    const unnamed = withGaps([
      { checkId: 'GR-08', reason: 'licence gap: PIM needs Entra ID P2' },
      { checkId: 'GR-09', reason: 'no emergency access accounts were named: name them to assess this check' },
    ]);
    expect(ids(unnamed)).toEqual(['not-assessed:GR-09']);
    expect(item(unnamed, 'not-assessed:GR-09')).toMatchObject({ severity: 'warning', screen: 'inventory', where: 'Inventory > Emergency access accounts' });
    expect(item(unnamed, 'not-assessed:GR-09')?.message).toContain('the answer to PAM-09 is taken on trust');
    expect(ids(withGaps([{ checkId: 'GR-08', reason: 'licence gap' }]))).toEqual([]);
    // named since: the newest Graph snapshot assessed GR-09, an older one's gap no longer counts
    const older = { ...graph, id: 'older-graph', takenAt: '2020-01-01T00:00:00.000Z', notAssessed: [{ checkId: 'GR-09', reason: 'no emergency access accounts were named' }] };
    const renamed = small({ inventory: { snapshots: [older, { ...graph, notAssessed: [] }], resources: [], findings: [] } });
    expect(ids(renamed)).toEqual([]);
  });

  it('support plan: a recorded 24x7 plan against "No" is a blocker; against "Don\'t know" a warning; agreeing answers none', () => {
    const ir = { supportPlan: 'Unified Support (Enterprise)' as const };
    expect(item(small({ incidentResponse: ir, answers: { 'IRP-05': { choices: ['no'] } } }), 'contradiction:support-plan')).toMatchObject({ severity: 'blocker', screen: 'interview' });
    expect(item(small({ incidentResponse: ir, answers: { 'IRP-05': { choices: ['unknown'] } } }), 'contradiction:support-plan')?.severity).toBe('warning');
    expect(ids(small({ incidentResponse: ir, answers: { 'IRP-05': { choices: ['yes'] } } }))).toEqual([]);
    // a developer plan (no severity A around the clock, pack data) against "Yes"
    expect(item(small({ incidentResponse: { supportPlan: 'Developer' }, answers: { 'IRP-05': { choices: ['yes'] } } }), 'contradiction:support-plan')?.severity).toBe('blocker');
    expect(ids(small({ incidentResponse: { supportPlan: 'Not known' }, answers: { 'IRP-05': { choices: ['no'] } } }))).toEqual([]);
  });

  it('security partner: an MSSP in the escalation notes or the contacts against "No partner" is a blocker', () => {
    const notes = { escalationNotes: 'Call the MSSP (Fabrikam, retainer FS-1) first.' };
    const found = item(small({ incidentResponse: notes, answers: { 'TPR-01': { choices: ['none'] } } }), 'contradiction:security-partner');
    expect(found).toMatchObject({ severity: 'blocker', where: 'Interview > TPR-01, or Incident response > Escalation notes' });
    expect(found?.message).toContain('Call the MSSP (Fabrikam, retainer FS-1) first.');
    const mssp = { id: 'c9', name: 'Fabrikam SOC', role: 'MDR provider' };
    expect(item(small({ contacts: [commander, mssp], answers: { 'TPR-01': { choices: ['unknown'] } } }), 'contradiction:security-partner')?.severity).toBe('warning');
    expect(ids(small({ incidentResponse: notes, answers: { 'TPR-01': { choices: ['contracted'] } } }))).toEqual([]);
    expect(ids(small({ incidentResponse: { escalationNotes: 'Call the service desk.' }, answers: { 'TPR-01': { choices: ['none'] } } }))).toEqual([]);
  });

  it('"Don\'t know": a risk resting only on it is listed with its verification step; one with findings or another answer is not', () => {
    const onlyUnknown = raisedBy('DAT-01');
    const b = small({ risks: [{ ...onlyUnknown, actionOwner: 'Aisha' }] });
    const found = item(b, `dont-know:${onlyUnknown.id}`);
    expect(found?.severity).toBe('warning');
    expect(found?.message).toContain('Ask again (DAT-01): “Is there a data classification scheme');
    const withFindings = riskOf('RT-LOCAL-AUTH');
    // "Don't know" and "Partly": the risk rests on the partial answer
    const mixed = raisedBy('IDN-12', 'M365-10');
    expect(ids(small({ risks: [withFindings, mixed].map((r) => ({ ...r, actionOwner: 'Aisha' })) }))).toEqual([]);
  });

  it('action owners: a risk without one is listed, unless accepted as a risk', () => {
    const r = riskOf('RT-LOG-NO-ENTRA-LOGS');
    expect(item(small({ risks: [{ ...r, actionOwner: null }] }), `owner:${r.id}`)).toMatchObject({ severity: 'warning', where: `Risks > ${r.id} > Action owner` });
    expect(ids(small({ risks: [{ ...r, actionOwner: '  ' }] }))).toEqual([`owner:${r.id}`]);
    expect(ids(small({ risks: [{ ...r, actionOwner: null, treatment: 'accept' }] }))).toEqual([]);
  });

  it('IR roles: no named incident commander or lead is a blocker', () => {
    expect(unassignedIrRoles(small({ contacts: [] }))).toEqual([{ id: 'incident-lead', role: 'Incident commander (incident lead)' }]);
    expect(item(small({ contacts: [{ ...commander, name: '' }] }), 'ir-role:incident-lead')?.severity).toBe('blocker');
    expect(ids(small({ contacts: [{ id: 'x', name: 'Lee', role: 'Head of IT', responsibilities: ['Incident lead'] }] }))).toEqual([]);
  });

  it('placeholders: {{…}} typed into a field, and a template placeholder with no value', () => {
    const b = small({ assessment: { ...demo.assessment, name: 'Review for {{client}}' } });
    expect(item(b, 'placeholder:Engagement > assessment name')).toMatchObject({ severity: 'blocker', screen: 'engagement' });
    // the default template prints {{criticality}}: unanswered, it would read "Not answered"
    const usesCriticality = [...template.blocks.values()].some((blk) => JSON.stringify(blk.blocks).includes('"criticality"'));
    const unanswered = ids(small({ answers: {} }), true);
    if (usesCriticality) expect(unanswered).toContain('placeholder:{{criticality}}');
    expect(ids(small({ answers: { 'SCOPE-CRITICALITY': { choices: ['high'] }, 'IRP-05': { choices: ['yes'] } } }), true).filter((i) => i.startsWith('placeholder'))).toEqual([]);
  });

  it('document control: missing partner, QA reviewer and sponsor are blockers on a final document, warnings on a draft', () => {
    const none = { status: 'final' as const, version: '1.0' };
    const final = preflight({ bundle: small({ deliverable: none }), pack }).items;
    expect(final.map((i) => [i.id, i.severity])).toEqual([
      ['document-control:partner', 'blocker'],
      ['document-control:qa-reviewer', 'blocker'],
      ['document-control:sponsor', 'blocker'],
    ]);
    const draft = preflight({ bundle: small({ deliverable: { status: 'draft', version: '0.3' } }), pack }).items;
    expect(draft.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('version and status: a final 0.x or a draft 1.0 is a blocker; the option wins over the settings', () => {
    const d = small().deliverable!;
    expect(ids(small({ deliverable: { ...d, status: 'final', version: '0.9' } }))).toEqual(['version:status']);
    expect(ids(small({ deliverable: { ...d, status: 'draft', version: '1.0' } }))).toEqual(['version:status']);
    expect(ids(small({ deliverable: { ...d, status: 'final', version: '1.0' } }))).toEqual([]);
    expect(preflight({ bundle: small(), pack, options: { status: 'final' } }).items.map((i) => i.id)).toEqual(['version:status']);
    expect(preflight({ bundle: small(), pack, options: { status: 'final', version: '1.1' } }).items).toEqual([]);
  });

  it('acceptance: an accepted item carries its reason and no longer counts as open', () => {
    const base = small({ deliverable: { status: 'final', version: '0.9', partner: 'P', qaReviewer: 'Q', sponsor: 'S' } });
    expect(preflight({ bundle: base, pack })).toMatchObject({ openBlockers: 1, open: 1 });
    const accepted = { ...base, deliverable: { ...base.deliverable!, preflightAccepted: [{ itemId: 'version:status', reason: 'client asked for 0.9 final', by: 'Jo', at: '2026-12-01T10:00:00Z' }] } };
    const r = preflight({ bundle: accepted, pack });
    expect(r).toMatchObject({ openBlockers: 0, open: 0 });
    expect(r.items[0]!.accepted).toEqual({ reason: 'client asked for 0.9 final', by: 'Jo', at: '2026-12-01T10:00:00Z' });
  });

  it('the demo: both contradictions of issue 14 are found (and accepted) and blockers come first', () => {
    const r = preflight({ bundle: demo, pack, template });
    const found = r.items.map((i) => i.id);
    const dontKnow = [raisedBy('DAT-01'), raisedBy('IRP-05')].map((x) => `dont-know:${x.id}`);
    expect(found).toEqual(expect.arrayContaining(['contradiction:support-plan', 'contradiction:security-partner', ...dontKnow]));
    expect(r.items.find((i) => i.id === 'contradiction:support-plan')?.accepted?.reason).toContain('Unified Support');
    const firstWarning = r.items.findIndex((i) => i.severity === 'warning');
    expect(r.items.slice(firstWarning).every((i) => i.severity === 'warning')).toBe(true);
  });
});
