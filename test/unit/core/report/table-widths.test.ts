import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../core/report/build';
import { CELL_PADDING_TWIPS, fitWidths } from '../../../../core/report/render/context';
import { textWidthTwips, unbreakablePieces } from '../../../../core/report/render/text-metrics';
import { loadDemo } from './helpers';

/** Font size (pt) of each paragraph and character style, from the document's own styles.xml (w:sz is in half-points). */
function styleSizes(stylesXml: string): { size: (style: string | undefined) => number } {
  const own = new Map<string, { sz?: number; basedOn?: string }>();
  for (const [, id, body] of stylesXml.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const sz = /<w:sz w:val="(\d+)"/.exec(body!)?.[1];
    const basedOn = /<w:basedOn w:val="([^"]+)"/.exec(body!)?.[1];
    own.set(id!, { ...(sz ? { sz: Number(sz) / 2 } : {}), ...(basedOn ? { basedOn } : {}) });
  }
  const fallback = Number(/<w:rPrDefault>[\s\S]*?<w:sz w:val="(\d+)"/.exec(stylesXml)?.[1] ?? 22) / 2;
  const size = (style: string | undefined): number => {
    for (let s = style, depth = 0; s && depth < 10; s = own.get(s)?.basedOn, depth++) if (own.get(s)?.sz) return own.get(s)!.sz!;
    return fallback;
  };
  return { size };
}

/**
 * Every piece of every table cell (header or body) that would not fit its cell on one line:
 * the piece's width in Carlito (Calibri's metrics) at the run's font size and weight, plus
 * the cell margins, against the cell's width. A piece is what a line may not break inside
 * (text-metrics.ts `unbreakablePieces`): a word, an id, a path between its break opportunities.
 */
async function brokenWords(docx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const { size } = styleSizes(await zip.file('word/styles.xml')!.async('string'));
  const out: string[] = [];
  for (const [cell] of xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
    const width = Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(cell)?.[1]);
    for (const [p] of cell.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)) {
      const pStyle = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
      for (const [run] of p.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)) {
        const rStyle = /<w:rStyle w:val="([^"]+)"/.exec(run)?.[1];
        const sz = /<w:sz w:val="(\d+)"/.exec(run)?.[1];
        const pt = sz ? Number(sz) / 2 : rStyle && rStyle !== 'Strong' && rStyle !== 'Hyperlink' ? size(rStyle) : size(pStyle);
        const bold = pStyle === 'TableHeading' || rStyle === 'Strong' || /<w:b\/>/.test(run);
        const text = Array.from(run.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).join(' ');
        for (const word of unbreakablePieces(text)) if (textWidthTwips(word, pt, bold) + CELL_PADDING_TWIPS > width) out.push(`${word} (${width} twips, ${pt} pt)`);
      }
    }
  }
  return out;
}

describe('table column widths', () => {
  const { bundle, pack, template } = loadDemo();
  const demo = buildReport({ bundle, pack, template, options: { irPlan: 'separate' } });

  it('fitWidths: fills the width, keeps the weights where it can, never goes under a minimum that fits', () => {
    expect(fitWidths([1, 1, 2], 4000)).toEqual([1000, 1000, 2000]);
    const w = fitWidths([1, 6, 1.6, 1.6], 9638, [0, 0, 1400, 0]);
    expect(w.reduce((s, x) => s + x, 0)).toBe(9638);
    expect(w[2]).toBeGreaterThanOrEqual(1400);
    expect(w[1]! / w[0]!).toBeCloseTo(6, 1);
    const tight = fitWidths([1, 1], 1000, [800, 800]);
    expect(tight.reduce((s, x) => s + x, 0)).toBe(1000);
  });

  it('no header or cell of the demo report breaks a word at the default widths (Carlito/Calibri advance widths)', async () => {
    const { report, irPlan } = await demo;
    expect(await brokenWords(report)).toEqual([]);
    expect(await brokenWords(irPlan!)).toEqual([]);
  }, 60_000);

  it('table rows of the demo never split across pages (but very tall ones), and header rows repeat', async () => {
    const { report, irPlan } = await demo;
    for (const docx of [report, irPlan!]) {
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      const rows = Array.from(xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g), ([tr]) => tr);
      expect(rows.length).toBeGreaterThan(100);
      // a row may split only when it is longer than a page could hold with its table (~2,000 characters of cell text)
      const splittable = rows.filter((tr) => !tr.includes('<w:cantSplit/>')).filter((tr) => Array.from(tr.matchAll(/<w:t[^>]*>([^<]*)</g), (m) => m[1]).join('').length < 2000);
      expect(splittable.map((tr) => tr.slice(0, 200))).toEqual([]);
      const headers = rows.filter((tr) => tr.includes('w:val="TableHeading"'));
      expect(headers.length).toBeGreaterThan(10);
      expect(headers.filter((tr) => !tr.includes('<w:tblHeader/>')).map((tr) => tr.slice(0, 200))).toEqual([]);
    }
  }, 60_000);
});
