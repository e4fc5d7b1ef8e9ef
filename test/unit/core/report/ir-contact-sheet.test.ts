/**
 * The IR plan's contact sheet as printed: each holder's organisation under their name (people
 * outside the client only), a missing email or phone reads "Not recorded", a second holder of
 * a role gets a row of their own, and the quick card puts each number beside its name.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentBundle } from '../../../../core/bundle/schema';
import { buildReport } from '../../../../core/report/build';
import { buildReportModel } from '../../../../core/report/model';
import { loadDemo } from './helpers';

const texts = (xml: string): string[] => Array.from(xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]!);
const cellsOf = (row: string): string[] => Array.from(row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g), ([c]) => c);
const rowsOf = (table: string): string[] => Array.from(table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g), ([r]) => r);
/** The paragraphs of a cell: their style and text. */
const paragraphsOf = (cell: string): { style: string; text: string }[] =>
  Array.from(cell.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g), ([p]) => ({ style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '', text: texts(p).join('') }));

describe('IR plan contact sheet', () => {
  const { bundle, pack, template } = loadDemo();
  let sheet: string[][] = [];

  beforeAll(async () => {
    const { irPlan } = await buildReport({ bundle, pack, template });
    const xml = await (await JSZip.loadAsync(irPlan!)).file('word/document.xml')!.async('string');
    // the table under the "Contact sheet" heading (the contents list names it first)
    const heading = xml.search(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>)[\s\S])*Contact sheet</);
    expect(heading).toBeGreaterThan(0);
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml.slice(heading))![0];
    sheet = rowsOf(table).map(cellsOf);
  }, 120_000);

  const rowOf = (name: string): string[] => sheet.find((cells) => texts(cells[1] ?? '').join('').startsWith(name))!;

  it('prints a partner’s organisation under the name, in small print, in the same cell', () => {
    expect(texts(sheet[0]!.join(''))).toEqual(['Role and duty', 'Name and organisation', 'Phone', 'Email']);
    for (const [name, organisation] of [
      ['Fabrikam Security SOC', 'Fabrikam Security'],
      ['Northwind Insurance claims line', 'Northwind Insurance'],
      ['Jordan Ellis', 'Microsoft'],
      ['Helen Osei', 'Lucerne Legal LLP'],
    ]) {
      const cell = paragraphsOf(rowOf(name!)[1]!);
      expect(cell[0]!.text).toBe(name);
      expect(cell[1]).toEqual({ style: 'Small', text: organisation });
    }
  });

  it('the client’s own staff have no organisation line; a missing email reads “Not recorded”', () => {
    expect(paragraphsOf(rowOf('Dana Okafor')[1]!).map((p) => p.text)).toEqual(['Dana Okafor']);
    expect(paragraphsOf(rowOf('Priya Natarajan')[1]!).map((p) => p.text)).toEqual(['Priya Natarajan', 'Deputy: Aisha Rahman']);
    const insurer = rowOf('Northwind Insurance claims line');
    expect(texts(insurer[3]!).join('')).toBe('Not recorded');
    expect(texts(insurer[2]!).join('').replace(/\u00A0/g, ' ')).toBe('+44 20 7946 0170');
  });

  it('a second holder of a role gets a row of their own, with their own phone and email beside the name', () => {
    const ellis = rowOf('Jordan Ellis');
    expect(texts(ellis[0]!).join('')).toBe('Microsoft support (also)');
    expect(texts(ellis[2]!).join('').replace(/\u00A0/g, ' ')).toBe('+44 20 7946 0199');
    expect(texts(ellis[3]!).join('')).toBe('jordan.ellis@microsoft.example');
  });

  it('an unheld role stays one row marked GAP in bold', () => {
    const gap = sheet.find((cells) => texts(cells[0]!).join('').startsWith('Microsoft Incident Response'))!;
    expect(texts(gap[1]!).join('')).toBe('GAP — not assigned');
    expect(gap[1]).toMatch(/<w:b\/>/);
  });
});

describe('IR plan contact sheet: contacts with no IR role', () => {
  it('lists them under the sheet in the same columns, a partner’s organisation under the name', async () => {
    const { bundle, pack, template } = loadDemo();
    const extra = [
      { id: 'x1', name: 'Sam Carter', role: 'Facilities manager (building access)', organisation: 'Tailspin Facilities Ltd', phone: '+44 20 7946 0777' },
      { id: 'x2', name: 'Lee Wong', role: 'Receptionist', organisation: bundle.assessment.client },
    ];
    const { irPlan } = await buildReport({ bundle: { ...bundle, contacts: [...bundle.contacts, ...extra] }, pack, template });
    const xml = await (await JSZip.loadAsync(irPlan!)).file('word/document.xml')!.async('string');
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml.slice(xml.indexOf('Other contacts recorded')))![0];
    const [header, carter, wong] = rowsOf(table).map(cellsOf);
    expect(texts(header!.join(''))).toEqual(['Role', 'Name and organisation', 'Phone', 'Email']);
    expect(paragraphsOf(carter![1]!)).toEqual([expect.objectContaining({ text: 'Sam Carter' }), { style: 'Small', text: 'Tailspin Facilities Ltd' }]);
    expect(texts(carter![3]!).join('')).toBe('Not recorded');
    expect(paragraphsOf(wong![1]!).map((p) => p.text)).toEqual(['Lee Wong']);
    expect(texts(wong![2]!).join('')).toBe('Not recorded');
  }, 120_000);
});

describe('IR plan model: holders and the quick card', () => {
  const { bundle, pack, template } = loadDemo();
  type Contact = AssessmentBundle['contacts'][number];
  const withContacts = (contacts: Contact[]) => buildReportModel({ ...bundle, contacts }, pack, template).irPlan;

  it('names the organisation beside a partner on the quick card, not when the name already says it', () => {
    const ir = buildReportModel(bundle, pack, template).irPlan;
    const names = ir.quickCard.callList.map((c) => c.name);
    expect(names).toContain('Jordan Ellis (Microsoft)');
    expect(names).toContain('Fabrikam Security SOC');
    expect(ir.quickCard.microsoft.find(([k]) => k === 'Who opens the case')![1].replace(/\u00A0/g, ' ')).toBe('Tom Becker: +44 20 7946 0102; Jordan Ellis (Microsoft): +44 20 7946 0199');
  });

  it('an organisation equal to the client’s name is not printed; a contact without phone or email reads “Not recorded”', () => {
    const lead: Contact = { id: 'a', name: 'Ana Lee', role: 'Incident commander', organisation: bundle.assessment.client, responsibilities: ['IR role: incident-lead'] };
    const row = withContacts([lead]).contactSheet.find((r) => r.role === 'Incident lead')!;
    expect(row.holders).toEqual([{ name: 'Ana Lee', organisation: '', phone: 'Not recorded', email: 'Not recorded', deputy: '' }]);
  });
});
