import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../core/report/build';
import { lintDocx } from '../../../../core/report/docx-lint';
import { registerCsv } from '../../../../core/report/register';
import { hostileBundle, hostileStrings, loadDemo } from './helpers';

describe('report build', () => {
  const { bundle, pack, template } = loadDemo();

  it('builds the demo report, which passes the structural linter', async () => {
    const progress: number[] = [];
    const { report, irPlan } = await buildReport({ bundle, pack, template, options: { irPlan: 'inside' }, onProgress: (p) => progress.push(p.fraction) });
    expect(irPlan).toBeUndefined();
    expect(await lintDocx(report)).toEqual([]);
    expect(progress[progress.length - 1]).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const zip = await JSZip.loadAsync(report);
    const doc = await zip.file('word/document.xml')!.async('string');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toMatch(/<dc:title>[^<]+<\/dc:title>/);
    expect(core).toMatch(/<cp:keywords>[^<]+<\/cp:keywords>/);
    // the landscape register appendix is printed at full depth only (report-depth.test.ts)
    // every risk has its entry (a bookmark in the themes chapter) for the links to land on
    for (const r of bundle.risks) expect(doc).toContain(`w:name="risk_${r.id.replace('-', '_')}"`);
    expect((await zip.file('word/settings.xml')!.async('string')).includes('<w:updateFields')).toBe(true);
  }, 60_000);

  it('writes the IR plan as a separate document by default', async () => {
    const { report, irPlan } = await buildReport({ bundle, pack, template });
    expect(irPlan).toBeDefined();
    expect(await lintDocx(report)).toEqual([]);
    expect(await lintDocx(irPlan!)).toEqual([]);
  }, 60_000);

  it('the linter catches what it should', async () => {
    const { report } = await buildReport({ bundle, pack, template });
    const zip = await JSZip.loadAsync(report);
    const doc = await zip.file('word/document.xml')!.async('string');
    zip.file(
      'word/document.xml',
      doc
        .replace('<w:body>', '<w:body><w:p><w:r><w:t>{{client}}</w:t></w:r><w:bookmarkStart w:id="99999" w:name="this_bookmark_name_is_far_longer_than_forty_chars"/></w:p><w:p><w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
        .replace(/<w:headerReference [^>]*\/>/, ''),
    );
    zip.file('word/comments.xml', '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
    zip.file('word/broken.xml', '<a><b></a>');
    zip.file('word/orphan.bin', 'no content type');
    const problems = await lintDocx(await zip.generateAsync({ type: 'uint8array' }));
    const rules = new Set(problems.map((p) => p.rule));
    for (const rule of ['placeholders', 'bookmarks', 'styles', 'fields', 'sections', 'comments', 'well-formed', 'content-types']) expect(rules, rule).toContain(rule);
  }, 60_000);

  it('the linter catches bad tables, links, numbering, relationships and a TOC without updateFields', async () => {
    const { report } = await buildReport({ bundle, pack, template });
    const zip = await JSZip.loadAsync(report);
    const doc = await zip.file('word/document.xml')!.async('string');
    const planted =
      '<w:tbl><w:tblPr/><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>' +
      '<w:tbl><w:tblPr><w:tblW w:w="100" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="0"/></w:tblGrid><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>' +
      '<w:p><w:pPr><w:numPr><w:numId w:val="999"/></w:numPr></w:pPr><w:hyperlink w:anchor="no_such_bookmark"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>';
    zip.file('word/document.xml', doc.replace('<w:body>', `<w:body>${planted}`));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdGone" Type="x" Target="media/gone.png"/></Relationships>'));
    const settings = await zip.file('word/settings.xml')!.async('string');
    zip.file('word/settings.xml', settings.replace(/<w:updateFields[^>]*\/>/, ''));
    const problems = await lintDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(problems.find((p) => p.rule === 'tables')?.message).toBe('2 table(s) without a grid of column widths or a table width');
    for (const rule of ['links', 'numbering', 'relationships', 'toc']) expect(problems.map((p) => p.rule), rule).toContain(rule);
    expect(problems.filter((p) => p.rule === 'well-formed')).toEqual([]);
  }, 60_000);

  it('hostile text in answers, notes and resource names: the linter still passes', async () => {
    expect(hostileStrings().length).toBeGreaterThanOrEqual(1000);
    const { report } = await buildReport({ bundle: hostileBundle(bundle), pack, template, options: { irPlan: 'inline' } });
    expect(await lintDocx(report)).toEqual([]);
  }, 120_000);

  it('exports the register as CSV, formulas neutralised', async () => {
    const { model } = await buildReport({ bundle: hostileBundle(bundle), pack, template });
    const csv = registerCsv(model);
    expect(csv.startsWith('\uFEFFID,Title,Work Item Type')).toBe(true);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv.split('\r\n').filter((l) => /^R-\d{3},/.test(l)).length).toBe(bundle.risks.length);
  }, 60_000);
});
