/**
 * The demo's incident response plan as its own document, converted by LibreOffice: the length
 * the issue asks for (15–25 pages), the quick-reference card alone on the page after the cover,
 * the contact sheet by role, and no word of a table cell broken across lines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/report/build';
import { loadDemo } from '../../unit/core/report/helpers';
import { officeAvailable, run, toPdf } from './office';

describe.runIf(officeAvailable)('IR plan PDF (LibreOffice)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-ir-plan-'));
  let pages: string[] = [];
  let xml = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const { bundle, pack, template } = loadDemo();
    const { irPlan } = await buildReport({ bundle, pack, template });
    writeFileSync(join(dir, 'plan.docx'), irPlan!);
    xml = await (await JSZip.loadAsync(irPlan!)).file('word/document.xml')!.async('string');
    const { stdout } = await run('pdftotext', ['-layout', await toPdf(dir, 'plan'), '-'], { maxBuffer: 64 * 1024 * 1024 });
    pages = stdout.split('\f').filter((p) => p.trim() !== '');
  }, 600_000);

  it('runs to 15–25 pages with the quick card alone on page 2 and the contact sheet by role', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(pages.length).toBeLessThanOrEqual(25);
    expect(pages[1]).toMatch(/Quick-reference card/);
    for (const step of ['Declare an incident', 'Who to call', 'First 15 minutes', 'Out-of-band channel', 'Microsoft case path']) expect(pages[1]).toContain(step);
    // the card's content stops on its page (page 3 names it only in the contents)
    expect(pages[2]).not.toMatch(/Who to call|Microsoft case path/);
    const sheet = pages.find((p) => /Contact sheet\n/.test(p))!;
    expect(sheet).toMatch(/Incident lead/);
    expect(sheet).toMatch(/Priya Natarajan/);
  });

  it('breaks no word of a table cell across lines', () => {
    const texts = (s: string): string[] => Array.from(s.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]!);
    const tableWords = new Set(Array.from(xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)).flatMap(([t]) => texts(t).flatMap((x) => x.match(/[A-Za-z]{4,}/g) ?? [])));
    const allWords = new Set(texts(xml).flatMap((x) => x.match(/[A-Za-z]+/g) ?? []));
    const tokens = pages.join(' ').replace(/\s+/g, ' ').split(' ');
    const broken = tokens.flatMap((a, i) => {
      const b = (tokens[i + 1] ?? '').replace(/[.,;:)]$/, '');
      return /^[A-Za-z]+$/.test(a) && /^[A-Za-z]+$/.test(b) && tableWords.has(a + b) && !allWords.has(a) ? [`${a} ${b}`] : [];
    });
    expect(broken).toEqual([]);
  });
});
