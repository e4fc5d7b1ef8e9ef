import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../core/report/build';
import { CELL_PADDING_TWIPS, fitWidths, TABLE_TEXT_PT } from '../../../../core/report/render/context';
import { textWidthTwips, unbreakablePieces } from '../../../../core/report/render/text-metrics';
import { loadDemo } from './helpers';

/** Words (letters, maybe an apostrophe, hyphen or closing punctuation) that no table may break. */
const NATURAL_WORD = /^[A-Za-z’'(]+[A-Za-z’')-]*[.,;:]?$/;

/** Every word of every table cell that would not fit its cell at the font's real advance widths. */
async function brokenWords(docx: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  const out: string[] = [];
  for (const [cell] of xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
    const width = Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(cell)?.[1]);
    const heading = cell.includes('w:val="TableHeading"');
    for (const [run] of cell.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)) {
      const bold = heading || run.includes('w:val="Strong"');
      const text = Array.from(run.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join(' ');
      for (const word of unbreakablePieces(text)) {
        if (NATURAL_WORD.test(word) && textWidthTwips(word, TABLE_TEXT_PT, bold) + CELL_PADDING_TWIPS > width) out.push(`${word} (${width} twips)`);
      }
    }
  }
  return out;
}

describe('table column widths', () => {
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
    const { bundle, pack, template } = loadDemo();
    const { report, irPlan } = await buildReport({ bundle, pack, template, options: { irPlan: 'separate' } });
    expect(await brokenWords(report)).toEqual([]);
    expect(await brokenWords(irPlan!)).toEqual([]);
  }, 60_000);
});
