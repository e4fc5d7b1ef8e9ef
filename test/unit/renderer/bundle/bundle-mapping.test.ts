import { describe, expect, it } from 'vitest';
import { bundleToDump, dumpToBundle } from '../../../../renderer/bundle/bundle-mapping';
import { parseBundle } from '../../../../core/bundle/schema';
import { loadDemo } from '../../core/report/helpers';

describe('bundle mapping: engagement, answer marks and IR setup survive export → import → export', () => {
  const { bundle, pack } = loadDemo();
  const dump = bundleToDump(bundle, pack);
  const exported = dumpToBundle(dump, bundle.exportedAt);

  it('maps the new fields into the app rows', () => {
    expect(dump.assessment.engagement).toMatchObject({
      engagementId: 'ENG-2026-0147',
      startDate: '2026-11-23',
      endDate: '2026-11-24',
      classification: 'Strictly confidential',
    });
    expect(dump.assessment.engagement.attendees).toEqual(bundle.assessment.engagement!.attendees);
    expect(dump.assessment.engagement.attendees).toHaveLength(10);
    expect(dump.incidentSetup).toMatchObject({ supportPlan: 'Unified Support (Enterprise)' });
    expect(dump.incidentSetup?.escalationNotes).toBe(bundle.incidentResponse?.escalationNotes);
    const na = dump.answers.find((a) => a.questionId === 'PAS-04');
    expect(na).toMatchObject({ choices: [], notApplicable: true, answeredBy: 'Aisha Rahman' });
  });

  it('exports them back unchanged and valid', () => {
    expect(parseBundle(exported).ok).toBe(true);
    expect(exported.assessment.engagement).toEqual(bundle.assessment.engagement);
    expect(exported.incidentResponse).toEqual(bundle.incidentResponse);
    expect(exported.answers['PAS-04']).toEqual(bundle.answers['PAS-04']);
    for (const [id, a] of Object.entries(bundle.answers)) expect(exported.answers[id]?.answeredBy, id).toBe(a.answeredBy);
    expect(exported.assessment.client).toBe(bundle.assessment.client);
    const again = dumpToBundle(bundleToDump(exported, pack), bundle.exportedAt);
    expect(again).toEqual(exported);
  });

  it('gives risks from a bundle made before the evidence status one computed from their evidence', () => {
    // the demo's risks as an older app wrote them: without the fields added since
    const old = { ...bundle, risks: bundle.risks.map(({ evidenceStatus: _s, evidenceNotes: _n, rating: _r, ...r }) => r) };
    const imported = bundleToDump(old, pack);
    const statuses = new Map(imported.risks.map((r) => [r.id, r.evidenceStatus]));
    for (const r of old.risks) {
      const expected = r.disagreements.length > 0 ? 'contradicted' : r.evidence.findings.length > 0 ? 'verified' : 'reported';
      expect(statuses.get(r.id), r.id).toBe(expected);
    }
    expect(new Set(statuses.values())).toEqual(new Set(['verified', 'reported', 'contradicted']));
    expect(dumpToBundle(imported, bundle.exportedAt).risks.find((r) => r.disagreements.length > 0)?.evidenceStatus).toBe('contradicted');
  });

  it('keeps blank values blank: no "Not recorded" client, blank contacts, no empty engagement', () => {
    const blank = bundleToDump(bundle, pack);
    blank.assessment.client = '';
    blank.assessment.engagement = { ...blank.assessment.engagement, engagementId: '', startDate: '', endDate: '', attendees: [{ name: '', role: '' }], classification: '' };
    blank.contacts = [{ ...blank.contacts[0]!, name: '', role: '' }];
    blank.incidentSetup = { assessmentId: blank.assessment.id, supportPlan: '', escalationNotes: '  ', updatedAt: blank.assessment.updatedAt };
    const out = dumpToBundle(blank, bundle.exportedAt);
    expect(parseBundle(out).ok).toBe(true);
    expect(out.assessment.client).toBe('');
    expect(out.assessment.engagement).toBeUndefined();
    expect(out.incidentResponse).toBeUndefined();
    expect(out.contacts[0]).toMatchObject({ name: '', role: '' });
    expect(bundleToDump(out, pack).assessment.client).toBe('');
    // what earlier versions wrote for a blank client reads back as blank
    expect(bundleToDump({ ...out, assessment: { ...out.assessment, client: 'Not recorded' } }, pack).assessment.client).toBe('');
  });
});
