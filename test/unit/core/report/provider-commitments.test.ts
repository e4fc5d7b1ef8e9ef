import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../core/report/build';
import { modelContext } from '../../../../core/report/model-builders/context';
import { providerCommitments } from '../../../../core/report/model-builders/provider-commitments';
import { loadTemplate } from '../../../../core/report/template';
import JSZip from 'jszip';
import { loadDemo } from './helpers';

/** The visible text of a .docx body, paragraphs joined by new lines. */
async function documentText(docx: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

/** The "Provider commitments" chapter on the demo estate. */
describe('report: provider commitments', () => {
  const { bundle, pack, template } = loadDemo();

  it("states what Microsoft commits to per configuration found in this client's inventory", () => {
    const chapter = providerCommitments(modelContext(bundle, pack, template, { date: '2026-12-01' }))!;
    const vmSets = chapter.services.find((s) => s.configuration.startsWith('Two or more instances in the same availability set'));
    expect(vmSets).toMatchObject({ service: 'Virtual Machines', sla: '99.95 %', downtime: '21.6 min' });
    const hdd = chapter.services.find((s) => s.configuration.includes('Standard HDD'));
    expect(hdd).toMatchObject({ sla: '95 %', downtime: '2,160 min' });
    // a figure that could not be sourced stays unknown
    expect(chapter.services.find((s) => s.service === 'Key Vault')!.sla).toBe('Unknown');
    expect(chapter.counts.committed + chapter.counts.noSla + chapter.counts.unknown).toBe(chapter.services.reduce((n, s) => n + s.count, 0));
  });

  it("judges each workload against the client's tolerance from the scoping answer", () => {
    const chapter = providerCommitments(modelContext(bundle, pack, template, { date: '2026-12-01' }))!;
    expect(chapter.tolerance).toContain('SCOPE-CRITICALITY');
    expect(chapter.workloads.length).toBeGreaterThan(0);
    expect(chapter.workloads.every((w) => ['Gap', 'Within tolerance'].includes(w.verdict))).toBe(true);
  });

  it('is left out when the pack carries no commitment data', () => {
    const { commitments: _omit, ...bare } = pack;
    expect(providerCommitments(modelContext(bundle, bare, template, {}))).toBeUndefined();
  });

  it('appears in the report after the shared responsibility analysis, with its sources', async () => {
    const built = await buildReport({ bundle, pack, template, options: { date: '2026-12-01' } });
    const text = await documentText(built.report);
    const at = text.indexOf('Provider commitments');
    expect(at).toBeGreaterThan(text.indexOf('Shared responsibility analysis'));
    expect(text).toContain('What a service credit is worth');
    expect(text).toContain('Service Level Agreements (SLA) for Online Services');
  });

  it('a template copied before the chapter existed still loads (its text block is optional)', () => {
    const files = [...template.blocks.keys()].length;
    expect(files).toBeGreaterThan(0);
    const withoutBlock = loadTemplate([]).problems.filter((p) => p.file === 'blocks/provider-commitments.md');
    expect(withoutBlock).toEqual([]);
  });
});

describe('IR plan: escalation to Microsoft support', () => {
  const { bundle, pack, template } = loadDemo();

  it("lists each plan's response per severity from the pack's cited data, the client's plan marked, unknown kept unknown", async () => {
    const built = await buildReport({ bundle, pack, template, options: { date: '2026-12-01', irPlan: 'inside' } });
    const table = built.model.irPlan.supportPlans!;
    expect(table.rows.find((r) => r.clients)).toMatchObject({ plan: expect.stringContaining('Unified'), a: '< 1 hour', roundTheClock: 'Yes' });
    expect(table.rows.find((r) => r.plan === 'Standard')).toMatchObject({ a: 'Unknown', roundTheClock: 'Yes' });
    expect(table.rows.find((r) => r.plan.startsWith('Basic'))).toMatchObject({ a: 'Not offered', roundTheClock: 'No' });
    expect(await documentText(built.report)).toContain('Unified (Enterprise), Core or Advanced (this client)');
  });

  it('says so when the client’s plan is not one of the rows', async () => {
    const other = { ...bundle, incidentResponse: { ...bundle.incidentResponse!, supportPlan: 'Premier' as const } };
    const built = await buildReport({ bundle: other, pack, template, options: { date: '2026-12-01' } });
    expect(built.model.irPlan.supportPlans!.clientPlanKnown).toBe(false);
    expect(built.model.irPlan.supportPlans!.rows.some((r) => r.clients)).toBe(false);
  });
});
