import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../core/report/build';
import { sectionsAtDepth } from '../../../../core/report/depth';
import { lintDocx } from '../../../../core/report/docx-lint';
import { buildReportModel } from '../../../../core/report/model';
import type { ReportDepth } from '../../../../core/report/model';
import { loadDemo } from './helpers';
import { runMain } from '../../cli/run-main';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { bundle, pack, template } = loadDemo();

/** The body text of the built report, paragraph by paragraph, with the lint result. */
async function render(depth: ReportDepth | undefined, b = bundle): Promise<{ xml: string; text: string; lint: unknown[] }> {
  const { report } = await buildReport({ bundle: b, pack, template, options: depth ? { depth } : {} });
  const xml = await (await JSZip.loadAsync(report)).file('word/document.xml')!.async('string');
  const text = Array.from(xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g), ([p]) => Array.from(p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]).join('')).join('\n');
  return { xml, text, lint: await lintDocx(report) };
}
const count = (s: string, needle: string | RegExp): number => (typeof needle === 'string' ? s.split(needle).length - 1 : (s.match(needle) ?? []).length);

describe('report depth', () => {
  it('standard (the default): themes, no per-risk pages, no register table or appendix, no queries', async () => {
    const { xml, text, lint } = await render(undefined);
    expect(lint).toEqual([]);
    expect(text).toContain('Risks by theme');
    expect(text).not.toContain('Detailed risks');
    expect(count(text, 'Owner and justification')).toBe(0);
    expect(text).not.toContain('Risk register summary');
    expect(text).not.toContain('Full risk register');
    expect(xml).not.toMatch(/w:orient="landscape"/);
    expect(text).toContain('is delivered as a spreadsheet (XLSX) with this report');
    // every risk has its entry (and its bookmark) in the themes chapter, with its fix
    for (const r of bundle.risks) expect(xml).toContain(`w:name="risk_${r.id.replace('-', '_')}"`);
    // Very high and High risks get an entry with their fix; the others one line under "Also in this theme"
    const entries = count(text, /^(Fix|To verify|Verify first): /gm);
    const lines = count(text, /^ (M|L|VL) {2}R-\d{3} {2}.+ — (Medium|Low|Very low) \(\d × \d\)/gm);
    expect(entries).toBeGreaterThan(0);
    expect(lines).toBeGreaterThan(0);
    expect(entries + lines).toBe(bundle.risks.length);
    expect(text).toContain('Also in this theme');
    // a risk resting on "Don't know" alone leads with the step that verifies it
    const unverified = buildReportModel(bundle, pack, template).risks.filter((r) => r.toVerify && ['very-high', 'high'].includes(r.inherent.level)).length;
    expect(unverified).toBeGreaterThan(0);
    expect(count(text, /^Verify first: /gm)).toBe(unverified);
    // no portal steps or commands: the KQL appendix is gone too, and the appendices start at A
    expect(text).not.toContain('In the portal');
    expect(text).not.toContain('Command line');
    expect(text).toMatch(/queries were run against the inventory/);
    expect(text).toMatch(/^Appendix A\. Rating scales$/m);
    expect(text).toContain('Days 0–30');
    expect(text).toContain('Beyond 90 days');
  }, 60_000);

  it('full: keeps one page per risk, the register and the queries as well as the themes', async () => {
    const { xml, text, lint } = await render('full');
    expect(lint).toEqual([]);
    expect(text).toContain('Risks by theme');
    expect(text).toContain('Detailed risks');
    expect(count(text, /^Owner and justification$/gm)).toBe(bundle.risks.length);
    expect(text).toMatch(/^Appendix A\. Full risk register$/m);
    expect(xml).toMatch(/w:orient="landscape"/);
    expect(text).not.toMatch(/queries were run against the inventory/);
    // the themes list each risk on one line, linked to its page
    for (const r of bundle.risks.slice(0, 5)) expect(xml).toContain(`w:anchor="risk_${r.id.replace('-', '_')}"`);
  }, 60_000);

  it('executive: one line per risk, no fix paragraphs', async () => {
    const { text, lint } = await render('executive');
    expect(lint).toEqual([]);
    expect(text).toContain('Risks by theme');
    expect(count(text, /^Fix: /gm)).toBe(0);
    expect(count(text, /^ (VH|H|M|L) {2}R-\d{3} {2}.+ — (Very high|High|Medium|Low) \(\d × \d\)/gm)).toBe(bundle.risks.length);
  }, 60_000);

  it('takes the depth from the bundle’s deliverable settings when no option is given', async () => {
    const { text } = await render(undefined, { ...bundle, deliverable: { depth: 'full' } });
    expect(text).toContain('Detailed risks');
  }, 60_000);

  it('an older template listing only risk-details gets the themes in its place', () => {
    const old = template.sections.filter((s) => s !== 'themes');
    const standard = sectionsAtDepth(old, 'standard');
    expect(standard).toContain('themes');
    expect(standard).not.toContain('risk-details');
    expect(standard.indexOf('themes')).toBe(old.indexOf('risk-details') - 1); // register-summary before it is gone
    expect(sectionsAtDepth(old, 'full')).toEqual(old.flatMap((s) => (s === 'risk-details' ? ['themes', s] : [s])));
  });

  it('demarc report --depth picks the depth and refuses an unknown one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-depth-'));
    try {
      const bad = await runMain(['report', '--demo', '--depth', 'deep', '-o', 'r.docx'], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--depth takes executive, standard, full');
      const ok = await runMain(['report', '--demo', '--depth', 'full', '-o', 'r.docx'], dir);
      expect(ok.code).toBe(0);
      const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'r.docx')))).file('word/document.xml')!.async('string');
      expect(xml).toContain('Detailed risks');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
