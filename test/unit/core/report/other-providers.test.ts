import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { parseBundle } from '../../../../core/bundle/schema';
import { buildReport } from '../../../../core/report/build';
import { modelContext } from '../../../../core/report/model-builders/context';
import { otherProvidersView } from '../../../../core/report/model-builders/other-providers';
import { ownerJustification } from '../../../../core/report/model-builders/risks';
import { loadDemo } from './helpers';

/** "Other providers in scope" on the demo: AWS in scope with a worksheet filled in the workshop. */
describe('report: other providers side by side', () => {
  const { bundle, pack, template } = loadDemo();
  const view = (b = bundle) => otherProvidersView(modelContext(b, pack, template, { date: '2026-12-01' }), pack.commitments!);

  it('a column per provider in scope: matrix summary on Microsoft’s rows and the worksheet answers', () => {
    const v = view();
    expect(v.providers.map((p) => p.name)).toEqual(['Amazon Web Services']);
    expect(v.matrix.find((r) => r.area === 'Operating system')!.cells).toEqual(['Customer (EC2), Shared (RDS), Provider (S3, DynamoDB)']);
    expect(v.matrix.find((r) => r.area.startsWith('Customer data'))!.cells).toEqual(['Customer']);
    expect(v.worksheet.find((r) => r.item === 'Data location')!.cells[0]).toMatchObject({ status: 'Yes', note: expect.stringContaining('eu-west-2') });
    expect(v.worksheet.find((r) => r.item === 'Data location')!.cells[0]!.riskId).toBeUndefined();
  });

  it('an item never answered reads Unknown, and a gap names the risk it feeds when that was raised', () => {
    const v = view();
    const keys = v.worksheet.find((r) => r.item === 'Encryption and keys')!.cells[0]!;
    expect(keys.status).toBe('Unknown');
    const flows = bundle.risks.find((r) => r.templateId === 'RT-MCL-UNPROTECTED-DATA-FLOWS')!;
    expect(keys.riskId).toBe(flows.id);
    const exit = v.worksheet.find((r) => r.item === 'Exit terms')!.cells[0]!;
    expect(exit).toMatchObject({ status: 'No', riskId: bundle.risks.find((r) => r.templateId === 'RT-MCL-TERMS-UNREVIEWED')!.id });
    expect(v.gaps).toBe(3);
  });

  it('a gap whose risk was not raised links to nothing', () => {
    const withoutRisk = { ...bundle, risks: bundle.risks.filter((r) => r.templateId !== 'RT-MCL-IR-GAPS') };
    expect(view(withoutRisk).worksheet.find((r) => r.item === 'Breach and incident notification')!.cells[0]).toEqual(expect.not.objectContaining({ riskId: expect.anything() }));
  });

  it('a named provider with no matrix gets its own column, its split not sourced, its unanswered items unknown', () => {
    const answers = { ...bundle.answers, 'SCOPE-OTHER-CLOUDS': { choices: ['aws', 'other'] } };
    const sheets = [...bundle.providerWorksheets!, { provider: 'other', name: 'Veeva Vault', answers: [{ itemId: 'sla-read', status: 'yes' as const }] }];
    const v = view({ ...bundle, answers, providerWorksheets: sheets });
    expect(v.providers.map((p) => p.name)).toEqual(['Amazon Web Services', 'Veeva Vault']);
    expect(v.matrix.every((r) => r.cells[1] === 'Not sourced')).toBe(true);
    expect(v.worksheet.find((r) => r.item === 'SLA read and understood')!.cells[1]!.status).toBe('Yes');
    expect(v.worksheet.find((r) => r.item === 'Exit terms')!.cells[1]!.status).toBe('Unknown');
  });

  it('no provider in scope, no section', () => {
    expect(view({ ...bundle, answers: { ...bundle.answers, 'SCOPE-OTHER-CLOUDS': { choices: ['none'] } } }).providers).toEqual([]);
  });

  it('a multi-cloud risk’s owner justification cites the AWS matrix, not Microsoft’s', () => {
    const ctx = modelContext(bundle, pack, template, { date: '2026-12-01' });
    const risk = bundle.risks.find((r) => r.templateId === 'RT-MCL-FRAGMENTED-IDENTITY')!;
    const text = ownerJustification(ctx, risk);
    expect(text).toContain('Amazon Web Services');
    expect(text).toContain('AWS Well-Architected Framework');
    expect(text).not.toContain(ctx.matrix.title);
  });

  it('a bundle written before worksheets and provider owners still loads: every item Unknown, the owner read from Microsoft’s matrix', () => {
    const old = JSON.parse(JSON.stringify(bundle)) as Record<string, unknown> & { risks: Record<string, unknown>[] };
    delete old.providerWorksheets;
    for (const r of old.risks) {
      if (!r.providerBasis) continue;
      delete r.providerBasis;
      r.ownerBasis = [{ serviceModel: 'iaas', owner: 'customer' }];
    }
    const parsed = parseBundle(old);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const v = view(parsed.bundle);
    expect(v.worksheet.every((row) => row.cells[0]!.status === 'Unknown')).toBe(true);
    const ctx = modelContext(parsed.bundle, pack, template, { date: '2026-12-01' });
    expect(ownerJustification(ctx, parsed.bundle.risks.find((r) => r.templateId === 'RT-MCL-IR-GAPS')!)).toContain(ctx.matrix.title);
  });

  it('the .docx puts the section in the chapter: the provider’s column, its answers and the risks the gaps feed', async () => {
    const built = await buildReport({ bundle, pack, template, options: { date: '2026-12-01' } });
    const xml = await (await JSZip.loadAsync(built.report)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const at = text.lastIndexOf('Other providers in scope'); // the first is the table of contents
    expect(at).toBeGreaterThan(text.indexOf('What a service credit is worth'));
    const section = text.slice(at, text.indexOf('Sources', at));
    expect(section).toContain('Provider-commitment worksheet');
    expect(section).toContain('Amazon Web Services');
    const flows = bundle.risks.find((r) => r.templateId === 'RT-MCL-UNPROTECTED-DATA-FLOWS')!.id;
    expect(section).toContain(`Unknown. See ${flows}.`);
  });
});
