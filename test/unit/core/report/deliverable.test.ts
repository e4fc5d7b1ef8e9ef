import { describe, expect, it } from 'vitest';
import type { AssessmentBundle } from '../../../../core/bundle/schema';
import { buildReportModel } from '../../../../core/report/model';
import { buildReport } from '../../../../core/report/build';
import { loadDemo } from './helpers';

/** Status, version and signatories of the deliverable, as the model gives them to the cover and document control. */
describe('report: status, version and document control', () => {
  const { bundle, pack, template } = loadDemo();
  const model = (deliverable: AssessmentBundle['deliverable'], options = {}) => buildReportModel({ ...bundle, deliverable }, pack, template, { date: '2026-12-01', ...options });

  it('a draft without a version is 0.9 "Draft for review", and the last history line says so', () => {
    const m = model(undefined);
    expect(bundle.assessment.status).not.toBe('final');
    expect([m.meta.version, m.meta.statusLabel]).toEqual(['0.9', 'Draft for review']);
    expect(m.documentControl.versions.at(-1)).toMatchObject({ version: '0.9', change: 'Draft for review' });
    expect(m.documentControl.versions[0]).toMatchObject({ version: '0.1' });
  });

  it('a final is 1.0 "Final"; the settings version and explicit options win in that order', () => {
    expect(model({ status: 'final' }).meta).toMatchObject({ version: '1.0', statusLabel: 'Final' });
    expect(model({ status: 'final' }).documentControl.versions.at(-1)!.change).toBe('Final: issued to the client');
    expect(model({ status: 'final', version: '1.2' }).meta.version).toBe('1.2');
    expect(model({ status: 'final', version: '1.2' }, { version: '2.0' }).meta.version).toBe('2.0');
    expect(model({ status: 'final' }, { status: 'draft' }).meta).toMatchObject({ version: '0.9', statusLabel: 'Draft for review' });
  });

  it('a 0.1 draft has a single history line', () => {
    expect(model({ status: 'draft', version: '0.1' }).documentControl.versions).toHaveLength(1);
  });

  it('the partner, QA reviewer and sponsor sign after the author; without them two contacts review', () => {
    const signed = model({ partner: 'Jo Partner', qaReviewer: 'Sam Review', sponsor: 'Marcus Lindqvist' }).documentControl.reviewers;
    expect(signed.map((r) => r.role)).toEqual(['Author', 'Engagement partner (approves)', 'Quality reviewer', `Client sponsor, ${bundle.assessment.client} (accepts)`]);
    expect(model(undefined).documentControl.reviewers.slice(1).every((r) => r.role.endsWith('(client reviewer)'))).toBe(true);
  });

  it('the builder takes depth, IR plan, status and version from the stored settings when no option says otherwise', async () => {
    const stored = { ...bundle, deliverable: { depth: 'executive' as const, irPlan: 'inside' as const, status: 'final' as const, version: '1.2' } };
    const built = await buildReport({ bundle: stored, pack, template });
    expect(built.model.depth).toBe('executive');
    expect(built.irPlan).toBeUndefined();
    expect(built.model.meta.version).toBe('1.2');
    const overridden = await buildReport({ bundle: stored, pack, template, options: { depth: 'full', irPlan: 'separate', version: '2.0' } });
    expect(overridden.model.depth).toBe('full');
    expect(overridden.irPlan).toBeDefined();
    expect(overridden.model.meta.version).toBe('2.0');
  }, 60_000);
});
