/**
 * Converts generated reports to PDF with LibreOffice (headless) and reads them back with
 * poppler: every section title and every risk id must be in the text, and the register
 * appendix must be on landscape pages. In CI (CI=true) a missing LibreOffice fails the run;
 * elsewhere the suite is skipped, saying why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/report/build';
import { lintDocx } from '../../../core/report/docx-lint';
import { hostileBundle, largeBundle, loadDemo } from '../../unit/core/report/helpers';
import { office, officeAvailable as available, poppler, run, toPdf } from './office';

const inCi = process.env.CI === 'true';

if (!available) {
  const why = `LibreOffice (${office ?? 'missing'}) and poppler-utils (${poppler ? 'present' : 'missing'}) are needed to convert reports to PDF`;
  if (inCi) {
    describe('report PDF conversion (LibreOffice)', () => {
      it('has LibreOffice and poppler in CI', () => {
        throw new Error(`${why}; CI installs libreoffice-writer-nogui and poppler-utils.`);
      });
    });
  } else {
    console.warn(`Skipping the LibreOffice report tests: ${why} (apt-get install libreoffice-writer-nogui poppler-utils).`);
  }
}

const SECTION_TITLES = [
  'Document control',
  'Contents',
  'Disclaimer',
  'Executive summary',
  'Scope and approach',
  'Risk methodology',
  'Environment overview',
  'Shared responsibility analysis',
  'Risk register summary',
  'Risks by theme',
  'Detailed risks',
  'Remediation roadmap',
  'Incident response plan',
  'Shared responsibility during incidents',
  'Scenario playbooks',
  'Appendix A. Full risk register',
  'Appendix B. Rating scales',
  'Appendix C. Interview log',
  'Appendix D. Technical evidence',
  'Appendix E. Glossary and references',
  'Appendix F. Risk acceptance sign-off',
];

describe.runIf(available)('report PDF conversion (LibreOffice)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-report-'));
  const { bundle, pack, template } = loadDemo();
  const cases = {
    demo: bundle,
    large: largeBundle(bundle, 300, 3000),
    hostile: hostileBundle(bundle),
  };
  const pdfs = new Map<string, { text: string; pages: { w: number; h: number }[]; pageTexts: string[]; layoutPages: string[] }>();
  const docxs = new Map<string, Uint8Array>();

  async function convert(name: string, bytes: Uint8Array): Promise<void> {
    writeFileSync(join(dir, `${name}.docx`), bytes);
    const pdf = await toPdf(dir, name);
    const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '100000', pdf], { maxBuffer: 64 * 1024 * 1024 });
    const pages = Array.from(info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm), (m) => ({ w: Number(m[1]), h: Number(m[2]) }));
    const { stdout: text } = await run('pdftotext', [pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
    const { stdout: laidOut } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
    pdfs.set(name, { text: text.replace(/\s+/g, ' '), pages, pageTexts: text.split('\f'), layoutPages: laidOut.split('\f').slice(0, pages.length) });
  }

  beforeAll(async () => {
    // the full technical depth: every section, one page per risk and the landscape register;
    // the IR plan inside (its own document has its own test); and the demo at the default (standard) depth, for the tables only it has (roadmap plan)
    const jobs = [...Object.entries(cases).map(([name, b]) => [name, b, 'full'] as const), ['demo-standard', bundle, 'standard'] as const];
    const built = await Promise.all(jobs.map(async ([name, b, depth]) => [name, (await buildReport({ bundle: b, pack, template, options: { depth, irPlan: 'inside' } })).report] as const));
    for (const [name, bytes] of built) {
      expect(await lintDocx(bytes), name).toEqual([]);
      docxs.set(name, bytes);
    }
    // the report and the plan as separate documents: the layout checks below cover them too
    const separate = await buildReport({ bundle, pack, template, options: { irPlan: 'separate' } });
    await Promise.all([...built.map(([name, bytes]) => convert(name, bytes)), convert('separate', separate.report), convert('separate-ir-plan', separate.irPlan!)]);
  }, 900_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['demo', 'demo-standard'])('%s: no word of a table header or cell is broken across lines in the PDF', async (name) => {
    // a word LibreOffice breaks inside a cell comes out of pdftotext as two tokens ("mediu m")
    const xml = await (await JSZip.loadAsync(docxs.get(name)!)).file('word/document.xml')!.async('string');
    const texts = (s: string): string[] => Array.from(s.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]!);
    const tableWords = new Set(Array.from(xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)).flatMap(([t]) => texts(t).flatMap((x) => x.match(/[A-Za-z]{4,}/g) ?? [])));
    const allWords = new Set(texts(xml).flatMap((x) => x.match(/[A-Za-z]+/g) ?? []));
    const tokens = pdfs.get(name)!.text.split(' ');
    const broken = tokens.flatMap((a, i) => {
      const b = (tokens[i + 1] ?? '').replace(/[.,;:)]$/, '');
      return /^[A-Za-z]+$/.test(a) && /^[A-Za-z]+$/.test(b) && tableWords.has(a + b) && !allWords.has(a) ? [`${a} ${b}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('separate: the demo report at the default (standard) depth runs to at most 45 pages, its executive summary to two', () => {
    const pages = pdfs.get('separate')!.layoutPages;
    expect(pages.length).toBeLessThanOrEqual(45);
    const opens = (page: string, title: string): boolean => page.split('\n').map((l) => l.trim()).filter(Boolean)[1] === title;
    const start = pages.findIndex((p) => opens(p, 'Executive summary'));
    expect(start).toBeGreaterThan(0);
    expect(pages.findIndex((p, i) => i > start && opens(p, 'Scope and approach')) - start).toBeLessThanOrEqual(2);
  });

  const layoutChecked = ['demo', 'separate', 'separate-ir-plan'];

  it.each(layoutChecked)('%s: no page holds only a few words (running header and footer aside)', (name) => {
    const sparse = pdfs.get(name)!.layoutPages.flatMap((page, i) => {
      const lines = page.split('\n').filter((l) => l.trim() !== '');
      const words = lines.slice(1, -1).join(' ').split(/\s+/).filter(Boolean);
      return i > 0 && words.length < 40 ? [`page ${i + 1}: ${words.join(' ').slice(0, 120)}`] : [];
    });
    expect(sparse).toEqual([]);
  });

  it.each(layoutChecked)('%s: every contents entry gives the page LibreOffice puts its heading on', (name) => {
    const pages = pdfs.get(name)!.layoutPages;
    const entries: { title: string; page: number; on: number }[] = [];
    pages.forEach((p, i) => {
      for (const m of p.matchAll(/^\s*(\S.*?)\s*\.{4,}\s*(\d+)\s*$/gm)) entries.push({ title: m[1]!, page: Number(m[2]), on: i });
    });
    expect(entries.length).toBeGreaterThan(10);
    const tocPages = new Set(entries.map((e) => e.on));
    // a heading is a line of its own, or two when a long one wraps
    const holds = (page: string, title: string): boolean => {
      const lines = page.split('\n').map((l) => l.trim());
      return lines.some((l, i) => l === title || (title.startsWith(`${l} `) && `${l} ${lines[i + 1] ?? ''}` === title));
    };
    const headingOn = (title: string, from: number): number => pages.findIndex((p, i) => i >= from && !tocPages.has(i) && holds(p, title));
    let from = 0;
    const wrong: string[] = [];
    for (const e of entries) {
      // a title may recur as a sub-heading the contents leave out (each playbook's "Post-incident activity"):
      // the entry is right when its page, in reading order, holds the title
      const listed = e.page - 1;
      if (listed >= from && !tocPages.has(listed) && holds(pages[listed] ?? '', e.title)) {
        from = listed;
        continue;
      }
      // headings before the contents (document control) are on the contents' first page or earlier
      const at = headingOn(e.title, from);
      const real = at >= 0 ? at + 1 : pages.findIndex((p) => holds(p, e.title)) + 1;
      if (at >= 0) from = at;
      if (real !== e.page) wrong.push(`${e.title}: contents ${e.page}, heading on ${real}`);
    }
    expect(wrong).toEqual([]);
  });

  for (const name of Object.keys(cases) as (keyof typeof cases)[]) {
    it(`${name}: every section title and every risk id is in the PDF`, () => {
      const pdf = pdfs.get(name)!;
      expect(pdf.pages.length).toBeGreaterThan(10);
      for (const t of SECTION_TITLES) expect(pdf.text, t).toContain(t);
      const missing = cases[name].risks.map((r) => r.id).filter((id) => !pdf.text.includes(id));
      expect(missing).toEqual([]);
    });

    it(`${name}: the register appendix is on landscape pages, the rest portrait`, () => {
      const pdf = pdfs.get(name)!;
      const start = pdf.pageTexts.findIndex((t) => /^\s*Appendix A\. Full risk register\s*$/m.test(t));
      const end = pdf.pageTexts.findIndex((t, i) => i > start && /^\s*Appendix B\. Rating scales\s*$/m.test(t));
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      for (let p = start; p < end; p++) expect(pdf.pages[p]!.w, `page ${p + 1}`).toBeGreaterThan(pdf.pages[p]!.h);
      expect(pdf.pages[0]!.h).toBeGreaterThan(pdf.pages[0]!.w);
      expect(pdf.pages[end]!.h).toBeGreaterThan(pdf.pages[end]!.w);
    });
  }
});
