import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { AssessmentBundle } from '../../../../core/bundle/schema';
import { buildReport } from '../../../../core/report/build';
import { buildReportModel, type ReportDepth } from '../../../../core/report/model';
import { registerSheets } from '../../../../core/report/register-workbook';
import { loadDemo } from './helpers';

/** Risks merged by a template migration keep their old ids visible wherever the risk is printed. */
describe('former risk ids', () => {
  const { bundle: demo, pack, template } = loadDemo();
  const merged = demo.risks[0]!.id;
  // R-001 absorbed two risks of retired templates (core/bundle/migrate-templates.ts)
  const bundle: AssessmentBundle = { ...demo, risks: demo.risks.map((r, i) => (i === 0 ? { ...r, formerIds: ['R-117', 'R-121'] } : r)) };

  async function paragraphs(depth: ReportDepth): Promise<string[]> {
    const { report } = await buildReport({ bundle, pack, template, options: { depth } });
    const xml = await (await JSZip.loadAsync(report)).file('word/document.xml')!.async('string');
    return Array.from(xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g), ([p]) => Array.from(p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]).join(''));
  }

  it('the model carries them; a risk without any has none', () => {
    const model = buildReportModel(bundle, pack, template);
    expect(model.risks.find((r) => r.id === merged)!.formerIds).toEqual(['R-117', 'R-121']);
    expect(model.risks.filter((r) => r.formerIds.length > 0).map((r) => r.id)).toEqual([merged]);
  });

  it('the theme entry says "(formerly …)" after the title', async () => {
    const text = await paragraphs('standard');
    const title = text.filter((p) => p.includes(`${merged}  ${demo.risks[0]!.title}`));
    expect(title).toEqual([` VH  ${merged}  ${demo.risks[0]!.title} (formerly R-117, R-121)`]);
    expect(text.filter((p) => p.includes('(formerly '))).toHaveLength(1);
  });

  it('the full-depth risk page has a "Formerly" row in its facts', async () => {
    const text = await paragraphs('full');
    const at = text.indexOf('Formerly');
    expect(at).toBeGreaterThan(-1);
    expect(text[at + 1]).toBe(`R-117, R-121 (merged into ${merged})`);
    expect(text.filter((p) => p === 'Formerly')).toHaveLength(1);
  });

  it('the register workbook has a "Former ids" column', () => {
    const [register] = registerSheets(buildReportModel(bundle, pack, template));
    const column = register!.columns.findIndex((c) => c.header === 'Former ids');
    expect(column).toBeGreaterThan(-1);
    expect(register!.rows[0]![0]).toBe(merged);
    expect(register!.rows[0]![column]).toBe('R-117; R-121');
    expect(register!.rows.slice(1).every((row) => row[column] === '')).toBe(true);
  });
});
