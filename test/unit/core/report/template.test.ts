import { describe, expect, it } from 'vitest';
import { defaultTemplateDir, readTemplateDir } from '../../../../cli/commands/template-check';
import { checkTemplate } from '../../../../core/report/template-check';
import { loadTemplate, parseMarkdown, probeImage, resolveInlines, type TemplateFile } from '../../../../core/report/template';
import JSZip from 'jszip';

const defaultFiles = (await readTemplateDir(defaultTemplateDir)).files;
const files = (): TemplateFile[] => [...defaultFiles];
const replace = (list: TemplateFile[], path: string, f: Partial<TemplateFile> | null): TemplateFile[] =>
  f === null ? list.filter((x) => x.path !== path) : list.some((x) => x.path === path) ? list.map((x) => (x.path === path ? { path, ...f } : x)) : [...list, { path, ...f }];

describe('report templates', () => {
  it('the default template has no problems', async () => {
    expect(await checkTemplate(files())).toEqual([]);
    const { template } = loadTemplate(files());
    expect(template?.logo?.type).toBe('png');
  });

  it('reports an unknown placeholder with its file and line', () => {
    const list = replace(files(), 'blocks/disclaimer.md', { text: 'First line.\n\nHello {{clientName}} and {{client}}.' });
    const { problems, template } = loadTemplate(list);
    expect(template).toBeUndefined();
    expect(problems).toContainEqual({ file: 'blocks/disclaimer.md', line: 3, message: 'unknown placeholder {{clientName}}' });
  });

  it('reports missing and unknown blocks, bad images, schema errors with lines', () => {
    let list = replace(files(), 'blocks/glossary.md', null);
    list = replace(list, 'blocks/extra.md', { text: 'x' });
    list = replace(list, 'logo.png', { bytes: new TextEncoder().encode('<svg/>') });
    const manifest = list.find((f) => f.path === 'template.yaml')!.text!.replace('primary: "1F3864"', 'primary: "#1F3864"');
    const { problems } = loadTemplate(replace(list, 'template.yaml', { text: manifest }));
    expect(problems.map((p) => p.file)).toContain('template.yaml');
    expect(problems.find((p) => p.message.includes('colour'))?.line).toBeGreaterThan(1);
    const { problems: p2 } = loadTemplate(list);
    expect(p2).toContainEqual({ file: 'blocks/glossary.md', message: "missing block 'glossary'" });
    expect(p2.some((p) => p.file === 'blocks/extra.md' && /unknown block/.test(p.message))).toBe(true);
    expect(p2).toContainEqual({ file: 'logo.png', message: 'bad image: the logo must be a PNG or JPEG file' });
  });

  it('lists styles a reference document lacks', async () => {
    const zip = new JSZip();
    zip.file('word/styles.xml', '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="Normal"/><w:style w:styleId="Heading1"/></w:styles>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    let list = replace(files(), 'reference.docx', { bytes });
    const manifest = `${list.find((f) => f.path === 'template.yaml')!.text!}\nreferenceDocx: reference.docx\n`;
    list = replace(list, 'template.yaml', { text: manifest });
    const problems = await checkTemplate(list);
    expect(problems.some((p) => p.file === 'reference.docx' && p.message === "missing style 'Heading2' (the report uses it)")).toBe(true);
    expect(problems.some((p) => p.message.includes("'Normal'"))).toBe(false);
  });

  it('finds the reference document however template.yaml spells it (parsed, not pattern-matched)', async () => {
    const zip = new JSZip();
    zip.file('word/styles.xml', '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="Normal"/></w:styles>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const base = files().find((f) => f.path === 'template.yaml')!.text!;
    for (const spelling of ['referenceDocx: >-\n  styles/reference.docx\n', '"referenceDocx": \'styles/reference.docx\'   # Word styles\n']) {
      const list = replace(replace(files(), 'styles/reference.docx', { bytes }), 'template.yaml', { text: `${base}\n${spelling}` });
      const problems = await checkTemplate(list);
      expect(problems, spelling).toContainEqual({ file: 'styles/reference.docx', message: "missing style 'Heading1' (the report uses it)" });
    }
  });

  it('parses the Markdown subset and never re-expands placeholder values', () => {
    const { blocks } = parseMarkdown('# Title\n\nSome **bold {{client}}** text.\n\n- one\n- two {{date}}\n\n1. first\n2. second');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'bullets', 'numbered']);
    const para = blocks[1]!;
    if (para.kind !== 'paragraph') throw new Error('expected a paragraph');
    const out = resolveInlines(para.inlines, { client: '{{date}} **x**', date: 'NOPE' });
    expect(out.map((o) => o.text).join('')).toBe('Some bold {{date}} **x** text.');
    expect(out.find((o) => o.text.includes('{{date}}'))?.bold).toBe(true);
  });

  it('reads PNG and JPEG sizes', () => {
    const png = files().find((f) => f.path === 'logo.png')!.bytes!;
    expect(probeImage(png)).toEqual({ type: 'png', width: 360, height: 96 });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(probeImage(jpeg)).toEqual({ type: 'jpg', width: 64, height: 32 });
    expect(probeImage(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
