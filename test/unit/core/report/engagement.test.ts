import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseBundle, type AssessmentBundle } from '../../../../core/bundle/schema';
import { buildReport } from '../../../../core/report/build';
import { lintDocx } from '../../../../core/report/docx-lint';
import { buildReportModel } from '../../../../core/report/model';
import { loadDemo } from './helpers';

/** The demo without the optional engagement and incident response data (a bundle as older versions wrote it). */
function bare(bundle: AssessmentBundle): AssessmentBundle {
  const { engagement: _e, ...assessment } = bundle.assessment;
  const { incidentResponse: _i, ...rest } = bundle;
  return { ...rest, assessment };
}

describe('report: engagement data and incident response setup from the bundle', () => {
  const { bundle, pack, template } = loadDemo();

  it('uses the bundle classification as the marking, else the template default', () => {
    const marked: AssessmentBundle = { ...bundle, assessment: { ...bundle.assessment, engagement: { ...bundle.assessment.engagement, classification: 'CONFIDENTIAL — Contoso' } } };
    const model = buildReportModel(marked, pack, template);
    expect(model.meta.classification).toBe('CONFIDENTIAL — Contoso');
    expect(model.placeholders.classification).toBe('CONFIDENTIAL — Contoso');
    const fallback = buildReportModel(bare(bundle), pack, template);
    expect(fallback.meta.classification).toBe(template.manifest.classification.marking);
  });

  it('prints the classification in the header and the engagement reference and dates on the cover', async () => {
    const marked: AssessmentBundle = { ...bundle, assessment: { ...bundle.assessment, engagement: { ...bundle.assessment.engagement, classification: 'CONFIDENTIAL — Contoso' } } };
    const { report } = await buildReport({ bundle: marked, pack, template });
    expect(await lintDocx(report)).toEqual([]);
    const zip = await JSZip.loadAsync(report);
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.some((h) => h.includes('CONFIDENTIAL — Contoso'))).toBe(true);
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toContain('ENG-2026-0147');
    expect(doc).toContain('23 November 2026 – 24 November 2026');
    expect(doc).toContain('Marcus Lindqvist');
  }, 60_000);

  it('puts engagement id, dates and attendees in the model', () => {
    const model = buildReportModel(bundle, pack, template);
    expect(model.meta.engagementId).toBe('ENG-2026-0147');
    expect(model.meta.engagementDates).toBe('23 November 2026 – 24 November 2026');
    expect(model.scope.attendees).toContainEqual({ name: 'Priya Natarajan', role: 'Head of IT Operations' });
    // five in the interviews, five workstream leads at the read-out
    expect(model.scope.attendees).toHaveLength(10);
    expect(model.scope.attendees).toContainEqual({ name: 'Jonas Weber', role: 'Identity and Access Lead (read-out only)' });
    const none = buildReportModel(bare(bundle), pack, template);
    expect(none.meta.engagementId).toBe('');
    expect(none.meta.engagementDates).toBe('');
    expect(none.scope.attendees).toEqual([]);
  });

  it('takes the support plan and escalation notes from the IR setup, falling back to the IRP-05 answer', () => {
    const model = buildReportModel(bundle, pack, template);
    expect(model.irPlan.supportPlan).toBe('Unified Support (Enterprise)');
    expect(model.placeholders.supportPlan).toBe('Unified Support (Enterprise)');
    expect(model.irPlan.escalationNotes).toContain('Enhanced Designated Engineering');
    expect(model.irPlan.roles.find((r) => r.role === 'Microsoft')?.assignee).toContain('Unified Support (Enterprise)');

    const irp05 = bundle.answers['IRP-05'];
    const q = pack.questions.get('IRP-05')!;
    const expected = irp05 && irp05.choices.length > 0 ? irp05.choices.map((c) => q.choices.find((x) => x.id === c)!.label).join('; ') : 'Not answered';
    const fallback = buildReportModel(bare(bundle), pack, template);
    expect(fallback.irPlan.supportPlan).toBe(expected);
    expect(fallback.irPlan.escalationNotes).toBe('');
    const unknown = buildReportModel({ ...bundle, incidentResponse: { supportPlan: 'Not known' } }, pack, template);
    expect(unknown.irPlan.supportPlan).toBe(expected);
  });

  it('shows a not-applicable mark in the interview log', () => {
    const model = buildReportModel(bundle, pack, template);
    const row = model.interviewLog.flatMap((d) => d.rows).find((r) => r.questionId === 'PAS-04');
    expect(row).toMatchObject({ answer: 'Marked not applicable', result: 'Not applicable' });
  });

  it('distributes the report to the client\'s own people, not to the outside parties of the IR contact sheet', () => {
    const model = buildReportModel(bundle, pack, template);
    const outside = bundle.contacts.filter((c) => c.organisation !== undefined && c.organisation !== bundle.assessment.client);
    expect(outside.length).toBeGreaterThan(0);
    const names = model.documentControl.distribution.map((d) => d.name);
    for (const c of outside) expect(names).not.toContain(c.name);
    expect(names).toContain(bundle.contacts.find((c) => c.organisation === undefined)!.name);
    const staffOfClient = { ...bundle, contacts: [{ id: 'own', name: 'Ana Own', role: 'CTO', organisation: ` ${bundle.assessment.client.toUpperCase()} ` }] };
    expect(buildReportModel(staffOfClient, pack, template).documentControl.distribution.map((d) => d.name)).toEqual(['Ana Own']);
  });

  it('handles a blank client name and blank contact fields', () => {
    const blank: AssessmentBundle = {
      ...bundle,
      assessment: { ...bundle.assessment, client: '' },
      contacts: [{ id: 'x', name: '', role: '' }, ...bundle.contacts],
    };
    const model = buildReportModel(blank, pack, template);
    expect(model.meta.client).toBe('the client');
    expect(model.documentControl.distribution.every((d) => d.name !== '')).toBe(true);
    expect(model.irPlan.contacts[0]).toMatchObject({ name: 'Not named', role: 'Not stated' });
  });
});

describe('bundle schema: the optional additions', () => {
  const { bundle } = loadDemo();

  it('accepts bundles without them, and with blank client and contact fields', () => {
    const { engagement: _e, ...assessment } = bundle.assessment;
    const { incidentResponse: _i, ...rest } = bundle;
    expect(parseBundle({ ...rest, assessment: { ...assessment, client: '' }, contacts: [{ id: 'c', name: '', role: '' }] }).ok).toBe(true);
  });

  it('stays strict: unknown keys, bad dates, unknown support plans and oversized text are rejected', () => {
    const e = bundle.assessment.engagement!;
    const cases: [unknown, string][] = [
      [{ ...bundle, assessment: { ...bundle.assessment, engagement: { ...e, extra: 1 } } }, 'assessment.engagement'],
      [{ ...bundle, assessment: { ...bundle.assessment, engagement: { ...e, startDate: '24/11/2026' } } }, 'assessment.engagement.startDate'],
      [{ ...bundle, assessment: { ...bundle.assessment, engagement: { ...e, classification: '' } } }, 'assessment.engagement.classification'],
      [{ ...bundle, assessment: { ...bundle.assessment, engagement: { ...e, attendees: [{ name: 'x', role: 'y', organisation: 'z' }] } } }, 'assessment.engagement.attendees[0]'],
      [{ ...bundle, assessment: { ...bundle.assessment, client: 'x'.repeat(201) } }, 'assessment.client'],
      [{ ...bundle, incidentResponse: { supportPlan: 'Gold' } }, 'incidentResponse.supportPlan'],
      [{ ...bundle, incidentResponse: { escalationNotes: 'x'.repeat(50_001) } }, 'incidentResponse.escalationNotes'],
      [{ ...bundle, answers: { ...bundle.answers, 'PAS-04': { choices: [], answeredBy: '' } } }, 'answers.PAS-04.answeredBy'],
      [{ ...bundle, answers: { ...bundle.answers, 'PAS-04': { choices: [], notApplicable: 'yes' } } }, 'answers.PAS-04.notApplicable'],
    ];
    for (const [data, path] of cases) {
      const r = parseBundle(data);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.errors.map((x) => x.path), path).toContain(path);
    }
  });
});
