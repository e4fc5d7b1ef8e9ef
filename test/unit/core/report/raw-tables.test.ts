import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxTable, insertRawTables, newRawTables, tableXml, type CellContent, type TableSpec } from '../../../../core/report/render/primitives';
import { hostileStrings } from './helpers';

/** The `<w:tbl>` elements the docx library writes for these tables, in order. */
async function libraryXml(specs: TableSpec[]): Promise<string[]> {
  const children = specs.flatMap((s) => [docxTable(s), new Paragraph({ children: [] })]);
  const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
  const xml = await zip.file('word/document.xml')!.async('string');
  return Array.from(xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g), (m) => m[0]);
}

describe('tables written as text', () => {
  const hostile = hostileStrings().filter((s) => s.length < 200);
  const cell = (i: number): CellContent => {
    const text = hostile[i % hostile.length]!;
    switch (i % 5) {
      case 0:
        return text;
      case 1:
        return { text, link: 'risk_R_001' };
      case 2:
        return { text, shade: 'DDEBF7', bold: true, color: 'FFFFFF' };
      case 3:
        return { text: `${text}\nsecond line\twith a tab`, bold: true };
      default:
        return '';
    }
  };
  const specs: TableSpec[] = [
    { widths: [1000, 2000, 3000], header: ['ID', 'Risk & "title"', "Owner's"], rows: Array.from({ length: 60 }, (_, r) => [cell(r * 3), cell(r * 3 + 1), cell(r * 3 + 2)]), headerFill: '1F3864', headerText: 'FFFFFF', band: 'F3F6FA' },
    { widths: [2700, 6938], rows: [[{ text: 'Label', bold: true, shade: 'F2F2F2' }, 'value']], headerFill: 'F2F2F2', headerText: '', border: '0A0B0C' },
    { widths: [500, 500], header: ['A', 'B'], rows: [['only one cell']], headerFill: '111111', headerText: 'FFFFFF', repeatHeader: false },
  ];

  it('are exactly what the docx library writes for the same table, hostile text included', async () => {
    const expected = await libraryXml(specs);
    expect(expected).toHaveLength(specs.length);
    specs.forEach((s, i) => expect(tableXml(s) === expected[i], `table ${i}`).toBe(true));
  }, 60_000);

  it('replace their markers once each, with section properties kept after the table', () => {
    const raw = newRawTables();
    raw.xml.push('<w:tbl>A</w:tbl>', '<w:tbl>B</w:tbl>');
    const marker = (i: number, pPr = ''): string => `<w:p>${pPr}<w:r><w:t xml:space="preserve">demarc-table-${raw.nonce}-${i}</w:t></w:r></w:p>`;
    const sect = '<w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr>';
    const forged = '<w:p><w:r><w:t xml:space="preserve">demarc-table-000000000000000000000000-0</w:t></w:r></w:p>';
    const doc = `<w:body><w:p>${sect.replace('nextPage', 'continuous')}</w:p>${forged}${marker(0)}<w:p/>${marker(1, sect)}</w:body>`;
    expect(insertRawTables(doc, raw)).toBe(`<w:body><w:p>${sect.replace('nextPage', 'continuous')}</w:p>${forged}<w:tbl>A</w:tbl><w:p/><w:tbl>B</w:tbl><w:p>${sect}</w:p></w:body>`);
    expect(() => insertRawTables(`${marker(0)}`, raw)).toThrow(/1 table\(s\) were not found/);
    expect(() => insertRawTables(`${marker(0)}${marker(0)}${marker(1)}`, raw)).toThrow(/unknown or repeated/);
  });
});
